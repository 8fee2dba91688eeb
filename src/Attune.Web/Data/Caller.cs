namespace Attune.Data;

/// <summary>
/// The person a request runs for: set once, by the sessions middleware, from the live session the
/// request names, and never changed during the request. Services that act for the caller take this
/// value; an explicit user id appears only where a query deliberately leaves the couple scope
/// (export, deletion; listed in docs/architecture.md).
/// </summary>
/// <param name="UserId">The signed-in account.</param>
/// <param name="CoupleId">The caller's couple when the request started; null when single.</param>
/// <param name="SessionId">The signed-in device (Features/Sessions); null only for work outside a request, such as the demo seeder.</param>
internal sealed record Caller(Guid UserId, Guid? CoupleId, Guid? SessionId)
{
    public bool IsInCouple => CoupleId is not null;

    /// <summary>
    /// The caller's couple, on routes and pages that declare they need one (<c>RequireCouple()</c> on a
    /// route group, <c>RequireCouple(folder)</c> for pages), which answer "not in a couple" before any handler runs.
    /// </summary>
    public Guid Couple => CoupleId ?? throw new InvalidOperationException(
        "This code needs a couple, but its route or page does not declare RequireCouple().");
}

/// <summary>
/// Holds the request's <see cref="Caller"/>. Scoped: one per request, set at most once. The database
/// context reads the couple scope from here at query time, so it works for queries made before the
/// caller is known (the session check itself) and after (everything else).
/// </summary>
internal sealed class CallerScope
{
    public Caller? Current { get; private set; }

    /// <summary>Sets the caller; setting the same caller again (a request re-executed for its error page) changes nothing.</summary>
    public void Set(Caller caller)
    {
        if (Current is not null && Current != caller)
        {
            throw new InvalidOperationException("The caller of a request is set once.");
        }

        Current = caller;
    }
}
