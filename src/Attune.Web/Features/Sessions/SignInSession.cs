using Attune.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Sessions;

internal enum SessionKind
{
    Browser,
    App,
}

/// <summary>
/// One signed-in device. Every cookie and bearer token names its session; deleting the row signs that
/// device out on its next request, which is how revocation is immediate for both kinds of credential.
/// Holds no address and no raw user agent, only a short label the owner recognises.
/// </summary>
internal sealed class SignInSession
{
    public const int MaxDeviceLength = 80;

    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public SessionKind Kind { get; init; }

    /// <summary>e.g. "Firefox on Android".</summary>
    public string Device { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>When this device last proved who holds it: its sign-in, or the password entered again since.</summary>
    public DateTimeOffset VerifiedAt { get; set; }

    /// <summary>How many refresh tokens this session has used; only a token carrying the current count works (see RefreshTokens).</summary>
    public int RefreshCount { get; set; }

    /// <summary>Wrong passwords entered on this device in a row (see SessionProofs).</summary>
    public int PasswordFailures { get; set; }

    /// <summary>Until when this device may not try its password again, after too many wrong ones.</summary>
    public DateTimeOffset? PasswordPausedUntil { get; set; }
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Device).HasMaxLength(SignInSession.MaxDeviceLength);
        builder.HasIndex(s => s.UserId);
        builder.HasOne<AttuneUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
