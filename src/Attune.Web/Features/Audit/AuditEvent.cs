using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Audit;

/// <summary>What happened, never what was written: the kinds carry no intimate content by construction.</summary>
internal enum AuditKind
{
    SignedIn,
    SignInFailed,
    LockedOut,
    SecondStepFailed,
    RecoveryCodeUsed,
    RevokedSessionUsed,
    RateLimited,
    SessionRevoked,
    OtherSessionsRevoked,
    PasswordChanged,
    TwoStepEnabled,
    TwoStepDisabled,
    RecoveryCodesRenewed,
    PasskeyAdded,
    PasskeyRemoved,
    Exported,
    LeftCouple,
    AccountDeleted,
    AuthenticatorKeyReplaced,
    RefreshTokenReused,
    PasswordPausedOnDevice,
}

/// <summary>
/// One security event. The user id is kept after an account is deleted: it then names nobody, and
/// the operator can still see that a deletion happened. No foreign key, for the same reason.
/// </summary>
internal sealed class AuditEvent
{
    /// <summary>Increasing, so events order exactly even within one clock tick.</summary>
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    public AuditKind Kind { get; init; }

    public Guid? UserId { get; init; }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(e => new { e.UserId, e.At });
        builder.HasIndex(e => e.At);
    }
}
