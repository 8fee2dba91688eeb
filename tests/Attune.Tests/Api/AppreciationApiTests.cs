using System.Net;
using System.Net.Http.Json;
using System.Text;
using Attune.Features.Appreciation;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Attune.Tests.Api;

public sealed record AppreciationDto(Guid Id, string Text, DateTimeOffset CreatedAt, bool FromMe, bool Favourite);

public sealed record AppreciationListDto(List<AppreciationDto> Items, Guid? NextBefore, int SharedThisWeek);

public sealed record NudgeDto(bool Specific, List<string> Missing, string Hint);

/// <summary>Appreciations through the API and the pages, on SQLite and PostgreSQL, with the fake clock for the week.</summary>
public abstract class AppreciationApiTests(AttuneApp app)
{
    [Fact]
    public async Task A_sent_appreciation_reaches_the_partner_on_today_and_in_the_jar_and_is_sealed_at_rest()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        var words = "Thanks for the coffee this morning " + Guid.NewGuid().ToString("N");

        var sent = await ana.Api.PostAsJsonAsync("/api/v1/appreciations", new { text = "  " + words + "  " });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var mine = await sent.ReadAsync<AppreciationDto>();
        Assert.Equal((words, true, false), (mine.Text, mine.FromMe, mine.Favourite));

        var received = await ben.Api.GetFromJsonAsync<AppreciationListDto>("/api/v1/appreciations?direction=received");
        Assert.Equal((mine.Id, words, false), (received!.Items.Single().Id, received.Items.Single().Text, received.Items.Single().FromMe));
        Assert.Empty((await ben.Api.GetFromJsonAsync<AppreciationListDto>("/api/v1/appreciations?direction=sent"))!.Items);
        Assert.Equal(mine.Id, (await ana.Api.GetFromJsonAsync<AppreciationListDto>("/api/v1/appreciations?direction=sent"))!.Items.Single().Id);

        using var benPages = await app.PageClientAsync(ben);
        var today = await benPages.GetStringAsync("/today");
        Assert.Contains("data-testid=\"new-appreciations\"", today, StringComparison.Ordinal);
        Assert.Contains(words, today, StringComparison.Ordinal);
        Assert.Contains(words, await benPages.GetStringAsync("/appreciations"), StringComparison.Ordinal);
        // Opening the jar put it there: it is no longer new on Today, and still in the jar.
        Assert.DoesNotContain(words, await benPages.GetStringAsync("/today"), StringComparison.Ordinal);
        using var anaPages = await app.PageClientAsync(ana);
        Assert.DoesNotContain("data-testid=\"new-appreciations\"", await anaPages.GetStringAsync("/today"), StringComparison.Ordinal);

