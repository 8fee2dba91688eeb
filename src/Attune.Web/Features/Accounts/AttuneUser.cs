using Microsoft.AspNetCore.Identity;

namespace Attune.Features.Accounts;

internal sealed class AttuneUser : IdentityUser<Guid>
{
    public const int MaxDisplayNameLength = 60;

    public string DisplayName { get; set; } = "";

    /// <summary>IANA time zone name, e.g. "Europe/Berlin".</summary>
    public string TimeZone { get; set; } = TimeZones.Default;

    public Guid? CoupleId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
