using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

/// <summary>Sessions are listed, revocable, and revocation takes effect on the very next request.</summary>
public abstract class SessionApiTests(AttuneApp app)
{
    [Fact]
    public async Task Each_sign_in_is_a_session_named_by_its_device_and_the_caller_is_marked()
    {
        var user = await app.RegisterAsync();
        using var phone = await SignInWithAgentAsync(user, "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36");

        var sessions = await phone.GetFromJsonAsync<List<SessionDto>>("/api/v1/me/sessions");

        Assert.Equal(2, sessions!.Count);
        var current = Assert.Single(sessions, s => s.Current);
        Assert.Equal("Chrome on Android", current.Device);
        Assert.Equal("app", current.Kind);
    }

    [Fact]
    public async Task Partners_see_only_their_own_sessions_and_cannot_sign_each_other_out()
    {
        var (inviter, partner) = await app.CreatePairedCoupleAsync();
        var inviterSession = Assert.Single((await inviter.Api.GetFromJsonAsync<List<SessionDto>>("/api/v1/me/sessions"))!);

        var partnerSessions = (await partner.Api.GetFromJsonAsync<List<SessionDto>>("/api/v1/me/sessions"))!;

        Assert.DoesNotContain(partnerSessions, s => s.Id == inviterSession.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Api.DeleteAsync($"/api/v1/me/sessions/{inviterSession.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await inviter.Api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_session_is_refused_at_once_and_its_refresh_token_is_dead()
    {
        var user = await app.RegisterAsync();
        var (other, tokens) = await SignInWithTokensAsync(user);
        var otherId = (await other.GetFromJsonAsync<List<SessionDto>>("/api/v1/me/sessions"))!.Single(s => s.Current).Id;
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Api.DeleteAsync($"/api/v1/me/sessions/{otherId}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/me")).StatusCode);
        using var anonymous = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_signs_out_every_other_device_but_keeps_this_one()
    {
        var user = await app.RegisterAsync();
        using var otherApp = await app.SignInAsync(user.Email, user.Password);
        using var browser = await app.PageClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);

        var changed = await user.Api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword = "a brand new passphrase" });

        Assert.True(changed.StatusCode == HttpStatusCode.NoContent, await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherApp.GetAsync("/api/v1/me")).StatusCode);
        var page = await browser.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/signin", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await user.Api.GetAsync("/api/v1/me")).StatusCode);
        using var again = await app.SignInAsync(user.Email, "a brand new passphrase");
        using var anonymous = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password })).StatusCode);
    }

    [Theory]
    [InlineData("not the password", "a brand new passphrase", "currentPassword")]
    [InlineData(TestUsers.Password, "short", "newPassword")]
    [InlineData(TestUsers.Password, "", "newPassword")]
    public async Task A_refused_password_change_names_the_field_and_signs_nobody_out(string current, string next, string field)
    {
        var user = await app.RegisterAsync();
        using var other = await app.SignInAsync(user.Email, user.Password);

        var response = await user.Api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = current, newPassword = next });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Leaving_the_couple_signs_out_the_leavers_other_devices()
    {
        var (inviter, partner) = await app.CreatePairedCoupleAsync();
        using var inviterElsewhere = await app.SignInAsync(inviter.Email, inviter.Password);
        using var partnerElsewhere = await app.SignInAsync(partner.Email, partner.Password);

        Assert.Equal(HttpStatusCode.NoContent, (await inviter.Api.PostAsync("/api/v1/couple/leave", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await inviterElsewhere.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await inviter.Api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partnerElsewhere.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_everywhere_else_keeps_only_this_session()
    {
        var user = await app.RegisterAsync();
        using var second = await app.SignInAsync(user.Email, user.Password);
        using var third = await app.SignInAsync(user.Email, user.Password);

        var response = await user.Api.DeleteAsync("/api/v1/me/sessions");

        Assert.Equal(2, (await response.ReadAsync<RevokedDto>()).Revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await third.GetAsync("/api/v1/me")).StatusCode);
        Assert.Single((await user.Api.GetFromJsonAsync<List<SessionDto>>("/api/v1/me/sessions"))!);
    }

    [Fact]
    public async Task Signing_out_in_the_browser_makes_a_copied_cookie_worthless()
    {
        var user = await app.RegisterAsync();
        using var browser = await ManualCookies.SignInAsync(app, user);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
        var copied = browser.Header;

        var signedOut = await browser.PostFormAsync("/profile", "/signout", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var thief = app.CreateHttpClient(handleCookies: false);
        thief.DefaultRequestHeaders.Add("Cookie", copied);
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/v1/me")).StatusCode);
    }

    private async Task<HttpClient> SignInWithAgentAsync(TestUser user, string userAgent) => (await SignInWithTokensAsync(user, userAgent)).Api;

    private async Task<(HttpClient Api, TokenResponse Tokens)> SignInWithTokensAsync(TestUser user, string? userAgent = null)
    {
        using var anonymous = app.CreateHttpClient();
        if (userAgent is not null)
        {
            anonymous.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }

        var token = await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password })).ReadAsync<TokenResponse>();
        var api = app.CreateHttpClient(handleCookies: false);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return (api, token);
    }
}

public sealed record RevokedDto(int Revoked);

public sealed class SqliteSessionApiTests(AttuneApp app, ITestOutputHelper output) : SessionApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresSessionApiTests(PostgresAttuneApp app, ITestOutputHelper output) : SessionApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
