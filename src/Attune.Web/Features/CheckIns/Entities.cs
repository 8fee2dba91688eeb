using Attune.Data;

namespace Attune.Features.CheckIns;

/// <summary>
/// One partner's check-in for one of the couple's weeks: a draft until <see cref="SubmittedAt"/> is set.
/// Ratings are plain numbers; every free text (appreciations, what went well, the concern, the wish) is in
/// <see cref="Texts"/>, sealed under the author's key for good (CheckInPrivacy). The partner may read it
/// only once both have submitted that week.
/// </summary>
internal sealed class CheckIn : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    /// <summary>The first day of the couple's check-in week (its chosen check-in day), in the couple's time zone.</summary>
    public DateOnly Week { get; set; }

    public Guid UserId { get; set; }

    public int? Trust { get; set; }

    public int? Communication { get; set; }

    public int? Vulnerability { get; set; }

    public int? Empathy { get; set; }

    public int? Support { get; set; }

    public int? Togetherness { get; set; }

    /// <summary>"I felt alone even when we were together": 0 never … 4 almost always.</summary>
    public int? FeltAlone { get; set; }

    /// <summary>The closeness picture chosen, 1 (apart) … 7 (almost fully overlapping).</summary>
    public int? Closeness { get; set; }

    /// <summary>The free texts as JSON (CheckInTexts), sealed under the author's key; null when nothing was written.</summary>
    public byte[]? Texts { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }
}

/// <summary>The couple's check-in settings and, per week, when they marked their conversation done.</summary>
internal sealed class CheckInSchedule : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    /// <summary>The day a new check-in week starts, in the couple's time zone.</summary>
    public DayOfWeek Day { get; set; } = CheckInWeek.DefaultDay;
}

/// <summary>A week whose guided conversation the couple marked done.</summary>
internal sealed class CheckInConversation : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public DateOnly Week { get; set; }

    public Guid DoneBy { get; set; }

    public DateTimeOffset DoneAt { get; set; }
}
