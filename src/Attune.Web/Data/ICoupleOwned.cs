namespace Attune.Data;

/// <summary>
/// Marks an entity whose rows belong to one couple. <see cref="AttuneDbContext"/> gives every such
/// entity a query filter on <see cref="CoupleId"/>, so a request only ever reads its own couple's rows.
/// </summary>
internal interface ICoupleOwned
{
    Guid CoupleId { get; }
}

/// <summary>Marks the couple row itself: a request sees only its own couple's row.</summary>
internal interface ICoupleRow
{
    Guid Id { get; }
}
