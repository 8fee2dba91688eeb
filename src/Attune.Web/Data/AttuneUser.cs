using Microsoft.AspNetCore.Identity;

namespace Attune.Data;

/// <summary>
/// The account row. It is the one entity this folder knows, because Identity's context is built on it;
/// the features that keep a setting on it configure and change that setting themselves (Accounts,
/// Couples, Questions, Leaving).
/// </summary>
internal sealed class AttuneUser : IdentityUser<Guid>
{
    public const int MaxDisplayNameLength = 60;

    public string DisplayName { get; set; } = "";

    /// <summary>IANA time zone name, e.g. "Europe/Berlin".</summary>
    public string TimeZone { get; set; } = "Etc/UTC";

    public Guid? CoupleId { get; set; }

    /// <summary>
    /// The language this person chose in their profile ("en", "de"); null follows the browser's
    /// Accept-Language. It travels with the session check (Features/Sessions), so it costs no query.
    /// </summary>
    public string? Language { get; set; }

    /// <summary>The deepest question level this person is comfortable with. Never shown to the partner.</summary>
    public int MaxQuestionDepth { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the partner left: all this person is told is that the couple ended.</summary>
    public DateTimeOffset? CoupleEndedAt { get; set; }
}
