using System.Globalization;
using Attune.Data;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Attune.Features.Questions;

/// <summary>
/// Each person's Today view, kept in memory until anything in their couple is written
/// (<see cref="CoupleChanges"/>), the couple's day turns, or <see cref="QuestionsOptions.TodayCacheFor"/>
/// passes (the bound on staleness from writes made by another app instance). Keyed by couple and
/// viewer, so a view is only ever served to the person it was made for, and by the request's language,
/// so it is never served in another language than the one asked for.
/// </summary>
internal sealed class TodayCache(IMemoryCache cache, CoupleChanges changes, IOptions<QuestionsOptions> options, TimeProvider time)
{
    private sealed record Entry(TodayResponse View, long Version, string TimeZone, DateOnly Date);

    /// <summary>Read before building a view, so a write that races the build leaves the entry stale, not wrong.</summary>
    public long Version(Guid coupleId) => changes.Version(coupleId);

    public TodayResponse? Find(Guid coupleId, Guid viewer) =>
        cache.TryGetValue(Key(coupleId, viewer), out Entry? entry)
        && entry!.Version == changes.Version(coupleId)
        && entry.Date == CoupleDay.Today(time, entry.TimeZone)
            ? entry.View
            : null;

    public void Keep(Guid coupleId, Guid viewer, long version, string timeZone, TodayResponse view)
    {
        if (options.Value.TodayCacheFor > TimeSpan.Zero)
        {
            cache.Set(Key(coupleId, viewer), new Entry(view, version, timeZone, view.Date),
                new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.Value.TodayCacheFor });
        }
    }

    private static (string, Guid, Guid, string) Key(Guid coupleId, Guid viewer) =>
        (nameof(TodayCache), coupleId, viewer, CultureInfo.CurrentUICulture.Name);
}
