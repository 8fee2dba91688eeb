using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attune.Tests.Fixtures;
using OtpNet;

namespace Attune.Tests.Api;

/// <summary>
/// Changing how someone signs in needs the password again, or a sign-in within Security:RecentSignIn
/// (5 minutes): a session alone, on a phone picked up unlocked, is not enough. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class ReAuthenticationApiTests(AttuneApp app)
{
    private const string Origin = "https://attune.test";
    private static readonly TimeSpan PastTheWindow = TimeSpan.FromMinutes(6);

    public static TheoryData<string, string> SignInMethodChanges => new()
    {
        { "POST", "/api/v1/me/two-step/setup" },
        { "POST", "/api/v1/me/two-step/enable" },
        { "POST", "/api/v1/me/two-step/disable" },
        { "POST", "/api/v1/me/two-step/recovery-codes" },
        { "POST", "/api/v1/me/passkeys/options" },
        { "POST", "/api/v1/me/passkeys" },
        { "DELETE", "/api/v1/me/passkeys/AAAAAAAAAAAAAAAAAAAAAA" },
    };

    [Theory]
    [MemberData(nameof(SignInMethodChanges))]
    public async Task A_session_signed_in_a_while_ago_cannot_change_how_one_signs_in_without_the_password(string method, string path)
    {
        var user = await app.RegisterAsync();
        app.Time.Advance(PastTheWindow);

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { code = "123456", credential = "{}" }) };
        var response = await user.Api.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("password", out _), text);
        Assert.Contains("password", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_right_password_or_a_new_sign_in_opens_the_window_for_that_session_and_a_wrong_password_never_does()
    {
        var user = await app.RegisterAsync();
        app.Time.Advance(PastTheWindow);

        var wrong = await user.Api.PostAsJsonAsync("/api/v1/me/passkeys/options", new { password = "not the password" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("\"password\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await user.Api.PostAsJsonAsync("/api/v1/me/passkeys/options", new { password = user.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Api.PostAsync("/api/v1/me/passkeys/options", null)).StatusCode);

        app.Time.Advance(PastTheWindow);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Api.PostAsync("/api/v1/me/passkeys/options", null)).StatusCode);
        using var signedInAgain = await app.SignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, (await signedInAgain.PostAsync("/api/v1/me/passkeys/options", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Api.PostAsync("/api/v1/me/passkeys/options", null)).StatusCode);
    }

    [Fact]
    public async Task Replacing_the_authenticator_key_needs_the_password_keeps_the_old_key_until_then_and_is_a_security_event()
    {
        var user = await app.RegisterAsync();
        var setup = await (await user.Api.PostAsync("/api/v1/me/two-step/setup", null)).ReadAsync<TwoStepSetupDto>();
        var owners = new Totp(Base32Encoding.ToBytes(setup.SharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()));
        var enabled = await user.Api.PostAsJsonAsync("/api/v1/me/two-step/enable", new { code = Code(owners), password = user.Password });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        app.Time.Advance(PastTheWindow);

        Assert.Equal(HttpStatusCode.Forbidden, (await user.Api.PostAsync("/api/v1/me/two-step/setup", null)).StatusCode);
        using var anonymous = app.CreateHttpClient();
        var withOwnersApp = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password, twoFactorCode = Code(owners) });
        Assert.Equal(HttpStatusCode.OK, withOwnersApp.StatusCode);

        var replaced = await user.Api.PostAsJsonAsync("/api/v1/me/two-step/setup", new { password = user.Password });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.NotEqual(setup.SharedKey, (await replaced.ReadAsync<TwoStepSetupDto>()).SharedKey);
        var kinds = (await user.Api.GetFromJsonAsync<List<AuditEntryDto>>("/api/v1/me/security-events"))!.Select(e => e.Kind).ToList();
        Assert.Equal("authenticator-key-replaced", kinds[0]);
        Assert.Single(kinds, k => k == "authenticator-key-replaced");
    }

    [Fact]
    public async Task Adding_a_passkey_from_an_old_session_needs_the_password_and_shows_on_the_security_page()
    {
        var user = await app.RegisterAsync();
        using var authenticator = new SoftwareAuthenticator(Origin);
        using var browser = await BrowserAsync(user);
        app.Time.Advance(PastTheWindow);

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostAsJsonAsync("/api/v1/me/passkeys/options", new { })).StatusCode);
        var options = await browser.PostAsJsonAsync("/api/v1/me/passkeys/options", new { password = user.Password });
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        var added = await browser.PostAsJsonAsync("/api/v1/me/passkeys",
            new { credential = authenticator.Create(await options.Content.ReadAsStringAsync()), name = "My phone" });

        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        Assert.Contains("A passkey was added", await browser.GetStringAsync("/security"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_two_step_page_shows_the_key_to_scan_only_after_the_password_when_the_sign_in_is_old()
    {
        var user = await app.RegisterAsync();
        using var browser = await ManualCookies.SignInAsync(app, user);
        app.Time.Advance(PastTheWindow);

        var asked = await (await browser.GetAsync("/security/two-step")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("class=\"secret\"", asked, StringComparison.Ordinal);
        Assert.Contains("Confirm it", asked, StringComparison.Ordinal);

        var wrong = await browser.PostFormAsync("/security/two-step", "/security/two-step?handler=Confirm", new() { ["Password"] = "not the password" });
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        Assert.DoesNotContain("class=\"secret\"", wrongPage, StringComparison.Ordinal);
        Assert.Contains("That password is not right", wrongPage, StringComparison.Ordinal);

        var right = await browser.PostFormAsync("/security/two-step", "/security/two-step?handler=Confirm", new() { ["Password"] = user.Password });
        Assert.Contains("class=\"secret\"", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_a_passkey_on_the_security_page_asks_for_the_password_when_the_sign_in_is_old()
    {
        var user = await app.RegisterAsync();
        using var authenticator = new SoftwareAuthenticator(Origin);
        using var browser = await BrowserAsync(user);
        var options = await (await browser.PostAsync("/api/v1/me/passkeys/options", null)).Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, (await browser.PostAsJsonAsync("/api/v1/me/passkeys", new { credential = authenticator.Create(options) })).StatusCode);
        using var page = await ManualCookies.SignInAsync(app, user);
        app.Time.Advance(PastTheWindow);
        var remove = $"/security?handler=RemovePasskey&id={authenticator.CredentialId}";

        var refused = await page.PostFormAsync("/security", remove, []);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Please enter your password", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await user.Api.GetFromJsonAsync<List<PasskeyDto>>("/api/v1/me/passkeys"))!);

        var removed = await page.PostFormAsync("/security", remove, new() { ["ConfirmPassword"] = user.Password });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty((await user.Api.GetFromJsonAsync<List<PasskeyDto>>("/api/v1/me/passkeys"))!);
    }

    /// <summary>A signed-in browser: cookies (Identity keeps the passkey challenge in one) and the Origin header a browser sends.</summary>
    private async Task<HttpClient> BrowserAsync(TestUser user)
    {
        var client = await app.PageClientAsync(user);
        client.DefaultRequestHeaders.Add("Origin", Origin);
        return client;
    }

    private string Code(Totp totp) => totp.ComputeTotp(app.Time.GetUtcNow().UtcDateTime);
}

public sealed class SqliteReAuthenticationApiTests(AttuneApp app) : ReAuthenticationApiTests(app), IClassFixture<AttuneApp>;

public sealed class PostgresReAuthenticationApiTests(PostgresAttuneApp app) : ReAuthenticationApiTests(app), IClassFixture<PostgresAttuneApp>;
