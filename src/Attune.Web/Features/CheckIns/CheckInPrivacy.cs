using System.Globalization;
using System.Text.Json;
using Attune.Encryption;

namespace Attune.Features.CheckIns;

/// <summary>
/// The one rule for reading a check-in: my own always; my partner's only when both have submitted that week.
/// Its free texts stay sealed under the author's key, bound to the row (couple, week, author).
/// </summary>
internal sealed class CheckInPrivacy(FieldCipher cipher)
{
    public const string Purpose = "checkin-texts";

    public byte[]? Seal(CheckIn row, CheckInTexts texts) =>
        texts == CheckInTexts.Empty || (texts.Appreciations.Count == 0 && texts.WentWell is null && texts.Concern is null && texts.Wish is null)
            ? null
            : cipher.Seal(KeyOwner.User(row.UserId), JsonSerializer.Serialize(texts), Purpose, Row(row));

    /// <summary>The texts of a row the reader may see (theirs, or a revealed week's); null when they may not.</summary>
    public CheckInTexts? Read(CheckIn row, Guid readerId, bool revealed)
    {
        if (row.UserId != readerId && !revealed)
        {
            return null;
        }

        return row.Texts is null
            ? CheckInTexts.Empty
            : JsonSerializer.Deserialize<CheckInTexts>(cipher.Open(KeyOwner.User(row.UserId), row.Texts, Purpose, Row(row))) ?? CheckInTexts.Empty;
    }

    public CheckInAnswers? Answers(CheckIn? row, Guid readerId, bool revealed) =>
        row is null || Read(row, readerId, revealed) is not { } texts
            ? null
            : new CheckInAnswers(row.Trust, row.Communication, row.Vulnerability, row.Empathy, row.Support, row.Togetherness,
                row.FeltAlone, row.Closeness, texts.Appreciations, texts.WentWell, texts.Concern, texts.Wish, row.SubmittedAt);

    public static string Row(CheckIn row) =>
        string.Create(CultureInfo.InvariantCulture, $"checkins/{row.CoupleId:N}/{row.Week:yyyy-MM-dd}/{row.UserId:N}");
}
