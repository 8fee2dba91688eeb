using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Reminders;

/// <summary>What a reminder mail may mention. <see cref="All"/> is only an unsubscribe target (the List-Unsubscribe header).</summary>
internal enum ReminderKind
{
    Question = 1,
    CheckIn = 2,
    Rituals = 3,
    All = 9,
}

/// <summary>
/// One person's reminder choices: all off until they opt in, per kind. Quiet hours are local (the couple's zone,
/// or the person's own while single). <see cref="LastDigestOn"/> keeps it to one mail a local day. The secret signs
/// this person's unsubscribe links; it is not text anyone wrote.
/// </summary>
internal sealed class ReminderSettings
{
    public static readonly TimeOnly DefaultQuietFrom = new(21, 0);
    public static readonly TimeOnly DefaultQuietUntil = new(8, 0);

    public Guid UserId { get; set; }

    public bool Question { get; set; }

    public bool CheckIn { get; set; }

    public bool Rituals { get; set; }

    public TimeOnly QuietFrom { get; set; } = DefaultQuietFrom;

    public TimeOnly QuietUntil { get; set; } = DefaultQuietUntil;

    public DateOnly? LastDigestOn { get; set; }

    public byte[] Secret { get; set; } = [];

    public bool Any => Question || CheckIn || Rituals;

    /// <summary>Quiet from <see cref="QuietFrom"/> (inclusive) to <see cref="QuietUntil"/> (exclusive), across midnight if needed; equal times mean never quiet.</summary>
    public static bool IsQuiet(TimeOnly at, TimeOnly from, TimeOnly until) =>
        from < until ? at >= from && at < until : from > until && (at >= from || at < until);
}

// Settings belong to a person, not a couple: keyed by user, read only where user_id is the caller (or the
// unsubscribe token's person, or the planner outside any request).
internal sealed class ReminderSettingsConfiguration : IEntityTypeConfiguration<ReminderSettings>
{
    public void Configure(EntityTypeBuilder<ReminderSettings> builder)
    {
        builder.ToTable("reminder_settings");
        builder.HasKey(s => s.UserId);
        builder.Ignore(s => s.Any);
        builder.Property(s => s.Secret).HasMaxLength(32);
    }
}
