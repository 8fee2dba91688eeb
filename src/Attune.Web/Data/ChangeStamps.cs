using System.Collections.Concurrent;

namespace Attune.Data;

/// <summary>
/// A change stamp per key (a couple, a person), for entries kept in memory that must stop being used
/// the moment their key changes: an entry remembers the stamp it was made under and is current only
/// while the stamp is the same. Stamps come from one process-wide counter, so a key's stamp never
/// takes a value it had before; that lets a key idle for longer than any entry lives be forgotten,
/// which keeps the table bounded by the keys changed within <see cref="ForgetAfter"/>.
/// </summary>
internal sealed class ChangeStamps(TimeProvider time)
{
    /// <summary>Longer than any entry that uses a stamp is kept (the longest cache allows 10 minutes).</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    private const int SweepEvery = 4096;

    private readonly ConcurrentDictionary<Guid, (long Stamp, DateTimeOffset At)> _stamps = new();
    private long _counter;
    private long _changes;

    public int Count => _stamps.Count;

    /// <summary>The key's current stamp; 0 for a key not changed within <see cref="ForgetAfter"/>.</summary>
    public long Current(Guid key) => _stamps.TryGetValue(key, out var entry) ? entry.Stamp : 0;

    public void Change(Guid key)
    {
        var now = time.GetUtcNow();
        _stamps[key] = (Interlocked.Increment(ref _counter), now);
        if (Interlocked.Increment(ref _changes) % SweepEvery == 0)
        {
            Sweep(now - ForgetAfter);
        }
    }

    /// <summary>Forgets keys last changed before the cutoff; every entry made under their stamps has expired.</summary>
    public void Sweep(DateTimeOffset cutoff)
    {
        foreach (var (key, entry) in _stamps)
        {
            if (entry.At < cutoff)
            {
                _stamps.TryRemove(KeyValuePair.Create(key, entry));
            }
        }
    }
}
