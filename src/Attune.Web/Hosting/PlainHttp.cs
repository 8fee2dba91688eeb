using System.Net;

namespace Attune.Hosting;

/// <summary>
/// Plain HTTP outside Development. Every cookie is Secure (and __Host- prefixed, AuthCookies); browsers accept
/// Secure cookies from http://localhost, so a request from this machine is served as it is. A plain-HTTP request
/// from any other address gets a page that says Attune needs HTTPS and how to put it behind a proxy: sign-in
/// cookies, tokens and answers must not cross a network in clear. Runs after the forwarded headers, so a TLS proxy
/// on this machine that sends X-Forwarded-Proto: https is HTTPS here.
/// </summary>
internal static class PlainHttp
{
    private const string Title = "Attune needs HTTPS";

    private const string Explanation =
        "This address was reached over plain HTTP from another computer. Attune answers plain HTTP only on the " +
        "computer it runs on (http://localhost), because sign-in cookies and everything you write must not cross a " +
        "network unencrypted.";

    private const string Remedy =
        "To use Attune from other devices, put it behind a reverse proxy on the same computer that terminates TLS " +
        "(Caddy, nginx) and forwards to Attune on 127.0.0.1 with the X-Forwarded-For and X-Forwarded-Proto headers; " +
        "for Caddy, a site block with \"reverse_proxy 127.0.0.1:8080\" is enough. See \"Deploying\" in Attune's README.";

    private static readonly string Page = $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{Title}</title></head>
        <body>
        <h1>{Title}</h1>
        <p>{WebUtility.HtmlEncode(Explanation)}</p>
        <p>{WebUtility.HtmlEncode(Remedy)}</p>
        </body>
        </html>
        """;

    public static WebApplication UsePlainHttpRules(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return app;
        }

        app.Use(async (context, next) =>
        {
            if (context.Request.IsHttps || FromThisMachine(context.Connection.RemoteIpAddress)
                || context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
            {
                await next(context);
                return;
            }

            await Refuse(context).ExecuteAsync(context);
        });

        // Antiforgery refuses to run over plain HTTP when its own cookie policy is Always, so its cookie is
        // SameAsRequest (AuthCookies) and this policy marks it, and every other cookie, Secure instead.
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.Always });
        return app;
    }

    // No address at all is a Unix socket or an in-process host: not the network either.
    private static bool FromThisMachine(IPAddress? address) =>
        address is null || IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static IResult Refuse(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            ? TypedResults.Problem(title: Title, detail: $"{Explanation} {Remedy}", statusCode: StatusCodes.Status403Forbidden)
            : TypedResults.Content(Page, "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
}
