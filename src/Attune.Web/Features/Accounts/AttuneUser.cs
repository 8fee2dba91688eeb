using Microsoft.AspNetCore.Identity;

namespace Attune.Features.Accounts;

internal sealed class AttuneUser : IdentityUser<Guid>
{
    public const int MaxDisplayNameLength = 60;

    public string DisplayName { get; set; } = "";

    /// <summary>IANA time zone name, e.g. "Europe/Berlin".</summary>
    public string TimeZone { get; set; } = TimeZones.Default;

    public Guid? CoupleId { get; set; }

    /// <summary>The deepest question level this person is comfortable with. Never shown to the partner.</summary>
    public int MaxQuestionDepth { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the partner left: all this person is told is that the couple ended.</summary>
    public DateTimeOffset? CoupleEndedAt { get; set; }
}