        var stored = await app.WithDbAsync(db => db.Set<AppreciationNote>().IgnoreQueryFilters().SingleAsync(a => a.Id == mine.Id));
        Assert.DoesNotContain(words, Encoding.UTF8.GetString(stored.Text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_must_be_1_to_1000_characters_after_trimming_and_bad_queries_get_field_errors()
    {
        var (ana, _) = await app.CreatePairedCoupleAsync();
        foreach (var bad in new[] { "", "   ", new string('a', AppreciationService.MaxLength + 1) })
        {
            var refused = await ana.Api.PostAsJsonAsync("/api/v1/appreciations", new { text = bad });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("\"text\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await ana.Api.PostAsJsonAsync("/api/v1/appreciations", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ana.Api.PostAsJsonAsync("/api/v1/appreciations",
            new { text = " " + new string('b', AppreciationService.MaxLength) + " " })).StatusCode);

        var sideways = await ana.Api.GetAsync("/api/v1/appreciations?direction=sideways");
        Assert.Equal(HttpStatusCode.BadRequest, sideways.StatusCode);
        Assert.Contains("\"direction\"", await sideways.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await ana.Api.GetAsync("/api/v1/appreciations?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ana.Api.GetAsync($"/api/v1/appreciations?before={Guid.NewGuid()}")).StatusCode);

        // The page shows the same words beside the field, and keeps nothing.
        using var page = await ManualCookies.SignInAsync(app, ana);
        var form = await page.PostFormAsync("/appreciations/write", "/appreciations/write?handler=Send", new() { ["Text"] = "   " });
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Please write what you appreciate.", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_run_newest_first_and_favourites_are_each_partners_own()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await (await ana.Api.PostAsJsonAsync("/api/v1/appreciations", new { text = $"number {i}" })).ReadAsync<AppreciationDto>()).Id);
        }

        var first = (await ben.Api.GetFromJsonAsync<AppreciationListDto>("/api/v1/appreciations?limit=2"))!;
        Assert.Equal(new[] { ids[4], ids[3] }, first.Items.Select(i => i.Id));
        var second = (await ben.Api.GetFromJsonAsync<AppreciationListDto>($"/api/v1/appreciations?limit=2&before={first.NextBefore}"))!;
        Assert.Equal(new[] { ids[2], ids[1] }, second.Items.Select(i => i.Id));
        var last = (await ben.Api.GetFromJsonAsync<AppreciationListDto>($"/api/v1/appreciations?limit=2&before={second.NextBefore}"))!;
        Assert.Equal((ids[0], (Guid?)null), (last.Items.Single().Id, last.NextBefore));

        var pinned = await ben.Api.PutAsJsonAsync($"/api/v1/appreciations/{ids[1]}/favourite", new { favourite = true });
        Assert.True((await pinned.ReadAsync<AppreciationDto>()).Favourite);
        Assert.False((await ana.Api.GetFromJsonAsync<AppreciationListDto>("/api/v1/appreciations"))!.Items.Single(i => i.Id == ids[1]).Favourite);
        Assert.Equal(HttpStatusCode.BadRequest, (await ben.Api.PutAsJsonAsync($"/api/v1/appreciations/{ids[1]}/favourite", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ben.Api.PutAsJsonAsync($"/api/v1/appreciations/{Guid.NewGuid()}/favourite", new { favourite = true })).StatusCode);

        using var benPages = await app.PageClientAsync(ben);
        var jar = await benPages.GetStringAsync("/appreciations");
        Assert.True(jar.IndexOf("number 1", StringComparison.Ordinal) < jar.IndexOf("number 4", StringComparison.Ordinal), "the pinned one comes first");
    }

    [Fact]
    public async Task Unsent_text_checked_by_the_nudge_never_reaches_the_partner_nor_the_database()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        var draft = "DRAFT-" + Guid.NewGuid().ToString("N");
        var nudged = await ana.Api.PostAsJsonAsync("/api/v1/appreciations/nudge", new { text = "you are lovely " + draft });
        Assert.Equal(HttpStatusCode.OK, nudged.StatusCode);
        using var page = await ManualCookies.SignInAsync(app, ana);
        var form = await page.PostFormAsync("/appreciations/write", "/appreciations/write?handler=Nudge", new() { ["Text"] = "page " + draft });
        var formHtml = await form.Content.ReadAsStringAsync();
        Assert.Contains("page " + draft, formHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nudge\"", formHtml, StringComparison.Ordinal);

        using var benPages = await app.PageClientAsync(ben);
        foreach (var path in new[] { "/today", "/appreciations", "/appreciations?from=partner", "/us" })
        {
            Assert.DoesNotContain(draft, await benPages.GetStringAsync(path), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(draft, await ben.Api.GetStringAsync("/api/v1/appreciations"), StringComparison.Ordinal);
        Assert.DoesNotContain(draft, await ana.Api.GetStringAsync("/api/v1/appreciations"), StringComparison.Ordinal);
        var me = ana.Id;
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AppreciationNote>().IgnoreQueryFilters().CountAsync(a => a.AuthorId == me)));
    }

    [Fact]
    public async Task The_nudge_says_what_is_missing_in_the_request_language()
    {
        var (ana, _) = await app.CreatePairedCoupleAsync();
        var generic = await (await ana.Api.PostAsJsonAsync("/api/v1/appreciations/nudge", new { text = "You're amazing, the best person in the whole world!" })).ReadAsync<NudgeDto>();
        Assert.False(generic.Specific);
        Assert.Equal(["act", "moment", "meaning"], generic.Missing);
        Assert.Contains("What did they do?", generic.Hint, StringComparison.Ordinal);

        var coffee = await (await ana.Api.PostAsJsonAsync("/api/v1/appreciations/nudge", new { text = "thanks for the coffee this morning" })).ReadAsync<NudgeDto>();
        Assert.True(coffee.Specific);
        Assert.Equal(["meaning"], coffee.Missing);

        using var german = new HttpRequestMessage(HttpMethod.Post, "/api/v1/appreciations/nudge") { Content = JsonContent.Create(new { text = "Danke für alles" }) };
        german.Headers.AcceptLanguage.ParseAdd("de-DE");
        var deutsch = await (await ana.Api.SendAsync(german)).ReadAsync<NudgeDto>();
        Assert.False(deutsch.Specific);
        Assert.Contains("Was hat dein Schatz getan?", deutsch.Hint, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await ana.Api.PostAsJsonAsync("/api/v1/appreciations/nudge", new { text = " " })).StatusCode);
    }

    [Fact]
    public async Task This_week_is_one_figure_for_the_couple_counted_from_monday_in_the_couples_time_zone()
    {
        // The next Wednesday, 12:00 UTC: Monday 00:00 in Berlin (the couple's zone) lies two and a half days back.
        var now = app.Time.GetUtcNow();
        var wednesday = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(((int)DayOfWeek.Wednesday - (int)now.DayOfWeek + 7) % 7 + 7).AddHours(12);
        app.Time.SetUtcNow(wednesday);
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        await ana.Api.PostAsJsonAsync("/api/v1/appreciations", new { text = "one" });
        await ana.Api.PostAsJsonAsync("/api/v1/appreciations", new { text = "two" });
        await ben.Api.PostAsJsonAsync("/api/v1/appreciations", new { text = "three" });

        Assert.Equal(3, (await ana.Api.GetFromJsonAsync<AppreciationListDto>("/api/v1/appreciations"))!.SharedThisWeek);
        Assert.Equal(3, (await ben.Api.GetFromJsonAsync<AppreciationListDto>("/api/v1/appreciations?direction=received"))!.SharedThisWeek);
        using var pages = await app.PageClientAsync(ben);
        Assert.Contains("This week you shared 3 appreciations.", await pages.GetStringAsync("/appreciations"), StringComparison.Ordinal);

        // Sunday 22:30 UTC is Sunday 23:30 in Berlin: still the same week.
        app.Time.SetUtcNow(wednesday.AddDays(4).AddHours(10).AddMinutes(30));
        Assert.Equal(3, (await ana.Api.GetFromJsonAsync<AppreciationListDto>("/api/v1/appreciations"))!.SharedThisWeek);
        // 23:00 UTC on Sunday is Monday 00:00 in Berlin: a new week.
        app.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, (await ana.Api.GetFromJsonAsync<AppreciationListDto>("/api/v1/appreciations"))!.SharedThisWeek);
    }

