using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

/// <summary>Accounts over the real HTTP pipeline; runs once on SQLite and once on PostgreSQL.</summary>
public abstract class AccountApiTests(AttuneApp app)
{
    [Fact]
    public async Task Registering_then_signing_in_gives_a_profile_with_a_default_name_and_no_couple()
    {
        var email = $"{Guid.NewGuid():N}@example.test";
        using var anonymous = app.CreateHttpClient();
        var registered = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, password = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        await app.ConfirmAsync(email);

        var api = await app.SignInAsync(email, TestUsers.Password);
        var me = await (await api.GetAsync("/api/v1/me")).ReadAsync<MeDto>();

        Assert.Equal(email, me.Email);
        Assert.Equal(email.Split('@')[0], me.DisplayName);
        Assert.Equal("Etc/UTC", me.TimeZone);
        Assert.Null(me.CoupleId);
    }

    [Fact]
    public async Task Profile_update_saves_name_and_time_zone()
    {
        var user = await app.RegisterAsync();
        var response = await user.Api.PutAsJsonAsync("/api/v1/me", new { displayName = "  Robin  ", timeZone = "Pacific/Auckland" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await (await user.Api.GetAsync("/api/v1/me")).ReadAsync<MeDto>();
        Assert.Equal("Robin", me.DisplayName);
        Assert.Equal("Pacific/Auckland", me.TimeZone);
    }

    [Theory]
    [InlineData("Robin", "Mars/Olympus_Mons", "timeZone")]
    [InlineData("Robin", "W. Europe Standard Time", "timeZone")]
    [InlineData("Robin", "", "timeZone")]
    [InlineData("", "Europe/Paris", "displayName")]
    [InlineData("   ", "Europe/Paris", "displayName")]
    public async Task Profile_update_with_bad_input_is_refused_with_the_field_named_and_nothing_changes(
        string displayName, string timeZone, string field)
    {
        var user = await app.RegisterAsync(displayName: "Kept", timeZone: "Europe/Berlin");
        var response = await user.Api.PutAsJsonAsync("/api/v1/me", new { displayName, timeZone });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
        var me = await (await user.Api.GetAsync("/api/v1/me")).ReadAsync<MeDto>();
        Assert.Equal(("Kept", "Europe/Berlin"), (me.DisplayName, me.TimeZone));
    }

    [Fact]
    public async Task A_name_longer_than_sixty_characters_is_refused()
    {
        var user = await app.RegisterAsync();
        var response = await user.Api.PutAsJsonAsync("/api/v1/me", new { displayName = new string('a', 61), timeZone = "Europe/Paris" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(7, "at least 8")]
    [InlineData(129, "at most 128")]
    public async Task Passwords_outside_8_to_128_characters_are_refused_with_the_field_named(int length, string message)
    {
        using var anonymous = app.CreateHttpClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/register",
            new { email = $"{Guid.NewGuid():N}@example.test", password = new string('x', length) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").GetProperty("password");
        Assert.Contains(message, errors[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passwords_need_no_digits_or_symbols_and_128_characters_are_fine()
    {
        using var anonymous = app.CreateHttpClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/register",
            new { email = $"{Guid.NewGuid():N}@example.test", password = new string('x', 128) });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Passwords_are_hashed_with_at_least_210000_pbkdf2_iterations()
    {
        var user = await app.RegisterAsync();
        var hash = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == user.Id).PasswordHash!));
        // Identity v3 format: 0x01 | PRF (uint32) | iteration count (uint32, big-endian) | ...
        var bytes = Convert.FromBase64String(hash);
        var iterations = (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
        Assert.Equal(0x01, bytes[0]);
        Assert.True(iterations >= 210_000, $"{iterations} iterations");
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var user = await app.RegisterAsync();
        using var anonymous = app.CreateHttpClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "not the password" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var right = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        // Said as for any failed sign-in, so a stranger learns nothing from it (SignInSecrecyApiTests); the owner sees it as an event.
        Assert.Contains("\"detail\":\"Failed\"", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var kinds = (await user.Api.GetFromJsonAsync<List<AuditEntryDto>>("/api/v1/me/security-events"))!.Select(e => e.Kind);
        Assert.Contains("locked-out", kinds);
    }

    [Theory]
    [InlineData("GET", "/api/v1/me")]
    [InlineData("PUT", "/api/v1/me")]
    [InlineData("GET", "/api/v1/couple")]
    [InlineData("POST", "/api/v1/couple/invitations")]
    [InlineData("GET", "/api/v1/couple/invitations/open")]
    [InlineData("POST", "/api/v1/couple/join")]
    [InlineData("POST", "/api/v1/me/export")]
    [InlineData("GET", "/api/v1/today")]
    public async Task Calls_without_a_session_get_401(string method, string path)
    {
        using var anonymous = app.CreateHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
        var response = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_forged_bearer_token_gets_401()
    {
        using var client = app.CreateHttpClient(handleCookies: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", "CfDJ8forged-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_working_access_token()
    {
        var user = await app.RegisterAsync();
        using var anonymous = app.CreateHttpClient();
        var login = await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }))
            .ReadAsync<TokenResponse>();
        var refreshed = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = login.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);

        using var api = app.CreateHttpClient(handleCookies: false);
        api.DefaultRequestHeaders.Authorization = new("Bearer", (await refreshed.ReadAsync<TokenResponse>()).AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
    }
}

public sealed class SqliteAccountApiTests(HashingAsInProduction app, ITestOutputHelper output) : AccountApiTests(app.LogsTo(output)), IClassFixture<HashingAsInProduction>;

public sealed class PostgresAccountApiTests(PostgresHashingAsInProduction app, ITestOutputHelper output) : AccountApiTests(app.LogsTo(output)), IClassFixture<PostgresHashingAsInProduction>;
