using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

public sealed record PasskeyDto(string Id, string Name, DateTimeOffset CreatedAt, bool Synced);

/// <summary>Real passkey ceremonies (a software authenticator) through the API: add, sign in, remove.</summary>
public abstract class PasskeyApiTests(AttuneApp app)
{
    private const string Origin = "https://attune.test";

    [Fact]
    public async Task A_passkey_added_in_one_session_signs_in_without_a_password_and_stops_working_once_removed()
    {
        var user = await app.RegisterAsync();
        using var authenticator = new SoftwareAuthenticator(Origin);
        using var browser = await BrowserAsync(user);

        var options = await (await browser.PostAsync("/api/v1/me/passkeys/options", null)).Content.ReadAsStringAsync();
        var added = await browser.PostAsJsonAsync("/api/v1/me/passkeys", new { credential = authenticator.Create(options), name = "My phone" });
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var listed = Assert.Single((await user.Api.GetFromJsonAsync<List<PasskeyDto>>("/api/v1/me/passkeys"))!);
        Assert.Equal(("My phone", authenticator.CredentialId), (listed.Name, listed.Id));

        using var device = NewClient();
        var signedIn = await PasskeySignInAsync(device, authenticator);
        Assert.True(signedIn.StatusCode == HttpStatusCode.OK, await signedIn.Content.ReadAsStringAsync());
        using var api = app.CreateHttpClient(handleCookies: false);
        api.DefaultRequestHeaders.Authorization = new("Bearer", (await signedIn.ReadAsync<TokenResponse>()).AccessToken);
        Assert.Equal(user.Id, (await api.GetFromJsonAsync<MeDto>("/api/v1/me"))!.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Api.DeleteAsync($"/api/v1/me/passkeys/{listed.Id}")).StatusCode);
        using var again = NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await PasskeySignInAsync(again, authenticator)).StatusCode);
        var kinds = (await user.Api.GetFromJsonAsync<List<AuditEntryDto>>("/api/v1/me/security-events"))!.Select(e => e.Kind).ToList();
        Assert.Equal(["passkey-removed", "signed-in", "passkey-added"], kinds.Take(3));
    }

    [Fact]
    public async Task A_credential_for_another_challenge_or_another_site_is_refused_and_nothing_is_stored()
    {
        var user = await app.RegisterAsync();
        using var phishing = new SoftwareAuthenticator("https://attune.example");
        using var browser = await BrowserAsync(user);
        var options = await (await browser.PostAsync("/api/v1/me/passkeys/options", null)).Content.ReadAsStringAsync();

        var wrongSite = await browser.PostAsJsonAsync("/api/v1/me/passkeys", new { credential = phishing.Create(options) });
        var garbage = await browser.PostAsJsonAsync("/api/v1/me/passkeys", new { credential = "{\"id\":\"x\"}" });

        Assert.Equal(HttpStatusCode.BadRequest, wrongSite.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Empty((await user.Api.GetFromJsonAsync<List<PasskeyDto>>("/api/v1/me/passkeys"))!);
    }

    [Fact]
    public async Task Someone_elses_passkey_cannot_be_removed()
    {
        var owner = await app.RegisterAsync();
        var other = await app.RegisterAsync();
        using var authenticator = new SoftwareAuthenticator(Origin);
        using var browser = await BrowserAsync(owner);
        var options = await (await browser.PostAsync("/api/v1/me/passkeys/options", null)).Content.ReadAsStringAsync();
        await browser.PostAsJsonAsync("/api/v1/me/passkeys", new { credential = authenticator.Create(options) });

        Assert.Equal(HttpStatusCode.NotFound, (await other.Api.DeleteAsync($"/api/v1/me/passkeys/{authenticator.CredentialId}")).StatusCode);
        Assert.Single((await owner.Api.GetFromJsonAsync<List<PasskeyDto>>("/api/v1/me/passkeys"))!);
    }

    [Fact]
    public async Task Finishing_a_ceremony_that_was_never_started_here_is_refused_with_a_problem_not_a_server_error()
    {
        var user = await app.RegisterAsync();
        using var authenticator = new SoftwareAuthenticator(Origin);
        using var browser = await BrowserAsync(user);
        using var stranger = NewClient();
        using var elsewhere = NewClient();
        var assertionOptions = await (await elsewhere.PostAsync("/api/v1/auth/passkey/options", null)).Content.ReadAsStringAsync();

        var refused = new[]
        {
            // No options call at all: a bearer app, and an anonymous visitor.
            await user.Api.PostAsJsonAsync("/api/v1/me/passkeys", new { credential = "{}" }),
            await stranger.PostAsJsonAsync("/api/v1/auth/passkey", new { credential = authenticator.Get(assertionOptions) }),
            // A sign-in ceremony finished as an addition, and an addition finished as a sign-in.
            await ThenAsync(browser, "/api/v1/auth/passkey/options", "/api/v1/me/passkeys", new { credential = "{}" }),
            await ThenAsync(browser, "/api/v1/me/passkeys/options", "/api/v1/auth/passkey", new { credential = "{}" }),
        };

        foreach (var response in refused)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("credential", body, StringComparison.Ordinal);
        }

        Assert.Empty((await user.Api.GetFromJsonAsync<List<PasskeyDto>>("/api/v1/me/passkeys"))!);
    }

    private static async Task<HttpResponseMessage> ThenAsync(HttpClient client, string optionsPath, string path, object body)
    {
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(optionsPath, null)).StatusCode);
        return await client.PostAsJsonAsync(path, body);
    }

    /// <summary>A signed-in browser: cookies (Identity keeps the challenge in one) and the Origin header a browser sends.</summary>
    private async Task<HttpClient> BrowserAsync(TestUser user)
    {
        var client = await app.PageClientAsync(user);
        client.DefaultRequestHeaders.Add("Origin", Origin);
        return client;
    }

    private HttpClient NewClient()
    {
        var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Add("Origin", Origin);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    private static async Task<HttpResponseMessage> PasskeySignInAsync(HttpClient client, SoftwareAuthenticator authenticator)
    {
        var options = await (await client.PostAsync("/api/v1/auth/passkey/options", null)).Content.ReadAsStringAsync();
        return await client.PostAsJsonAsync("/api/v1/auth/passkey", new { credential = authenticator.Get(options) });
    }
}

public sealed class SqlitePasskeyApiTests(AttuneApp app, ITestOutputHelper output) : PasskeyApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresPasskeyApiTests(PostgresAttuneApp app, ITestOutputHelper output) : PasskeyApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
