using System.Net;
using System.Net.Http.Json;
using System.Text;
using Attune.Features.Exercises;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Attune.Tests.Api;

public sealed record GazingDto(Guid Id, int Minutes, DateTimeOffset StartedAt, DateTimeOffset EndsAt, bool Ended, string? MyReflection, bool PartnerReflected, string? PartnerReflection);

public sealed record EveningDto(
    Guid Id, int Position, int Set, int Question, int Sets, int QuestionsPerSet, string Text, Guid ReaderId, bool YouReadFirst,
    bool IsFirst, bool IsLast, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, bool Finished);

/// <summary>Eye gazing and the evening of questions through the API and the pages, on SQLite and PostgreSQL, with the fake clock.</summary>
public abstract class ExerciseApiTests(AttuneApp app)
{
    [Fact]
    public async Task Gazing_runs_its_minutes_and_a_line_stays_hidden_from_the_partner_until_both_have_written()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        foreach (var minutes in new[] { GazingService.MinMinutes - 1, GazingService.MaxMinutes + 1 })
        {
            var refused = await ana.Api.PostAsJsonAsync("/api/v1/exercises/gazing", new { minutes });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("\"minutes\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var byDefault = await (await ben.Api.PostAsJsonAsync("/api/v1/exercises/gazing", new { })).ReadAsync<GazingDto>();
        Assert.Equal((GazingService.DefaultMinutes, TimeSpan.FromMinutes(GazingService.DefaultMinutes)), (byDefault.Minutes, byDefault.EndsAt - byDefault.StartedAt));
        var created = await ana.Api.PostAsJsonAsync("/api/v1/exercises/gazing", new { minutes = 3 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await created.ReadAsync<GazingDto>();
        Assert.Equal((3, false, TimeSpan.FromMinutes(3)), (session.Minutes, session.Ended, session.EndsAt - session.StartedAt));

        using var benPages = await app.PageClientAsync(ben);
        Assert.Contains("data-remaining-ms=\"180000\"", await benPages.GetStringAsync($"/exercises/gazing?id={session.Id}"), StringComparison.Ordinal);
        var path = $"/api/v1/exercises/gazing/{session.Id}/reflection";
        Assert.Equal(HttpStatusCode.Conflict, (await ana.Api.PostAsJsonAsync(path, new { text = "too soon" })).StatusCode);

        app.Time.Advance(TimeSpan.FromMinutes(3));
        foreach (var bad in new[] { " ", "two\nlines", new string('a', GazingService.MaxReflectionLength + 1) })
        {
            var refused = await ana.Api.PostAsJsonAsync(path, new { text = bad });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("\"text\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var anasLine = "Your eyes have green in them " + Guid.NewGuid().ToString("N");
        var written = await (await ana.Api.PostAsJsonAsync(path, new { text = anasLine })).ReadAsync<GazingDto>();
        Assert.Equal((true, anasLine, false, (string?)null), (written.Ended, written.MyReflection, written.PartnerReflected, written.PartnerReflection));

        // Ben learns that Ana wrote a line, never the line, through the API or the page, until he has written his.
        var benJson = await ben.Api.GetStringAsync($"/api/v1/exercises/gazing/{session.Id}");
        Assert.DoesNotContain(anasLine, benJson, StringComparison.Ordinal);
        var benSees = (await ben.Api.GetFromJsonAsync<GazingDto>($"/api/v1/exercises/gazing/{session.Id}"))!;
        Assert.Equal(((string?)null, true, (string?)null), (benSees.MyReflection, benSees.PartnerReflected, benSees.PartnerReflection));
        Assert.DoesNotContain(anasLine, await benPages.GetStringAsync($"/exercises/gazing?id={session.Id}"), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Set<GazingReflection>().IgnoreQueryFilters().SingleAsync(r => r.SessionId == session.Id));
        Assert.DoesNotContain("green", Encoding.UTF8.GetString(stored.Text), StringComparison.Ordinal);

        var bensLine = "I forgot to breathe " + Guid.NewGuid().ToString("N");
        var both = await (await ben.Api.PostAsJsonAsync(path, new { text = bensLine })).ReadAsync<GazingDto>();
        Assert.Equal((bensLine, anasLine), (both.MyReflection, both.PartnerReflection));
        Assert.Equal(bensLine, (await ana.Api.GetFromJsonAsync<GazingDto>($"/api/v1/exercises/gazing/{session.Id}"))!.PartnerReflection);
        Assert.Contains(anasLine, await benPages.GetStringAsync($"/exercises/gazing?id={session.Id}"), StringComparison.Ordinal);

        // Another couple finds nothing; my export holds my line and not my partner's.
        var stranger = (await app.CreatePairedCoupleAsync()).Inviter;
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.GetAsync($"/api/v1/exercises/gazing/{session.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.PostAsJsonAsync(path, new { text = "mine now" })).StatusCode);
        var export = await (await ana.Api.PostAsJsonAsync("/api/v1/me/export", new { password = ana.Password })).Content.ReadAsStringAsync();
        Assert.Contains(anasLine, export, StringComparison.Ordinal);
        Assert.DoesNotContain(bensLine, export, StringComparison.Ordinal);

        // Leaving ends the couple's exercises for both.
        await ben.Api.PostAsJsonAsync("/api/v1/exercises/evening", new { });
        Assert.Equal(HttpStatusCode.NoContent, (await ana.Api.PostAsync("/api/v1/couple/leave", null)).StatusCode);
        var left = await app.WithDbAsync(async db => (
            await db.Set<GazingSession>().IgnoreQueryFilters().CountAsync(s => s.Id == session.Id || s.Id == byDefault.Id),
            await db.Set<GazingReflection>().IgnoreQueryFilters().CountAsync(r => r.SessionId == session.Id),
            await db.Set<EveningSession>().IgnoreQueryFilters().CountAsync(e => e.StartedBy == ben.Id)));
        Assert.Equal((0, 0, 0), left);
    }

    [Fact]
    public async Task An_evening_goes_through_three_sets_of_twelve_with_readers_taking_turns()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        var badSet = await ana.Api.PostAsJsonAsync("/api/v1/exercises/evening", new { set = EveningService.Sets + 1 });
        Assert.Equal(HttpStatusCode.BadRequest, badSet.StatusCode);
        Assert.Contains("\"set\"", await badSet.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await ana.Api.PostAsJsonAsync("/api/v1/exercises/evening", new { });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var evening = await created.ReadAsync<EveningDto>();
        Assert.Equal((1, 1, 3, 12, true, ana.Id, true), (evening.Set, evening.Question, evening.Sets, evening.QuestionsPerSet, evening.YouReadFirst, evening.ReaderId, evening.IsFirst));
        Assert.False((await ben.Api.GetFromJsonAsync<EveningDto>($"/api/v1/exercises/evening/{evening.Id}"))!.YouReadFirst);
        Assert.Equal(HttpStatusCode.Conflict, (await ben.Api.PostAsJsonAsync("/api/v1/exercises/evening", new { })).StatusCode);
        var api = $"/api/v1/exercises/evening/{evening.Id}";
        Assert.Equal(HttpStatusCode.Conflict, (await ana.Api.PostAsync(api + "/previous", null)).StatusCode);

        // Either partner moves it; the first reader alternates with every question, through all 36.
        var texts = new List<string> { evening.Text };
        var current = evening;
        for (var i = 1; i < EveningService.Total; i++)
        {
            var mover = i % 2 == 0 ? ana : ben;
            current = await (await mover.Api.PostAsync(api + "/next", null)).ReadAsync<EveningDto>();
            Assert.Equal((i / 12 + 1, i % 12 + 1, i % 2 == 0 ? ana.Id : ben.Id), (current.Set, current.Question, current.ReaderId));
            Assert.Equal(current.ReaderId == mover.Id, current.YouReadFirst);
            texts.Add(current.Text);
        }

        Assert.Equal(EveningService.Total, texts.Where(t => t.Length > 10 && t.EndsWith('?')).Distinct().Count());
        Assert.True(current.IsLast);
        Assert.Equal(HttpStatusCode.Conflict, (await ana.Api.PostAsync(api + "/next", null)).StatusCode);
        var back = await (await ana.Api.PostAsync(api + "/previous", null)).ReadAsync<EveningDto>();
        Assert.Equal((3, 11, false), (back.Set, back.Question, back.IsLast));

        var finished = await (await ben.Api.PostAsync(api + "/finish", null)).ReadAsync<EveningDto>();
        Assert.True(finished.Finished);
        Assert.Equal(HttpStatusCode.Conflict, (await ana.Api.PostAsync(api + "/next", null)).StatusCode);

        // The next evening, whoever read first last time listens first; a set can be chosen.
        var second = await (await ana.Api.PostAsJsonAsync("/api/v1/exercises/evening", new { set = 2 })).ReadAsync<EveningDto>();
        Assert.Equal((2, 1, ben.Id, false), (second.Set, second.Question, second.ReaderId, second.YouReadFirst));

        // On the page, a repeated press of "Next" (the same form sent twice) moves one question, not two.
        using var page = await ManualCookies.SignInAsync(app, ana);
        var url = $"/exercises/evening?id={second.Id}";
        var fields = new Dictionary<string, string> { ["At"] = second.Position.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await page.PostFormAsync(url, $"{url}&handler=Next", fields);
        await page.PostFormAsync(url, $"{url}&handler=Next", fields);
        var moved = (await ana.Api.GetFromJsonAsync<EveningDto>($"/api/v1/exercises/evening/{second.Id}"))!;
        Assert.Equal((2, 2, ana.Id), (moved.Set, moved.Question, moved.ReaderId));
        using var pages = await app.PageClientAsync(ben);
        var html = await pages.GetStringAsync(url);
        Assert.Contains(moved.Text, html, StringComparison.Ordinal);
        Assert.Contains($"{ana.DisplayName} reads first.", html, StringComparison.Ordinal);

        var stranger = (await app.CreatePairedCoupleAsync()).Inviter;
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.PostAsync($"/api/v1/exercises/evening/{second.Id}/next", null)).StatusCode);
    }
}

public sealed class SqliteExerciseApiTests(AttuneApp app, ITestOutputHelper output) : ExerciseApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresExerciseApiTests(PostgresAttuneApp app, ITestOutputHelper output) : ExerciseApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
