using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Attune.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Attune.Features.Shell;

internal sealed class TodayPageOptions
{
    public const string Section = "TodayPage";

    /// <summary>
    /// How long a person's rendered Today page may be served from memory at most. Any write in their couple
    /// through this instance ends it at once; this bounds how late a change by time alone (a letter's hour,
    /// the couple's day turning) or a write through another instance shows. Zero turns it off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Keeps a person's rendered Today page in memory (ASP.NET Core's output cache) and serves it again, as is,
/// to the same person in the same sign-in, browser and language, until anything in their couple is written
/// (<see cref="CoupleChanges"/>) or <see cref="TodayPageOptions.CacheFor"/> passes, on the app's clock and in
/// real time. A profile of the page (bench/README.md) found that rendering it (Razor, the layout, the
/// antiforgery token) cost about five times what loading it did once the cards were kept; this keeps both.
/// <para>
/// What makes a kept page safe to serve again: it is looked up only after authentication, the session check
/// and authorization ran for this request; the key holds the person, their session and their couple, so it
/// is only ever served to the person it was made for; it holds a hash of the browser's antiforgery cookie, as
/// the page's forms carry a token bound to that cookie (a request without one is never served from memory or
/// kept); and a response that sets a cookie, or is anything but a plain 200, is never kept. Singles, and any
/// request with a query string, are not cached.
/// </para>
/// </summary>
internal sealed class TodayPageOutput : IOutputCachePolicy
{
    public const string Policy = "TodayPage";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var cacheFor = services.GetRequiredService<IOptions<TodayPageOptions>>().Value.CacheFor;
        var caller = services.GetRequiredService<CallerScope>().Current;
        var browser = http.Request.Cookies[services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name!];
        if (cacheFor <= TimeSpan.Zero || caller is not { CoupleId: { } coupleId, SessionId: { } sessionId }
            || string.IsNullOrEmpty(browser) || http.Request.QueryString.HasValue
            || !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)))
        {
            return ValueTask.CompletedTask;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var rules = context.CacheVaryByRules;
        rules.VaryByValues["person"] = caller.UserId.ToString("N");
        rules.VaryByValues["session"] = sessionId.ToString("N");
        rules.VaryByValues["couple"] = coupleId.ToString("N");
        // Any write in the couple moves its stamp, so a page made before it is never found again.
        rules.VaryByValues["stamp"] = services.GetRequiredService<CoupleChanges>().Version(coupleId).ToString(CultureInfo.InvariantCulture);
        rules.VaryByValues["language"] = CultureInfo.CurrentUICulture.Name;
        rules.VaryByValues["browser"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(browser)));
        // The app's clock, in windows of CacheFor: a clock that jumps (as in tests) ends a kept page too. Each couple's
        // windows start at their own offset, so that pages do not all expire, and render again, at the same moment.
        var offset = (uint)coupleId.GetHashCode() % cacheFor.Ticks;
        rules.VaryByValues["window"] = ((now.UtcTicks + offset) / cacheFor.Ticks).ToString(CultureInfo.InvariantCulture);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = cacheFor;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
