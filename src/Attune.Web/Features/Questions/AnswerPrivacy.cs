using Attune.Encryption;

namespace Attune.Features.Questions;

/// <summary>
/// The one rule for reading answers and replies: my own words always; my partner's words only when the
/// day is revealed (both answered). Everything is sealed under its author's own key.
/// </summary>
internal sealed class AnswerPrivacy(FieldCipher cipher)
{
    public const string AnswerPurpose = "answer";
    public const string ReplyPurpose = "reaction-reply";

    public byte[] SealAnswer(Guid authorId, string text) => cipher.Seal(KeyOwner.User(authorId), text, AnswerPurpose);

    public byte[] SealReply(Guid authorId, string text) => cipher.Seal(KeyOwner.User(authorId), text, ReplyPurpose);

    public string? ReadAnswer(Answer answer, Guid readerId, bool revealed) =>
        answer.UserId == readerId || revealed ? cipher.Open(KeyOwner.User(answer.UserId), answer.Text, AnswerPurpose) : null;

    public string? ReadReply(Reaction reaction, Guid readerId, bool revealed) =>
        reaction.Reply is null || (reaction.UserId != readerId && !revealed)
            ? null
            : cipher.Open(KeyOwner.User(reaction.UserId), reaction.Reply, ReplyPurpose);
}
