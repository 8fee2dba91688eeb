using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Attune.Features.Activities;
using Attune.Features.Calendar;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

public sealed record IdeaDto(string Key, string Title, string Text, List<string> Families, string Mark, bool OnList);

public sealed record LibraryDto(string? Family, List<string> Families, List<IdeaDto> Items);

public sealed record SuggestionsDto(DateOnly Day, string? Family, int Another, List<IdeaDto> Items);

public sealed record PlanDto(Guid Id, string? Activity, string Title, string? Text, string? Date, string? Time, DateOnly? DoneOn, string? Memory, bool AddedByMe);

public sealed record PlanListDto(List<PlanDto> Items, string TimeZone, DateOnly Today);

/// <summary>Something new together through the API, the pages and the calendar source, on SQLite and PostgreSQL, with the fake clock.</summary>
public abstract class ActivityApiTests(AttuneApp app)
{
    [Fact]
    public async Task Suggestions_favour_what_the_couple_has_not_done_skip_not_for_us_and_stay_the_same_all_day()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        var library = (await ana.Api.GetFromJsonAsync<LibraryDto>("/api/v1/activities?family=adventurous"))!;
        Assert.All(library.Items, i => Assert.Contains("adventurous", i.Families));
        Assert.True((await ana.Api.GetFromJsonAsync<LibraryDto>("/api/v1/activities"))!.Items.Count >= 150);

        // All adventurous ideas but two are done before (by either partner: marks are the couple's), one is not for us.
        var fresh = library.Items.Take(2).Select(i => i.Key).ToHashSet();
        var refused = library.Items[2].Key;
        Assert.Equal(HttpStatusCode.OK, (await ben.Api.PutAsJsonAsync($"/api/v1/activities/{refused}/mark", new { mark = "not-for-us" })).StatusCode);
        foreach (var idea in library.Items.Skip(3))
        {
            var marked = await (idea.Key.Length % 2 == 0 ? ana : ben).Api.PutAsJsonAsync($"/api/v1/activities/{idea.Key}/mark", new { mark = "done-before" });
            Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        }

        var today = (await ana.Api.GetFromJsonAsync<SuggestionsDto>("/api/v1/activities/suggestions?family=adventurous"))!;
        Assert.Equal(3, today.Items.Count);
        Assert.Equal(fresh.Order(), today.Items.Take(2).Select(i => i.Key).Order());
        Assert.Equal("done-before", today.Items[2].Mark);

        app.Time.Advance(TimeSpan.FromHours(3));
        var again = (await ben.Api.GetFromJsonAsync<SuggestionsDto>("/api/v1/activities/suggestions?family=adventurous"))!;
        Assert.Equal(today.Items.Select(i => i.Key), again.Items.Select(i => i.Key));

        // Enough windows of three to cover every candidate (all but the refused one) at least once.
        var windows = (library.Items.Count - 1 + 2) / 3;
        var walk = new List<string>();
        for (var n = 0; n < windows; n++)
        {
            walk.AddRange((await ana.Api.GetFromJsonAsync<SuggestionsDto>($"/api/v1/activities/suggestions?family=adventurous&another={n}"))!.Items.Select(i => i.Key));
        }

        Assert.DoesNotContain(refused, walk);
        Assert.Equal(library.Items.Count - 1, walk.Distinct().Count());

        app.Time.Advance(TimeSpan.FromDays(1));
        var tomorrow = new List<string>();
        for (var n = 0; n < windows; n++)
        {
            tomorrow.AddRange((await ana.Api.GetFromJsonAsync<SuggestionsDto>($"/api/v1/activities/suggestions?family=adventurous&another={n}"))!.Items.Select(i => i.Key));
        }

        Assert.NotEqual(walk, tomorrow);
        Assert.Equal(fresh.Order(), tomorrow.Take(2).Order());

