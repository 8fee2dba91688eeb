using System.Net;
using System.Net.Http.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

/// <summary>The question of the day and the mutual reveal; runs on SQLite and PostgreSQL.</summary>
public abstract class TodayApiTests(AttuneApp app)
{
    [Fact]
    public async Task Both_partners_get_the_same_question_and_neither_sees_the_other_before_both_answered()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var canary = "CANARY-" + Guid.NewGuid().ToString("N");

        var before = await couple.Inviter.TodayAsync();
        Assert.Equal(before.Question, (await couple.Partner.TodayAsync()).Question);
        Assert.Equal(HttpStatusCode.OK, (await couple.Inviter.AnswerAsync(canary)).StatusCode);

        var partnerJson = await couple.Partner.Api.GetStringAsync("/api/v1/today");
        using var partnerBrowser = await app.PageClientAsync(couple.Partner);
        var partnerPage = await partnerBrowser.GetStringAsync("/today");
        Assert.Contains(before.Question.Text.Replace("'", "&#x27;", StringComparison.Ordinal), partnerPage, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, partnerJson, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, partnerPage, StringComparison.Ordinal);
        var partnerView = await couple.Partner.TodayAsync();
        Assert.True(partnerView.Partner.Answered);
        Assert.Null(partnerView.Partner.Text);
        Assert.False(partnerView.Revealed);
        Assert.Equal(canary, (await couple.Inviter.TodayAsync()).Mine?.Text);
    }

    [Fact]
    public async Task A_view_kept_in_memory_is_only_ever_served_to_its_own_viewer_and_ends_at_the_partners_answer()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var canary = "CANARY-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, (await couple.Inviter.AnswerAsync(canary)).StatusCode);
        Assert.Equal(canary, (await couple.Inviter.TodayAsync()).Mine?.Text);
        Assert.Equal(canary, (await couple.Inviter.TodayAsync()).Mine?.Text); // now served from memory

        Assert.DoesNotContain(canary, await couple.Partner.Api.GetStringAsync("/api/v1/today"), StringComparison.Ordinal);
        Assert.DoesNotContain(canary, await couple.Partner.Api.GetStringAsync("/api/v1/today"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await couple.Partner.AnswerAsync("the partner's answer")).StatusCode);
        var inviterView = await couple.Inviter.TodayAsync();
        Assert.True(inviterView.Revealed);
        Assert.Equal("the partner's answer", inviterView.Partner.Text);
    }

    [Fact]
    public async Task Once_both_answered_both_see_both_answers_and_answers_are_final()
    {
        var couple = await app.CreatePairedCoupleAsync();
        Assert.Equal(HttpStatusCode.OK, (await couple.Inviter.AnswerAsync("first draft")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await couple.Inviter.AnswerAsync("what I really mean")).StatusCode);
        var revealed = await (await couple.Partner.AnswerAsync("my side")).ReadAsync<TodayDto>();

        Assert.True(revealed.Revealed);
        Assert.Equal("what I really mean", revealed.Partner.Text);
        var inviterView = await couple.Inviter.TodayAsync();
        Assert.Equal(("what I really mean", "my side"), (inviterView.Mine!.Text, inviterView.Partner.Text));
        Assert.Equal(HttpStatusCode.Conflict, (await couple.Inviter.AnswerAsync("changed my mind")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await couple.Partner.AnswerAsync("changed mine too")).StatusCode);
        Assert.Equal("what I really mean", (await couple.Partner.TodayAsync()).Partner.Text);
        using var partnerBrowser = await app.PageClientAsync(couple.Partner);
        Assert.Contains("what I really mean", await partnerBrowser.GetStringAsync("/today"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_submitted_at_the_same_instant_are_both_revealed_to_both()
    {
        var couple = await app.CreatePairedCoupleAsync();
        for (var day = 0; day < 5; day++)
        {
            var results = await Task.WhenAll(couple.Inviter.AnswerAsync($"a{day}"), couple.Partner.AnswerAsync($"b{day}"));
            Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var a = await couple.Inviter.TodayAsync();
            var b = await couple.Partner.TodayAsync();
            Assert.True(a.Revealed && b.Revealed);
            Assert.Equal(($"a{day}", $"b{day}"), (a.Mine!.Text, a.Partner.Text));
            Assert.Equal(($"b{day}", $"a{day}"), (b.Mine!.Text, b.Partner.Text));
            app.Time.Advance(TimeSpan.FromDays(1));
        }
    }

    [Fact]
    public async Task An_edit_racing_the_partners_answer_never_changes_what_the_partner_was_shown()
    {
        var couple = await app.CreatePairedCoupleAsync();
        await couple.Inviter.AnswerAsync("original");
        var results = await Task.WhenAll(couple.Inviter.AnswerAsync("edited"), couple.Partner.AnswerAsync("partner"));

        var finalText = (await couple.Inviter.TodayAsync()).Mine!.Text;
        var partnerSaw = (await results[1].ReadAsync<TodayDto>()).Partner.Text;
        Assert.Equal(finalText, partnerSaw);
        Assert.Equal(finalText, (await couple.Partner.TodayAsync()).Partner.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("    \n\t ")]
    [InlineData(null)]
    public async Task An_empty_answer_is_refused_with_the_field_named(string? text)
    {
        var couple = await app.CreatePairedCoupleAsync();
        var response = await couple.Inviter.Api.PutAsJsonAsync("/api/v1/today/answer", new { text });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"text\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await couple.Inviter.TodayAsync()).Mine);
    }

    [Fact]
    public async Task Answers_may_be_4000_characters_after_trimming_but_not_4001()
    {
        var couple = await app.CreatePairedCoupleAsync();
        Assert.Equal(HttpStatusCode.OK, (await couple.Inviter.AnswerAsync("  " + new string('x', 4000) + "  ")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await couple.Inviter.AnswerAsync(new string('y', 4001))).StatusCode);
        Assert.Equal(new string('x', 4000), (await couple.Inviter.TodayAsync()).Mine!.Text);
    }

    [Fact]
    public async Task Someone_without_a_partner_gets_409_and_is_sent_home_from_the_page()
    {
        var single = await app.RegisterAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await single.Api.GetAsync("/api/v1/today")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await single.AnswerAsync("hello")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await single.Api.GetAsync("/api/v1/questions/history")).StatusCode);
    }

    [Fact]
    public async Task The_day_turns_at_midnight_in_the_couples_own_time_zone()
    {
        var inviter = await app.RegisterAsync(timeZone: "Pacific/Auckland");
        var partner = await app.RegisterAsync(timeZone: "Europe/London");
        Assert.Equal(HttpStatusCode.OK, (await partner.JoinAsync((await inviter.InviteAsync()).Code)).StatusCode);
        var auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");

        // Move the clock to 23:30 in Auckland, then one hour on to 00:30.
        var now = app.Time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, auckland);
        var localTarget = local.Date.AddDays(1).AddHours(23).AddMinutes(30);
        app.Time.Advance(new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(localTarget, auckland)) - now);

        var lateEvening = await partner.TodayAsync();
        Assert.Equal(DateOnly.FromDateTime(localTarget), lateEvening.Date);
        await inviter.AnswerAsync("before midnight");

        app.Time.Advance(TimeSpan.FromHours(1));
        var afterMidnight = await partner.TodayAsync();
        Assert.Equal(lateEvening.Date.AddDays(1), afterMidnight.Date);
        Assert.NotEqual(lateEvening.Question.Id, afterMidnight.Question.Id);
        Assert.False(afterMidnight.Partner.Answered);
    }

    [Fact]
    public async Task Over_four_months_no_question_repeats_before_all_allowed_were_asked()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var seen = new List<TodayDto>();
        for (var day = 0; day < 120; day++)
        {
            seen.Add(await couple.Inviter.TodayAsync());
            app.Time.Advance(TimeSpan.FromDays(1));
        }

        var lightQuestions = new Attune.Features.Questions.QuestionLibrary().All.Count(q => q.Depth == 1);
        var firstCycle = seen.Take(lightQuestions).ToList();
        Assert.Equal(lightQuestions, firstCycle.Select(d => d.Question.Id).Distinct().Count());
        Assert.All(seen, d => Assert.Equal(1, d.Question.Depth));
        Assert.Equal(seen.Count, seen.Select(d => d.Date).Distinct().Count());
        Assert.Equal(0, seen.Zip(seen.Skip(1)).Count(p => p.First.Question.Category == p.Second.Question.Category));
    }
}

public sealed class SqliteTodayApiTests(AttuneApp app, ITestOutputHelper output) : TodayApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresTodayApiTests(PostgresAttuneApp app, ITestOutputHelper output) : TodayApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
