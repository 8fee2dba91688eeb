using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

/// <summary>Headers, health, OpenAPI and cookies of the running app.</summary>
public sealed class HostingTests(AttuneApp app, ITestOutputHelper output) : IClassFixture<AttuneApp>
{
    private readonly AttuneApp app = app.LogsTo(output);

    [Theory]
    [InlineData("/")]
    [InlineData("/signin")]
    [InlineData("/api/v1/me")]
    [InlineData("/health/live")]
    [InlineData("/css/site.css")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = app.CreateHttpClient();
        var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticated_responses_are_never_cached()
    {
        var user = await app.RegisterAsync();
        var response = await user.Api.GetAsync("/api/v1/me");
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Health_endpoints_answer_and_ready_checks_the_database()
    {
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint()
    {
        var routes = ApiRoutes.Of(app);
        using var client = app.CreateHttpClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        // Taken from the app's endpoint list, so a route added later is checked without editing this test.
        Assert.NotEmpty(routes);
        var undescribed = routes
            .Where(r => !(paths.TryGetProperty(r.OpenApiPath, out var path) && path.TryGetProperty(r.Method.ToLowerInvariant(), out _)))
            .Select(r => r.Name)
            .ToList();
        Assert.True(undescribed.Count == 0, $"{undescribed.Count} of {routes.Count} routes are missing from /openapi/v1.json: {string.Join(", ", undescribed)}");
    }

    [Fact]
    public async Task The_sign_in_cookie_is_host_prefixed_secure_http_only_and_lax()
    {
        var user = await app.RegisterAsync();
        using var client = app.CreateHttpClient(handleCookies: false);
        var response = await client.PostAsJsonAsync("/api/v1/auth/login?useCookies=true", new { email = user.Email, password = user.Password });

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-attune.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pages_send_anonymous_visitors_to_sign_in_while_the_api_answers_401()
    {
        using var client = app.CreateHttpClient();
        var page = await client.GetAsync("/couple");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("https://attune.test/signin", page.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/couple")).StatusCode);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        using var client = app.CreateHttpClient();
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "someone@example.test",
            ["Input.Password"] = "whatever-it-is",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Logs_never_hold_passwords_tokens_codes_or_answers()
    {
        var (inviter, partner) = await app.CreatePairedCoupleAsync();
        var canary = "CANARY-" + Guid.NewGuid().ToString("N");
        using var anonymous = app.CreateHttpClient();
        var token = await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = inviter.Email, password = inviter.Password }))
            .ReadAsync<TokenResponse>();
        var single = await app.RegisterAsync();
        var invitation = await single.InviteAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.RegisterAsync()).JoinAsync("ZZZZ-ZZZZ")).StatusCode);
        await inviter.Api.PutAsJsonAsync("/api/v1/today/answer", new { text = canary });
        await partner.Api.PutAsJsonAsync("/api/v1/today/answer", new { text = canary + "-partner" });
        await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = inviter.Email, password = "wrong " + canary });

        var logs = app.Logs.Text;
        // The logs do cover these requests (the failed sign-in is logged), so the checks below are not vacuous.
        Assert.Contains($"Security event SignInFailed for user {inviter.Id}", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(TestUsers.Password, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(token.AccessToken, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(token.RefreshToken, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(invitation.Code, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(invitation.Code.Replace("-", "", StringComparison.Ordinal), logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_load_nothing_from_another_origin()
    {
        using var client = app.CreateHttpClient();
        foreach (var path in new[] { "/", "/signin", "/register", "/join/ABCD-EFGH" })
        {
            var html = await client.GetStringAsync(path);
            Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        }
    }
}