    [Fact]
    public async Task My_export_holds_what_I_wrote_here_and_none_of_my_partners_words()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        await ana.Api.PostAsJsonAsync("/api/v1/appreciations", new { text = "ANA-APPRECIATION" });
        await ben.Api.PostAsJsonAsync("/api/v1/appreciations", new { text = "BEN-APPRECIATION" });
        var news = await (await ben.Api.PostAsJsonAsync("/api/v1/good-news", new { text = "BEN-NEWS" })).ReadAsync<GoodNewsDto>();
        await ana.Api.PostAsJsonAsync($"/api/v1/good-news/{news.Id}/reply", new { text = "ANA-REPLY" });
        await ana.Api.PutAsJsonAsync("/api/v1/me/support-preferences", new { ways = new List<string> { "space" }, whatHelps = "ANA-HELPS" });
        await ben.Api.PutAsJsonAsync("/api/v1/me/support-preferences", new { ways = new List<string> { "listen" }, whatHelps = "BEN-HELPS" });

        var export = await (await ana.Api.PostAsJsonAsync("/api/v1/me/export", new { password = ana.Password })).Content.ReadAsStringAsync();
        foreach (var mine in new[] { "ANA-APPRECIATION", "ANA-REPLY", "ANA-HELPS" })
        {
            Assert.Contains(mine, export, StringComparison.Ordinal);
        }

        foreach (var theirs in new[] { "BEN-APPRECIATION", "BEN-NEWS", "BEN-HELPS" })
        {
            Assert.DoesNotContain(theirs, export, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Leaving_ends_the_jar_good_news_and_hard_days_for_both_with_the_couple_key()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        var coupleId = (await ana.Api.GetFromJsonAsync<CoupleDto>("/api/v1/couple"))!.Id;
        await ana.Api.PostAsJsonAsync("/api/v1/appreciations", new { text = "from Ana" });
        await ben.Api.PostAsJsonAsync("/api/v1/appreciations", new { text = "from Ben" });
        await ben.Api.PostAsJsonAsync("/api/v1/good-news", new { text = "Ben's news" });
        await ben.Api.PostAsJsonAsync("/api/v1/support-requests", new { intensity = 1, note = "Ben's hard day" });

        Assert.Equal(HttpStatusCode.NoContent, (await ana.Api.PostAsync("/api/v1/couple/leave", null)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AppreciationNote>().IgnoreQueryFilters().CountAsync(a => a.CoupleId == coupleId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Attune.Features.GoodNews.GoodNewsItem>().IgnoreQueryFilters().CountAsync(g => g.CoupleId == coupleId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Attune.Features.SafeHaven.SupportRequest>().IgnoreQueryFilters().CountAsync(r => r.CoupleId == coupleId)));
        Assert.Equal(HttpStatusCode.Conflict, (await ben.Api.GetAsync("/api/v1/appreciations")).StatusCode);
    }
}

public sealed class SqliteAppreciationApiTests(AttuneApp app, ITestOutputHelper output) : AppreciationApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresAppreciationApiTests(PostgresAttuneApp app, ITestOutputHelper output) : AppreciationApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
