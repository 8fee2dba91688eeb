namespace Attune.Hosting;

internal static class SecurityHeaders
{
    // Everything is served from our own origin: no inline scripts, no third parties, no framing.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            context.Response.OnStarting(() =>
            {
                // Nothing personal may linger in a shared browser's or a proxy's cache.
                if (context.User.Identity?.IsAuthenticated == true || !IsStaticAsset(context.Request.Path))
                {
                    context.Response.Headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

    private static bool IsStaticAsset(PathString path) =>
        path.StartsWithSegments("/css", StringComparison.Ordinal)
        || path.StartsWithSegments("/js", StringComparison.Ordinal)
        || path.StartsWithSegments("/img", StringComparison.Ordinal)
        || path == "/favicon.svg"
        || path == "/manifest.webmanifest";
}
