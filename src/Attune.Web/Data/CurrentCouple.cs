namespace Attune.Data;

/// <summary>
/// Who is calling, and which couple they belong to, for the current request. This is the one place
/// the couple scope comes from: the query filters of <see cref="AttuneDbContext"/> read it.
/// </summary>
internal sealed class CurrentCouple
{
    public Guid? UserId { get; private set; }

    public Guid? CoupleId { get; private set; }

    /// <summary>The signed-in device this request came from (see Features/Sessions).</summary>
    public Guid? SessionId { get; private set; }

    public bool IsInCouple => CoupleId is not null;

    public void Set(Guid userId, Guid? coupleId, Guid? sessionId = null)
    {
        UserId = userId;
        CoupleId = coupleId;
        SessionId = sessionId ?? SessionId;
    }

    public void Clear()
    {
        UserId = null;
        CoupleId = null;
        SessionId = null;
    }
}
