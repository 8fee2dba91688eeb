using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Attune.Data;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Attune.Features.Shell;

internal sealed class TodayPageOptions
{
    public const string Section = "TodayPage";

    /// <summary>
    /// How long a person's loaded Today cards may be served from memory at most. Any write in their couple
    /// through this instance ends it at once; this bounds how late a change by time alone (a letter's hour,
    /// the couple's day turning) or a write through another instance shows. Zero turns it off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// What the Today page loaded for one person: the greeting's name and the cards' models, kept in memory
/// until anything in their couple is written (<see cref="CoupleChanges"/>) or <see cref="TodayPageOptions.CacheFor"/>
/// passes, measured both on the app's clock (so a clock that jumps, as in tests, ends it) and in real time.
/// Keyed by couple, viewer and language: an entry is only ever served to the person, in the language, it was
/// made for. Singles are not cached (their writes carry no couple stamp). The rendering (antiforgery tokens,
/// the layout) happens per request; only the loaded models are reused, and they are read-only records.
/// </summary>
internal sealed class TodayPageCache(IMemoryCache cache, CoupleChanges changes, IOptions<TodayPageOptions> options, TimeProvider time)
{
    public sealed record Page(string DisplayName, IReadOnlyList<LoadedCard> Cards);

    private sealed record Entry(Page Page, long Version, DateTimeOffset MadeAt);

    public async Task<Page> GetAsync(Caller caller, Func<Task<Page>> load)
    {
        var cacheFor = options.Value.CacheFor;
        if (caller.CoupleId is not { } coupleId || cacheFor <= TimeSpan.Zero)
        {
            return await load();
        }

        var key = (nameof(TodayPageCache), coupleId, caller.UserId, CultureInfo.CurrentUICulture.Name);
        var now = time.GetUtcNow();
        if (cache.TryGetValue(key, out Entry? entry)
            && entry!.Version == changes.Version(coupleId)
            && now >= entry.MadeAt && now - entry.MadeAt < cacheFor)
        {
            return entry.Page;
        }

        // Read before loading: a write that races the load leaves the entry stale, not wrong.
        var version = changes.Version(coupleId);
        var page = await load();
        cache.Set(key, new Entry(page, version, now), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = cacheFor });
        return page;
    }
}
