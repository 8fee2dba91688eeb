using Attune.Data;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Attune.Features.Sessions;

internal sealed class SignInSessionOptions
{
    public const string Section = "Sessions";

    /// <summary>
    /// How long a checked session may be trusted from memory. Revocation and couple changes through
    /// this instance end it at once; this bounds how late a revocation made through another instance
    /// takes effect. Zero checks the database on every request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Live sessions recently confirmed by the database, so that most requests need no query at all.
/// <see cref="Forget"/> (on revocation, joining, leaving, deleting) makes every cached session of
/// that person stale at once, through a per-person change stamp (bounded: see <see cref="ChangeStamps"/>).
/// </summary>
internal sealed class SessionCache(IMemoryCache cache, IOptions<SignInSessionOptions> options, TimeProvider time)
{
    private sealed record Entry(ActiveSession Session, long Generation);

    private readonly ChangeStamps _generations = new(time);

    public long Generation(Guid userId) => _generations.Current(userId);

    public ActiveSession? Find(Guid sessionId, Guid userId) =>
        cache.TryGetValue((nameof(SessionCache), sessionId), out Entry? entry)
        && entry!.Session.UserId == userId
        && entry.Generation == Generation(userId)
            ? entry.Session
            : null;

    /// <summary>Keeps a session the database just confirmed.</summary>
    /// <param name="session">The confirmed session.</param>
    /// <param name="generation">Read before the database was asked, so a revocation racing the check wins.</param>
    public void Keep(ActiveSession session, long generation)
    {
        if (options.Value.CacheFor > TimeSpan.Zero)
        {
            cache.Set((nameof(SessionCache), session.SessionId), new Entry(session, generation), options.Value.CacheFor);
        }
    }

    /// <summary>Every cached session of these people must be checked against the database again.</summary>
    public void Forget(params ReadOnlySpan<Guid> userIds)
    {
        foreach (var userId in userIds)
        {
            _generations.Change(userId);
        }
    }
}
