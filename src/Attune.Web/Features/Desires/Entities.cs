using Attune.Data;

namespace Attune.Features.Desires;

/// <summary>The couple's switch: desires are off until either partner turns them on, and either can turn them off.</summary>
internal sealed class DesireSwitch : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public bool Enabled { get; set; }
}

/// <summary>
/// One person's place in the couple's desires: their own 18+ confirmation and all their marks, in one value
/// sealed under their own key. The value always lists every item of the list (unmarked ones too), so its
/// length says nothing about how many were marked or how; both partners' rows are made together when the
/// switch first goes on, so a row's existence says nothing either. There is no "changed at" on purpose.
/// </summary>
internal sealed class DesireMarks : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>When this person confirmed they are 18 or older; null until they do.</summary>
    public DateTimeOffset? AdultAt { get; set; }

    public byte[] Marks { get; set; } = [];
}
