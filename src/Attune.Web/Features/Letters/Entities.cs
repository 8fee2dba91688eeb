using Attune.Data;

namespace Attune.Features.Letters;

/// <summary>
/// A love letter from one partner to the other. The text is sealed under the writer's key and stays
/// there: opening is an access rule (<see cref="LetterRules"/>), like the reveal of answers, so the
/// recipient's view opens it only once the letter has opened.
/// </summary>
internal sealed class Letter : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid Id { get; set; }

    public Guid WriterId { get; set; }

    public byte[] Text { get; set; } = [];

    /// <summary>When it opens by itself; null: it opens when both press open within a minute.</summary>
    public DateTimeOffset? OpensAt { get; set; }

    public DateTimeOffset? WriterPressedAt { get; set; }

    public DateTimeOffset? RecipientPressedAt { get; set; }

    /// <summary>Set when a "together" letter opened (both pressed), or when a timed letter was first opened after its time.</summary>
    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
