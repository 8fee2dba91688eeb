using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Attune.Tests.Fixtures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

/// <summary>
/// Cross-site request forgery through the API: a signed-in browser visiting another site must not let
/// that site change anything. Every unsafe method of every /api/v1 route, taken from the app's own
/// endpoint list, is sent with the sign-in cookie and the headers a browser adds to another site's
/// request; each is refused before it reaches the route, and the couple is unchanged.
/// </summary>
public abstract partial class CrossSiteApiTests(AttuneApp app)
{
    private const string Own = "https://attune.test";

    /// <summary>What a browser sends when a page of another site (or a sandboxed one, or a sibling subdomain) makes the request.</summary>
    private static readonly (string Name, (string Header, string Value)[] Headers)[] ForeignRequests =
    [
        ("another site, older browser", [("Origin", "https://evil.example")]),
        ("another site", [("Sec-Fetch-Site", "cross-site"), ("Origin", "https://evil.example")]),
        ("a sibling subdomain", [("Sec-Fetch-Site", "same-site"), ("Origin", "https://blog.attune.test")]),
        ("a sandboxed page", [("Origin", "null")]),
        ("this host over plain http", [("Origin", "http://attune.test")]),
    ];

    [Fact]
    public async Task Every_unsafe_api_route_refuses_a_cookie_request_from_another_site()
    {
        var (inviter, partner) = await app.CreatePairedCoupleAsync();
        Assert.Equal(HttpStatusCode.OK, (await inviter.AnswerAsync("my answer")).StatusCode);
        using var browser = await app.PageClientAsync(inviter);
        var before = await SnapshotAsync(inviter);

        var routes = UnsafeApiRoutes();
        Assert.True(routes.Count >= 20, $"only {routes.Count} unsafe routes found");
        Assert.Contains(("POST", "/api/v1/couple/leave"), routes);
        var failures = new List<string>();
        foreach (var (method, template) in routes)
        {
            foreach (var (name, headers) in ForeignRequests)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), RouteValue().Replace(template, Guid.NewGuid().ToString()))
                {
                    Content = JsonContent.Create(new { }),
                };
                foreach (var (header, value) in headers)
                {
                    request.Headers.Add(header, value);
                }

                var response = await browser.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Forbidden || !body.Contains("Not from Attune", StringComparison.Ordinal)
                    || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{method} {template} from {name}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 120)]}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} cross-site requests were not refused:\n" + string.Join("\n", failures.Take(30)));
        Assert.Equal(before, await SnapshotAsync(inviter));
        Assert.Equal(HttpStatusCode.OK, (await partner.Api.GetAsync("/api/v1/couple")).StatusCode);
    }

    [Fact]
    public async Task Attunes_own_pages_apps_with_a_token_and_programs_without_browser_headers_still_change_things()
    {
        var (inviter, partner) = await app.CreatePairedCoupleAsync();
        using var browser = await app.PageClientAsync(inviter);

        // The app's own scripts (passkeys.js): a current browser sends Sec-Fetch-Site, an older one only Origin.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(browser, HttpMethod.Put, "/api/v1/couple", new { timeZone = "Asia/Tokyo" },
            ("Sec-Fetch-Site", "same-origin"), ("Origin", Own))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(browser, HttpMethod.Post, "/api/v1/me/passkeys/options", null, ("Origin", Own))).StatusCode);
        // A bearer token cannot be attached by another site, whatever its Origin says.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(partner.Api, HttpMethod.Put, "/api/v1/couple", new { timeZone = "Europe/Rome" },
            ("Sec-Fetch-Site", "cross-site"), ("Origin", "https://evil.example"))).StatusCode);
        // Neither header: not a browser (an app, a script), which holds no one else's cookie. Documented in SameOriginApi.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(browser, HttpMethod.Put, "/api/v1/couple", new { timeZone = "Europe/Berlin" })).StatusCode);
        Assert.Equal("Europe/Berlin", (await partner.Api.GetFromJsonAsync<CoupleDto>("/api/v1/couple"))!.TimeZone);

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(browser, HttpMethod.Post, "/api/v1/couple/leave", null,
            ("Sec-Fetch-Site", "same-origin"), ("Origin", Own))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Api.GetAsync("/api/v1/couple")).StatusCode);
    }

    /// <summary>Every unsafe method of every /api/v1 route in the app's endpoint list, as (method, route template).</summary>
    private List<(string Method, string Template)> UnsafeApiRoutes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Method: m, Template: e.RoutePattern.RawText!.TrimEnd('/'))))
            .Where(r => r.Method is not ("GET" or "HEAD" or "OPTIONS"))
            .Distinct()
            .ToList();

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body, params (string Header, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        foreach (var (header, value) in headers)
        {
            request.Headers.Add(header, value);
        }

        return client.SendAsync(request);
    }

    private static async Task<string> SnapshotAsync(TestUser user)
    {
        var parts = new List<string>();
        foreach (var path in new[] { "/api/v1/me", "/api/v1/couple", "/api/v1/today", "/api/v1/questions/custom", "/api/v1/me/sessions", "/api/v1/me/two-step", "/api/v1/me/passkeys" })
        {
            parts.Add(await user.Api.GetStringAsync(path));
        }

        return string.Join('\n', parts);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();
}

public sealed class SqliteCrossSiteApiTests(AttuneApp app) : CrossSiteApiTests(app), IClassFixture<AttuneApp>;

public sealed class PostgresCrossSiteApiTests(PostgresAttuneApp app) : CrossSiteApiTests(app), IClassFixture<PostgresAttuneApp>;
