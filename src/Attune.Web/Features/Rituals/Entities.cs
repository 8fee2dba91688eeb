using Attune.Data;

namespace Attune.Features.Rituals;

/// <summary>
/// A ritual of connection the couple keeps: either one of the project's templates (<see cref="Template"/>, its
/// title is the localized template name) or a custom one (its title sealed under the couple's key). The
/// recurrence is a set of weekdays, a local time and a duration, read in the couple's time zone.
/// </summary>
internal sealed class Ritual : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid Id { get; set; }

    /// <summary>A template key from <see cref="RitualTemplates"/>, or null for a custom ritual.</summary>
    public string? Template { get; set; }

    /// <summary>The custom title, sealed under the couple's key; empty for a template.</summary>
    public byte[] Title { get; set; } = [];

    /// <summary>Bit 0 = Monday … bit 6 = Sunday.</summary>
    public int Days { get; set; }

    public TimeOnly LocalTime { get; set; }

    public int DurationMinutes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One screen-free time together: a ritual started now, running until <see cref="EndsAt"/>.</summary>
internal sealed class RitualSession : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid Id { get; set; }

    public Guid RitualId { get; set; }

    public Guid StartedBy { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }
}

/// <summary>A partner's one-line reflection after a session, sealed under the couple's key (both read it).</summary>
internal sealed class RitualReflection : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid SessionId { get; set; }

    public Guid AuthorId { get; set; }

    public byte[] Text { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}
