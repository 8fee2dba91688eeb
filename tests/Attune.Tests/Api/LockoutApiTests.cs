using System.Net;
using System.Net.Http.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

/// <summary>
/// The lockout stops guessing from outside; it never blocks the owner's own session from the safe exit.
/// Wrong passwords from a session still count, and pause that one device. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class LockoutApiTests(AttuneApp app)
{
    [Fact]
    public async Task A_stranger_locking_the_account_stops_neither_export_refresh_leaving_nor_deletion_from_the_owners_session()
    {
        var (owner, partner) = await app.CreatePairedCoupleAsync();
        using var anonymous = app.CreateHttpClient();
        var tokens = await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = owner.Email, password = owner.Password })).ReadAsync<TokenResponse>();
        await app.LockOutAsync(owner.Email);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.TrySignInAsync(owner.Email, owner.Password)).StatusCode);

        var export = await owner.Api.PostAsJsonAsync("/api/v1/me/export", new { password = owner.Password });
        Assert.True(export.StatusCode == HttpStatusCode.OK, await export.Content.ReadAsStringAsync());
        var refreshed = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Api.PostAsync("/api/v1/couple/leave", null)).StatusCode);
        var deleted = await owner.Api.PostAsJsonAsync("/api/v1/me/delete", new { password = owner.Password });
        Assert.True(deleted.StatusCode == HttpStatusCode.NoContent, await deleted.Content.ReadAsStringAsync());
        Assert.NotNull((await (await partner.Api.GetAsync("/api/v1/me")).ReadAsync<MeDto>()).CoupleEndedAt);
    }

    [Fact]
    public async Task Wrong_passwords_from_a_session_count_towards_the_lockout_and_pause_only_that_device_after_five()
    {
        var user = await app.RegisterAsync();
        using var otherDevice = await app.SignInAsync(user.Email, user.Password);

        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await user.Api.PostAsJsonAsync("/api/v1/me/export", new { password = $"a wrong guess {i}" });
            Assert.Equal(HttpStatusCode.BadRequest, last.StatusCode);
        }

        Assert.Contains("Too many wrong passwords", await last!.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var paused = await user.Api.PostAsJsonAsync("/api/v1/me/export", new { password = user.Password });
        Assert.Equal(HttpStatusCode.BadRequest, paused.StatusCode);
        Assert.Contains("Too many wrong passwords", await paused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.TrySignInAsync(user.Email, user.Password)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await otherDevice.PostAsJsonAsync("/api/v1/me/export", new { password = user.Password })).StatusCode);
        app.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await user.Api.PostAsJsonAsync("/api/v1/me/export", new { password = user.Password })).StatusCode);
        var kinds = (await user.Api.GetFromJsonAsync<List<AuditEntryDto>>("/api/v1/me/security-events"))!.Select(e => e.Kind).ToList();
        Assert.Contains("password-paused-on-device", kinds);
    }
}

public sealed class SqliteLockoutApiTests(AttuneApp app) : LockoutApiTests(app), IClassFixture<AttuneApp>;

public sealed class PostgresLockoutApiTests(PostgresAttuneApp app) : LockoutApiTests(app), IClassFixture<PostgresAttuneApp>;
