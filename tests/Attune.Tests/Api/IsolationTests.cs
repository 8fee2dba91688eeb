using System.Net;
using Attune.Data;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

/// <summary>One couple can neither see nor change anything of another; runs on both databases.</summary>
public abstract class IsolationTests(AttuneApp app)
{
    [Fact]
    public async Task Each_couple_sees_only_itself_through_every_couple_endpoint()
    {
        var (a1, a2) = await app.CreatePairedCoupleAsync();
        var (b1, b2) = await app.CreatePairedCoupleAsync();

        foreach (var (user, partnerName) in new[] { (a1, a2.DisplayName), (a2, a1.DisplayName), (b1, b2.DisplayName), (b2, b1.DisplayName) })
        {
            var couple = await (await user.Api.GetAsync("/api/v1/couple")).ReadAsync<CoupleDto>();
            var me = await (await user.Api.GetAsync("/api/v1/me")).ReadAsync<MeDto>();
            Assert.Equal(partnerName, couple.Partner.DisplayName);
            Assert.Equal(me.CoupleId, couple.Id);
            Assert.Equal(user.Email, me.Email);
        }
    }

    [Fact]
    public async Task Someone_in_another_couple_cannot_take_a_single_persons_invitation()
    {
        var (a1, _) = await app.CreatePairedCoupleAsync();
        var single = await app.RegisterAsync();
        var invitation = await single.InviteAsync();

        Assert.Equal(HttpStatusCode.Conflict, (await a1.JoinAsync(invitation.Code)).StatusCode);
        var stillOpen = await (await single.Api.GetAsync("/api/v1/couple/invitations/open")).ReadAsync<InvitationDto>();
        Assert.Equal(invitation.Code, stillOpen.Code);
        Assert.Equal(HttpStatusCode.NotFound, (await single.Api.GetAsync("/api/v1/couple")).StatusCode);
    }

    [Fact]
    public async Task Another_persons_open_invitation_is_never_shown_to_anyone_else()
    {
        var single = await app.RegisterAsync();
        await single.InviteAsync();
        var other = await app.RegisterAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Api.GetAsync("/api/v1/couple/invitations/open")).StatusCode);
    }

    [Fact]
    public async Task Another_couples_question_of_the_day_answers_and_history_never_show_up()
    {
        var a = await app.CreatePairedCoupleAsync();
        var b = await app.CreatePairedCoupleAsync();
        var canary = "CANARY-" + Guid.NewGuid().ToString("N");
        await a.BothAnswerAsync(canary + "-1", canary + "-2");
        await b.BothAnswerAsync();

        foreach (var path in new[] { "/api/v1/today", "/api/v1/questions/history", "/api/v1/questions/custom" })
        {
            Assert.DoesNotContain(canary, await b.Inviter.Api.GetStringAsync(path), StringComparison.Ordinal);
            Assert.DoesNotContain(canary, await b.Partner.Api.GetStringAsync(path), StringComparison.Ordinal);
        }

        Assert.Single((await (await b.Inviter.Api.GetAsync("/api/v1/questions/history")).ReadAsync<HistoryDto>()).Items);
    }

    [Fact]
    public async Task The_query_filter_scopes_couples_to_the_current_couple_and_hides_all_when_single()
    {
        var (a1, _) = await app.CreatePairedCoupleAsync();
        await app.CreatePairedCoupleAsync();
        var me = await (await a1.Api.GetAsync("/api/v1/me")).ReadAsync<MeDto>();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttuneDbContext>();
        var caller = scope.ServiceProvider.GetRequiredService<CallerScope>();

        Assert.Empty(await db.Couples.ToListAsync());
        caller.Set(new Caller(a1.Id, me.CoupleId, SessionId: null));
        var visible = await db.Couples.Select(c => c.Id).ToListAsync();
        Assert.Equal([me.CoupleId!.Value], visible);
        Assert.True(await db.Couples.IgnoreQueryFilters().CountAsync() >= 2);
    }
}

public sealed class SqliteIsolationTests(AttuneApp app, ITestOutputHelper output) : IsolationTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresIsolationTests(PostgresAttuneApp app, ITestOutputHelper output) : IsolationTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
