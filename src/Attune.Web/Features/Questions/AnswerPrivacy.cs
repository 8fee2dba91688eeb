using System.Globalization;
using Attune.Encryption;

namespace Attune.Features.Questions;

/// <summary>
/// The one rule for reading answers and replies: my own words always; my partner's words only when the
/// day is revealed (both answered). Everything is sealed under its author's own key and bound to its row.
/// </summary>
internal sealed class AnswerPrivacy(FieldCipher cipher)
{
    public const string AnswerPurpose = "answer";
    public const string ReplyPurpose = "reaction-reply";

    public byte[] SealAnswer(Guid coupleId, DateOnly date, Guid authorId, string text) =>
        cipher.Seal(KeyOwner.User(authorId), text, AnswerPurpose, AnswerRow(coupleId, date, authorId));

    /// <summary>Seals the reply of this reaction row (its couple, date and author must be set).</summary>
    public byte[] SealReply(Reaction reaction, string text) =>
        cipher.Seal(KeyOwner.User(reaction.UserId), text, ReplyPurpose, ReplyRow(reaction));

    public string? ReadAnswer(Answer answer, Guid readerId, bool revealed) =>
        answer.UserId == readerId || revealed ? cipher.Open(KeyOwner.User(answer.UserId), answer.Text, AnswerPurpose, AnswerRow(answer)) : null;

    public string? ReadReply(Reaction reaction, Guid readerId, bool revealed) =>
        reaction.Reply is null || (reaction.UserId != readerId && !revealed)
            ? null
            : cipher.Open(KeyOwner.User(reaction.UserId), reaction.Reply, ReplyPurpose, ReplyRow(reaction));

    /// <summary>The identity an answer's text is bound to: its primary key (couple, date, author).</summary>
    public static string AnswerRow(Guid coupleId, DateOnly date, Guid authorId) => Row("answers", coupleId, date, authorId);

    public static string AnswerRow(Answer answer) => AnswerRow(answer.CoupleId, answer.Date, answer.UserId);

    public static string ReplyRow(Reaction reaction) => Row("reactions", reaction.CoupleId, reaction.Date, reaction.UserId);

    private static string Row(string table, Guid coupleId, DateOnly date, Guid authorId) =>
        string.Create(CultureInfo.InvariantCulture, $"{table}/{coupleId:N}/{date:yyyy-MM-dd}/{authorId:N}");
}
