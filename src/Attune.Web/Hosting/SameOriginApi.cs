using Attune.Data;
using Microsoft.Extensions.Options;

namespace Attune.Hosting;

/// <summary>
/// Cross-site request forgery through the API. A browser attaches the sign-in cookie to any request
/// to Attune, also one that a page of another site makes (SameSite=Lax still allows it from a sibling
/// subdomain, and a form post needs no JavaScript). Pages carry antiforgery tokens; the API refuses a
/// change that a browser says comes from elsewhere. For an unsafe request under /api without an
/// Authorization header:
/// <list type="bullet">
/// <item>with Sec-Fetch-Site (every current browser): only <c>same-origin</c> passes;</item>
/// <item>else with Origin (older browsers): only Attune's own origin passes (the request's, or Attune:PublicUrl's);</item>
/// <item>with neither it passes: browsers send at least one of them on every unsafe request, so such a
/// request comes from a program (an app, a script, a test), which holds only its own cookie.</item>
/// </list>
/// A request with an Authorization header (bearer apps) is never forged: another site's page cannot set
/// that header without a CORS preflight, and Attune grants none.
/// </summary>
internal sealed partial class SameOriginApi(RequestDelegate next, IOptions<AttuneOptions> options, ILogger<SameOriginApi> logger)
{
    private readonly string? _publicOrigin = string.IsNullOrEmpty(options.Value.PublicUrl)
        ? null
        : new Uri(options.Value.PublicUrl).GetLeftPart(UriPartial.Authority);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (IsSafe(request.Method) || !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || request.Headers.Authorization.Count > 0 || IsSameOrigin(request))
        {
            return next(context);
        }

        LogRefused(logger, request.Method);
        return TypedResults.Problem(
            title: "Not from Attune",
            detail: "Changes through Attune's API must come from Attune's own pages, or from an app signed in with a token.",
            statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    private bool IsSameOrigin(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"] is { Count: > 0 } site)
        {
            return site == "same-origin";
        }

        if (request.Headers.Origin is { Count: > 0 } origin)
        {
            return string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
                || string.Equals(origin, _publicOrigin, StringComparison.OrdinalIgnoreCase);
        }

        return true;
    }

    [LoggerMessage(LogLevel.Warning, "Refused a cross-site {Method} to the API")]
    private static partial void LogRefused(ILogger logger, string method);
}

internal static class SameOriginApiExtensions
{
    public static IApplicationBuilder UseSameOriginApi(this IApplicationBuilder app) => app.UseMiddleware<SameOriginApi>();
}
