using System.Threading.RateLimiting;
using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;

namespace Attune.Features.Calendar;

internal static class CalendarEndpoints
{
    /// <summary>The rate limit of the feed: fetches per client address per minute (calendar apps fetch every few hours).</summary>
    public const string FeedLimit = "calendar-feed";

    public const int FeedPermitsPerMinute = 60;

    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddScoped<CalendarLinks>();
        services.AddScoped<CalendarFeed>();
        services.AddNavEntry<CalendarText>(Destination.Me, 35, "nav.calendar", "calendar", "/me/calendar", Audience.Everyone);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(FeedLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = FeedPermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }

    public static RouteGroupBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        // The feed: the token is the credential, so no sign-in; never described in the OpenAPI document.
        app.MapGet("/calendar/{token}.ics", Feed).AllowAnonymous().RequireRateLimiting(FeedLimit).ExcludeFromDescription();

        var group = app.MapGroup("/api/v1/calendar").WithTags("Calendar").RequireAuthorization();
        group.MapGet("/", Get);
        group.MapPost("/regenerate", Regenerate);
        group.MapDelete("/", Revoke);
        return group;
    }

    private static async Task<Ok<CalendarLinkView>> Get(CalendarLinks links, CancellationToken ct) =>
        TypedResults.Ok(await links.GetAsync(ct));

    private static async Task<Results<Ok<CalendarLinkView>, ProblemHttpResult>> Regenerate(
        HttpRequest request, PublicUrls urls, CalendarLinks links, CancellationToken ct) =>
        urls.BaseFor(request) is { } publicBase ? TypedResults.Ok(await links.RegenerateAsync(publicBase, ct)) : PublicUrls.Unknown();

    private static async Task<NoContent> Revoke(CalendarLinks links, CancellationToken ct)
    {
        await links.RevokeAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// 404 for any token nobody holds, after the same hash-and-lookup as a real one. The path (with the token)
    /// is never logged: request lines are off (QuietLogging) and faults log the route pattern only.
    /// </summary>
    private static async Task<Results<ContentHttpResult, NotFound>> Feed(string token, HttpResponse response, CalendarFeed feed, CancellationToken ct)
    {
        if (await feed.OwnerAsync(token, ct) is not { } owner)
        {
            return TypedResults.NotFound();
        }

        response.Headers.CacheControl = "no-store";
        return TypedResults.Text(await feed.BuildAsync(owner, ct), "text/calendar; charset=utf-8");
    }
}
