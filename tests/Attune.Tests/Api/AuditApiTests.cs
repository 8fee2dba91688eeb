using System.Net;
using System.Net.Http.Json;
using Attune.Features.Audit;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

public sealed record AuditEntryDto(DateTimeOffset At, string Kind);

/// <summary>Security events are recorded for their owner, hold no content, and age out.</summary>
public abstract class AuditApiTests(AttuneApp app)
{
    [Fact]
    public async Task Failures_lockouts_sign_ins_exports_and_password_changes_are_recorded_for_the_owner_only()
    {
        var (user, partner) = await app.CreatePairedCoupleAsync();
        using var anonymous = app.CreateHttpClient();
        await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "wrong password" });
        await user.Api.PostAsJsonAsync("/api/v1/me/export", new { password = user.Password });
        await user.Api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword = "another long passphrase" });

        var mine = (await user.Api.GetFromJsonAsync<List<AuditEntryDto>>("/api/v1/me/security-events"))!.Select(e => e.Kind).ToList();
        var theirs = (await partner.Api.GetFromJsonAsync<List<AuditEntryDto>>("/api/v1/me/security-events"))!.Select(e => e.Kind).ToList();

        Assert.Equal(["password-changed", "exported", "sign-in-failed", "signed-in"], mine.Take(4));
        Assert.Equal(["signed-in"], theirs);
    }

    [Fact]
    public async Task Five_wrong_passwords_record_a_lockout_and_unknown_accounts_are_recorded_without_a_user()
    {
        var user = await app.RegisterAsync();
        using var anonymous = app.CreateHttpClient();
        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "wrong password" });
        }

        var unknown = $"{Guid.NewGuid():N}@example.test";
        await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = unknown, password = "whatever it is" });

        var kinds = (await user.Api.GetFromJsonAsync<List<AuditEntryDto>>("/api/v1/me/security-events"))!.Select(e => e.Kind).ToList();
        Assert.Equal("locked-out", kinds[0]);
        Assert.Equal(4, kinds.Count(k => k == "sign-in-failed"));
        var anonymousFailures = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.UserId == null && e.Kind == AuditKind.SignInFailed));
        Assert.True(anonymousFailures >= 1);
        Assert.DoesNotContain(unknown, app.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_session_trying_again_is_recorded()
    {
        var user = await app.RegisterAsync();
        using var other = await app.SignInAsync(user.Email, user.Password);
        await user.Api.DeleteAsync("/api/v1/me/sessions");

        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/me")).StatusCode);

        var kinds = (await user.Api.GetFromJsonAsync<List<AuditEntryDto>>("/api/v1/me/security-events"))!.Select(e => e.Kind).ToList();
        Assert.Equal(["revoked-session-used", "other-sessions-revoked"], kinds.Take(2));
    }

    [Fact]
    public async Task Events_older_than_the_retention_are_pruned()
    {
        var user = await app.RegisterAsync();
        var retention = app.Services.GetRequiredService<AuditRetention>();
        await retention.PruneAsync(CancellationToken.None);
        Assert.NotEmpty((await user.Api.GetFromJsonAsync<List<AuditEntryDto>>("/api/v1/me/security-events"))!);

        // The hourly background pass may prune first on this fake clock; either way the events are gone.
        app.Time.Advance(TimeSpan.FromDays(181));
        await retention.PruneAsync(CancellationToken.None);

        Assert.Empty((await user.Api.GetFromJsonAsync<List<AuditEntryDto>>("/api/v1/me/security-events"))!);
    }
}

public sealed class SqliteAuditApiTests(AttuneApp app, ITestOutputHelper output) : AuditApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresAuditApiTests(PostgresAttuneApp app, ITestOutputHelper output) : AuditApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