        // "New to us after all" takes the mark back.
        var undone = await (await ana.Api.PutAsJsonAsync($"/api/v1/activities/{refused}/mark", new { mark = "new" })).ReadAsync<IdeaDto>();
        Assert.Equal("new", undone.Mark);
        Assert.Contains(refused, (await ana.Api.GetFromJsonAsync<SuggestionsDto>("/api/v1/activities/suggestions?family=adventurous"))!.Items.Select(i => i.Key));
    }

    [Fact]
    public async Task A_couple_lists_plans_and_remembers_ideas_and_own_words_stay_sealed_and_out_of_calendars()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        Assert.Empty((await ana.Api.GetFromJsonAsync<PlanListDto>("/api/v1/activities/list"))!.Items);
        var stars = await (await ana.Api.PostAsJsonAsync("/api/v1/activities/list", new { activity = "stargazing" })).ReadAsync<PlanDto>();
        Assert.Equal(("Go stargazing", "stargazing", true), (stars.Title, stars.Activity, stars.AddedByMe));
        Assert.Equal(HttpStatusCode.Conflict, (await ben.Api.PostAsJsonAsync("/api/v1/activities/list", new { activity = "stargazing" })).StatusCode);
        Assert.True((await ben.Api.GetFromJsonAsync<LibraryDto>("/api/v1/activities?family=outdoors"))!.Items.Single(i => i.Key == "stargazing").OnList);

        var secret = "Pottery with the neighbours " + Guid.NewGuid().ToString("N");
        var own = await ben.Api.PostAsJsonAsync("/api/v1/activities/list", new { title = " " + secret + " " });
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var ours = await own.ReadAsync<PlanDto>();
        Assert.Equal((secret, (string?)null), (ours.Title, ours.Activity));

        var today = (await ana.Api.GetFromJsonAsync<PlanListDto>("/api/v1/activities/list"))!.Today;
        var date = today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var planned = await ana.Api.PutAsJsonAsync($"/api/v1/activities/list/{ours.Id}/plan", new { date, time = "19:30" });
        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        await ben.Api.PutAsJsonAsync($"/api/v1/activities/list/{stars.Id}/plan", new { date = today.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        var list = (await ben.Api.GetFromJsonAsync<PlanListDto>("/api/v1/activities/list"))!;
        Assert.Equal([ours.Id, stars.Id], list.Items.Select(p => p.Id));
        Assert.Equal((date, "19:30", true), (list.Items[0].Date, list.Items[0].Time, list.Items[0].AddedByMe));

        // The calendar source gives each partner titles only: the idea in their language, own ideas as a generic title.
        var couple = (await ana.Api.GetFromJsonAsync<MeDto>("/api/v1/me"))!.CoupleId;
        var german = await FeedAsync(ben.Id, couple, "de");
        Assert.Equal(["Ein gemeinsames Date", "Schaut in die Sterne"], german.Select(i => i.Title));
        Assert.Equal((today.AddDays(3), (TimeOnly?)new TimeOnly(19, 30), $"activity-{ours.Id:N}"), (german[0].Date, german[0].Time, german[0].Uid));
        Assert.Null(german[1].Time);
        Assert.Equal(["A date together", "Go stargazing"], (await FeedAsync(ana.Id, couple, "en")).Select(i => i.Title));
        Assert.Empty(await FeedAsync(ana.Id, null, "en"));

        using (var pages = await app.PageClientAsync(ana))
        {
            var html = await pages.GetStringAsync("/activities");
            Assert.Contains(secret, html, StringComparison.Ordinal);
            Assert.Contains("Planned for", html, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"activity-planned\"", await pages.GetStringAsync("/today"), StringComparison.Ordinal);
        }

        var memory = "We saw three shooting stars " + Guid.NewGuid().ToString("N");
        var done = await ben.Api.PostAsJsonAsync($"/api/v1/activities/list/{stars.Id}/done", new { memory });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var remembered = await done.ReadAsync<PlanDto>();
        Assert.Equal((today, memory), (remembered.DoneOn, remembered.Memory));
        Assert.Equal("done-before", (await ana.Api.GetFromJsonAsync<LibraryDto>("/api/v1/activities?family=outdoors"))!.Items.Single(i => i.Key == "stargazing").Mark);
        Assert.Equal([ours.Id], (await ana.Api.GetFromJsonAsync<PlanListDto>("/api/v1/activities/list"))!.Items.Select(p => p.Id));
        Assert.Equal(HttpStatusCode.Conflict, (await ana.Api.PutAsJsonAsync($"/api/v1/activities/list/{stars.Id}/plan", new { date })).StatusCode);
        var memories = (await ana.Api.GetFromJsonAsync<List<PlanDto>>("/api/v1/activities/memories"))!;
        Assert.Equal((stars.Id, memory), (memories.Single().Id, memories.Single().Memory));
        using (var pages = await app.PageClientAsync(ana))
        {
            Assert.Contains(memory, await pages.GetStringAsync("/memories"), StringComparison.Ordinal);
        }

        var rows = await app.WithDbAsync(db => db.Set<ActivityPlan>().IgnoreQueryFilters().Where(p => p.Id == ours.Id || p.Id == stars.Id).ToListAsync());
        var stored = string.Join('\n', rows.Select(r => Encoding.UTF8.GetString(r.Title) + Encoding.UTF8.GetString(r.Memory ?? [])));
        Assert.DoesNotContain("Pottery", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("shooting", stored, StringComparison.Ordinal);
        Assert.NotNull(rows.Single(r => r.Id == stars.Id).Memory);

        Assert.Equal(["A date together"], (await FeedAsync(ana.Id, couple, "en")).Select(i => i.Title));

        Assert.Equal(HttpStatusCode.NoContent, (await ana.Api.DeleteAsync($"/api/v1/activities/list/{ours.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ben.Api.DeleteAsync($"/api/v1/activities/list/{ours.Id}")).StatusCode);
        Assert.Empty((await ben.Api.GetFromJsonAsync<PlanListDto>("/api/v1/activities/list"))!.Items);
    }

    private async Task<IReadOnlyList<CalendarItem>> FeedAsync(Guid user, Guid? couple, string culture)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<ICalendarSource>().OfType<ActivitiesCalendarSource>().Single();
        return await source.ItemsAsync(new CalendarOwner(user, couple, "Europe/Berlin", CultureInfo.GetCultureInfo(culture)), CancellationToken.None);
    }

    [Fact]
    public async Task Bad_input_gets_field_errors_in_the_api_and_on_the_page_and_singles_are_turned_away()
    {
        var (ana, _) = await app.CreatePairedCoupleAsync();
        var item = await (await ana.Api.PostAsJsonAsync("/api/v1/activities/list", new { title = "Picnic on the roof" })).ReadAsync<PlanDto>();
        var today = (await ana.Api.GetFromJsonAsync<PlanListDto>("/api/v1/activities/list"))!.Today;
        var cases = new (string Method, string Path, object Body, string Field)[]
        {
            ("POST", "/api/v1/activities/list", new { title = "  " }, "title"),
            ("POST", "/api/v1/activities/list", new { title = new string('x', PlanService.MaxTitleLength + 1) }, "title"),
            ("POST", "/api/v1/activities/list", new { title = "two\nlines" }, "title"),
            ("POST", "/api/v1/activities/list", new { activity = "bungee-from-the-moon" }, "activity"),
            ("PUT", $"/api/v1/activities/list/{item.Id}/plan", new { date = "next friday" }, "date"),
            ("PUT", $"/api/v1/activities/list/{item.Id}/plan", new { date = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, "date"),
            ("PUT", $"/api/v1/activities/list/{item.Id}/plan", new { date = today.AddDays(PlanService.MaxDaysAhead + 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, "date"),
            ("PUT", $"/api/v1/activities/list/{item.Id}/plan", new { date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), time = "25:61" }, "time"),
            ("POST", $"/api/v1/activities/list/{item.Id}/done", new { memory = new string('m', PlanService.MaxMemoryLength + 1) }, "memory"),
            ("PUT", "/api/v1/activities/stargazing/mark", new { mark = "maybe" }, "mark"),
        };
        foreach (var (method, path, body, field) in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(body) };
            var refused = await ana.Api.SendAsync(request);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} {field}: {(int)refused.StatusCode}");
            Assert.Contains($"\"{field}\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await ana.Api.GetAsync("/api/v1/activities?family=expensive")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ana.Api.GetAsync("/api/v1/activities/suggestions?another=-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ana.Api.PutAsJsonAsync("/api/v1/activities/no-such-idea/mark", new { mark = "done-before" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ana.Api.PostAsJsonAsync($"/api/v1/activities/list/{Guid.NewGuid()}/done", new { memory = "x" })).StatusCode);
        var still = (await ana.Api.GetFromJsonAsync<PlanListDto>("/api/v1/activities/list"))!.Items.Single();
        Assert.Equal((item.Id, (string?)null, (DateOnly?)null), (still.Id, still.Date, still.DoneOn));

        using var page = await ManualCookies.SignInAsync(app, ana);
        var form = await page.PostFormAsync("/activities", "/activities?handler=Add", new() { ["Title"] = "" });
        Assert.Contains("Please write your idea in a few words.", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var plan = await page.PostFormAsync("/activities", $"/activities?handler=Plan&id={item.Id}", new() { ["date"] = "soon" });
        Assert.Contains("Please enter a date like 2026-06-21.", await plan.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var single = await app.RegisterAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await single.Api.GetAsync("/api/v1/activities/suggestions")).StatusCode);
        Assert.NotEqual(HttpStatusCode.Created, (await single.Api.PostAsJsonAsync("/api/v1/activities/list", new { title = "alone" })).StatusCode);
    }
}

public sealed class SqliteActivityApiTests(AttuneApp app, ITestOutputHelper output) : ActivityApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresActivityApiTests(PostgresAttuneApp app, ITestOutputHelper output) : ActivityApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
