using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Attune.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

/// <summary>Invitations and joining; runs once on SQLite and once on PostgreSQL.</summary>
public abstract partial class CoupleApiTests(AttuneApp app)
{
    [Fact]
    public async Task An_invitation_has_a_short_code_a_join_link_and_expires_after_seven_days()
    {
        var inviter = await app.RegisterAsync();
        var invitation = await inviter.InviteAsync();

        Assert.Matches(CodePattern(), invitation.Code);
        Assert.Equal($"https://attune.test/join/{invitation.Code}", invitation.Url);
        Assert.Equal(app.Time.GetUtcNow().AddDays(7), invitation.ExpiresAt);
        var open = await (await inviter.Api.GetAsync("/api/v1/couple/invitations/open")).ReadAsync<InvitationDto>();
        Assert.Equal(invitation.Code, open.Code);
    }

    [Fact]
    public async Task Joining_links_both_and_each_sees_the_other_by_name()
    {
        var inviter = await app.RegisterAsync("Ana");
        var partner = await app.RegisterAsync("Ben");
        var invitation = await inviter.InviteAsync();

        var joined = await partner.JoinAsync(invitation.Code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        var join = await joined.ReadAsync<JoinDto>();
        Assert.Equal("Ana", join.Partner.DisplayName);
        var seenByInviter = await (await inviter.Api.GetAsync("/api/v1/couple")).ReadAsync<CoupleDto>();
        var seenByPartner = await (await partner.Api.GetAsync("/api/v1/couple")).ReadAsync<CoupleDto>();
        Assert.Equal("Ben", seenByInviter.Partner.DisplayName);
        Assert.Equal("Ana", seenByPartner.Partner.DisplayName);
        Assert.Equal(join.CoupleId, seenByInviter.Id);
        Assert.Equal(join.CoupleId, seenByPartner.Id);
        Assert.Equal("Europe/Berlin", seenByInviter.TimeZone);
        Assert.Equal(app.Time.GetUtcNow(), seenByInviter.Since);
        Assert.Equal(join.CoupleId, (await (await inviter.Api.GetAsync("/api/v1/me")).ReadAsync<MeDto>()).CoupleId);

        // The couple's data key is made as the couple forms, not later at its first appreciation on a busy evening.
        var keys = Path.Combine(app.Services.GetRequiredService<Attune.Encryption.KeyDirectory>().Path, "keys.db");
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={keys};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM data_keys WHERE owner = $owner";
        count.Parameters.AddWithValue("$owner", Attune.Encryption.KeyOwner.Couple(join.CoupleId).ToString());
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_single_person_has_no_couple()
    {
        var single = await app.RegisterAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await single.Api.GetAsync("/api/v1/couple")).StatusCode);
    }

    [Fact]
    public async Task Joining_with_your_own_code_is_a_bad_request()
    {
        var inviter = await app.RegisterAsync();
        var invitation = await inviter.InviteAsync();
        var response = await inviter.JoinAsync(invitation.Code);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"code\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ABCD-EFGH")]
    [InlineData("not a code")]
    [InlineData("")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Unknown_codes_are_not_found(string code)
    {
        var someone = await app.RegisterAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await someone.JoinAsync(code)).StatusCode);
    }

    [Fact]
    public async Task A_used_code_is_not_found_for_a_third_person()
    {
        var (inviter, _) = await app.CreatePairedCoupleAsync();
        var third = await app.RegisterAsync();
        var used = await app.WithDbAsync(db => Task.FromResult(db.Invitations.Single(i => i.InviterId == inviter.Id).Code));
        Assert.Equal(HttpStatusCode.NotFound, (await third.JoinAsync(used)).StatusCode);
    }

    [Fact]
    public async Task An_expired_code_is_not_found_and_a_new_invitation_replaces_the_old_one()
    {
        var inviter = await app.RegisterAsync();
        var partner = await app.RegisterAsync();
        var first = await inviter.InviteAsync();
        var second = await inviter.InviteAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await partner.JoinAsync(first.Code)).StatusCode);

        app.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        // A week later both sign in again (access tokens last an hour).
        var partnerApi = await app.SignInAsync(partner.Email, partner.Password);
        var inviterApi = await app.SignInAsync(inviter.Email, inviter.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await partnerApi.PostAsJsonAsync("/api/v1/couple/join", new { code = second.Code })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await inviterApi.GetAsync("/api/v1/couple/invitations/open")).StatusCode);
    }

    [Fact]
    public async Task People_in_a_couple_cannot_invite_or_join_again()
    {
        var (inviter, partner) = await app.CreatePairedCoupleAsync();
        var someoneElse = await app.RegisterAsync();
        var invitation = await someoneElse.InviteAsync();

        Assert.Equal(HttpStatusCode.Conflict, (await inviter.Api.PostAsync("/api/v1/couple/invitations", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await partner.JoinAsync(invitation.Code)).StatusCode);
        // The refused join used nothing up: the invitation still works for someone single.
        var single = await app.RegisterAsync();
        Assert.Equal(HttpStatusCode.OK, (await single.JoinAsync(invitation.Code)).StatusCode);
    }

    [Fact]
    public async Task Of_two_people_joining_with_one_code_at_the_same_moment_exactly_one_succeeds()
    {
        var inviter = await app.RegisterAsync();
        var first = await app.RegisterAsync();
        var second = await app.RegisterAsync();
        var invitation = await inviter.InviteAsync();

        var responses = await Task.WhenAll(first.JoinAsync(invitation.Code), second.JoinAsync(invitation.Code));

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.NotFound],
            responses.Select(r => r.StatusCode).Order().ToArray());
        var partnersOfInviter = await app.WithDbAsync(db => Task.FromResult(
            db.Users.Count(u => u.CoupleId != null && (u.Id == first.Id || u.Id == second.Id))));
        Assert.Equal(1, partnersOfInviter);
    }

    [Fact]
    public async Task Either_partner_can_change_the_couples_time_zone_and_bad_zones_are_refused()
    {
        var (inviter, partner) = await app.CreatePairedCoupleAsync();
        var changed = await partner.Api.PutAsJsonAsync("/api/v1/couple", new { timeZone = "America/Sao_Paulo" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("America/Sao_Paulo", (await (await inviter.Api.GetAsync("/api/v1/couple")).ReadAsync<CoupleDto>()).TimeZone);

        var refused = await inviter.Api.PutAsJsonAsync("/api/v1/couple", new { timeZone = "Atlantis/Capital" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("timeZone", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var single = await app.RegisterAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await single.Api.PutAsJsonAsync("/api/v1/couple", new { timeZone = "Europe/Rome" })).StatusCode);
    }

    [GeneratedRegex("^[A-HJ-KM-NP-TV-Z2-8]{4}-[A-HJ-KM-NP-TV-Z2-8]{4}$")]
    private static partial Regex CodePattern();
}

public sealed class SqliteCoupleApiTests(AttuneApp app, ITestOutputHelper output) : CoupleApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresCoupleApiTests(PostgresAttuneApp app, ITestOutputHelper output) : CoupleApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
