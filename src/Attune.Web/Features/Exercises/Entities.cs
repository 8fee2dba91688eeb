using Attune.Data;

namespace Attune.Features.Exercises;

/// <summary>One eye-gazing time: started now for a few minutes; the server keeps start and end (no free text).</summary>
internal sealed class GazingSession : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid Id { get; set; }

    public Guid StartedBy { get; set; }

    public int Minutes { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }
}

/// <summary>
/// A partner's one-line reflection after gazing, sealed under the couple's key. The partner reads it once both have
/// written theirs (<see cref="GazingService"/>), so neither line steers the other.
/// </summary>
internal sealed class GazingReflection : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid SessionId { get; set; }

    public Guid AuthorId { get; set; }

    public byte[] Text { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// An evening of questions: where the couple is in the three sets (<see cref="Position"/> 0–35, set = position / 12),
/// and who reads first (the first reader on even positions, the other on odd ones). No free text: they talk, the app keeps none of it.
/// </summary>
internal sealed class EveningSession : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid Id { get; set; }

    public Guid StartedBy { get; set; }

    public Guid FirstReaderId { get; set; }

    public Guid SecondReaderId { get; set; }

    public int Position { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
