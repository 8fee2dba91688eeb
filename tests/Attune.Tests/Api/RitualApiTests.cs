using System.Net;
using System.Net.Http.Json;
using System.Text;
using Attune.Features.Rituals;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Attune.Tests.Api;

public sealed record RitualDto(Guid Id, string? Template, string Title, List<string> Days, string Time, int DurationMinutes);

public sealed record TemplateDto(string Key, string Title, string Description, List<string> Days, string Time, int DurationMinutes);

public sealed record RitualListDto(List<RitualDto> Items, List<TemplateDto> Templates, int ScreenFreeMinutesThisMonth, string TimeZone);

public sealed record ReflectionDto(string Text, bool FromMe);

public sealed record RitualSessionDto(Guid Id, Guid RitualId, string Title, DateTimeOffset StartedAt, DateTimeOffset EndsAt, bool Ended, List<ReflectionDto> Reflections, bool ReflectedByMe);

/// <summary>Rituals and screen-free sessions through the API and the pages, on SQLite and PostgreSQL, with the fake clock.</summary>
public abstract class RitualApiTests(AttuneApp app)
{
    [Fact]
    public async Task A_couple_adds_edits_and_removes_template_and_custom_rituals_and_custom_titles_are_sealed()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        var empty = await ana.Api.GetStringAsync("/api/v1/rituals");
        foreach (var key in new[] { "no-phone-dinner", "walk-and-talk", "bedtime-checkin", "date-night", "weekly-checkin" })
        {
            Assert.Contains($"\"key\":\"{key}\"", empty, StringComparison.Ordinal);
        }

        var dinner = await (await ana.Api.PostAsJsonAsync("/api/v1/rituals",
            new { template = "no-phone-dinner", days = new List<string> { "monday", "thursday" }, time = "19:00", durationMinutes = 45 })).ReadAsync<RitualDto>();
        Assert.Equal(("No-phone dinner", "19:00", 45), (dinner.Title, dinner.Time, dinner.DurationMinutes));
        Assert.Equal(["monday", "thursday"], dinner.Days);

        // Rituals are listed in the order they were added; on a frozen clock two would tie.
        app.Time.Advance(TimeSpan.FromSeconds(1));
        var secret = "Pancakes on the balcony " + Guid.NewGuid().ToString("N");
        var created = await ben.Api.PostAsJsonAsync("/api/v1/rituals", new { title = "  " + secret + " ", days = new List<string> { "sunday" }, time = "09:30", durationMinutes = 60 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var custom = await created.ReadAsync<RitualDto>();
        Assert.Equal((secret, (string?)null), (custom.Title, custom.Template));

        var both = (await ana.Api.GetFromJsonAsync<RitualListDto>("/api/v1/rituals"))!;
        Assert.Equal([dinner.Id, custom.Id], both.Items.Select(i => i.Id));
        var stored = await app.WithDbAsync(db => db.Set<Ritual>().IgnoreQueryFilters().SingleAsync(r => r.Id == custom.Id));
        Assert.DoesNotContain("Pancakes", Encoding.UTF8.GetString(stored.Title), StringComparison.Ordinal);

        var edited = await ana.Api.PutAsJsonAsync($"/api/v1/rituals/{dinner.Id}", new { template = "date-night", days = new List<string> { "friday" }, time = "20:15", durationMinutes = 90 });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(("Date night", "20:15", 90), ((await edited.ReadAsync<RitualDto>()).Title, (await ben.Api.GetFromJsonAsync<RitualDto>($"/api/v1/rituals/{dinner.Id}"))!.Time, 90));

        using var pages = await app.PageClientAsync(ben);
        var html = await pages.GetStringAsync("/rituals");
        Assert.Contains(secret, html, StringComparison.Ordinal);
        Assert.Contains("Date night", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await ben.Api.DeleteAsync($"/api/v1/rituals/{dinner.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ana.Api.DeleteAsync($"/api/v1/rituals/{dinner.Id}")).StatusCode);
        Assert.Equal([custom.Id], (await ana.Api.GetFromJsonAsync<RitualListDto>("/api/v1/rituals"))!.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Bad_rituals_get_field_errors_in_the_api_and_on_the_page()
    {
        var (ana, _) = await app.CreatePairedCoupleAsync();
        var cases = new (object Body, string Field)[]
        {
            (new { title = "", days = new List<string> { "monday" }, time = "19:00", durationMinutes = 30 }, "title"),
            (new { title = new string('x', RitualService.MaxTitleLength + 1), days = new List<string> { "monday" }, time = "19:00", durationMinutes = 30 }, "title"),
            (new { template = "bungee", days = new List<string> { "monday" }, time = "19:00", durationMinutes = 30 }, "template"),
            (new { template = "date-night", days = Array.Empty<string>(), time = "19:00", durationMinutes = 30 }, "days"),
            (new { template = "date-night", days = new List<string> { "someday" }, time = "19:00", durationMinutes = 30 }, "days"),
            (new { template = "date-night", days = new List<string> { "monday" }, time = "25:00", durationMinutes = 30 }, "time"),
            (new { template = "date-night", days = new List<string> { "monday" }, time = "19:00", durationMinutes = RitualService.MinDuration - 1 }, "durationMinutes"),
            (new { template = "date-night", days = new List<string> { "monday" }, time = "19:00", durationMinutes = RitualService.MaxDuration + 1 }, "durationMinutes"),
        };
        foreach (var (body, field) in cases)
        {
            var refused = await ana.Api.PostAsJsonAsync("/api/v1/rituals", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains($"\"{field}\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Empty((await ana.Api.GetFromJsonAsync<RitualListDto>("/api/v1/rituals"))!.Items);
        using var page = await ManualCookies.SignInAsync(app, ana);
        var form = await page.PostFormAsync("/rituals", "/rituals?handler=Add",
            new() { ["Input.Template"] = "custom", ["Input.Title"] = "", ["Input.Time"] = "19:00", ["Input.DurationMinutes"] = "30" });
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains("Please give your ritual a name.", html, StringComparison.Ordinal);
        Assert.Contains("Please choose at least one day.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_screen_free_session_runs_its_duration_then_each_partner_reflects_and_the_month_counts_the_minutes()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        var walk = await (await ana.Api.PostAsJsonAsync("/api/v1/rituals",
            new { template = "walk-and-talk", days = new List<string> { "saturday" }, time = "10:00", durationMinutes = 20 })).ReadAsync<RitualDto>();
        var before = (await ana.Api.GetFromJsonAsync<RitualListDto>("/api/v1/rituals"))!.ScreenFreeMinutesThisMonth;

        var startedResponse = await ben.Api.PostAsync($"/api/v1/rituals/{walk.Id}/start", null);
        Assert.Equal(HttpStatusCode.Created, startedResponse.StatusCode);
        var started = await startedResponse.ReadAsync<RitualSessionDto>();
        Assert.Equal((false, TimeSpan.FromMinutes(20)), (started.Ended, started.EndsAt - started.StartedAt));

        using var anaPages = await app.PageClientAsync(ana);
        var running = await anaPages.GetStringAsync($"/rituals/session?id={started.Id}");
        Assert.Contains("Phones away", running, StringComparison.Ordinal);
        Assert.Contains("data-remaining-ms=\"1200000\"", running, StringComparison.Ordinal);
        Assert.Contains($"/rituals/session?id={started.Id}", await anaPages.GetStringAsync("/rituals"), StringComparison.Ordinal);

        var early = await ana.Api.PutAsJsonAsync($"/api/v1/rituals/sessions/{started.Id}/reflection", new { text = "too soon" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(before, (await ana.Api.GetFromJsonAsync<RitualListDto>("/api/v1/rituals"))!.ScreenFreeMinutesThisMonth);

        app.Time.Advance(TimeSpan.FromMinutes(20));
        var line = "We laughed about the ducks " + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.BadRequest, (await ana.Api.PutAsJsonAsync($"/api/v1/rituals/sessions/{started.Id}/reflection", new { text = "two\nlines" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ana.Api.PutAsJsonAsync($"/api/v1/rituals/sessions/{started.Id}/reflection", new { text = new string('a', RitualService.MaxReflectionLength + 1) })).StatusCode);
        var reflected = await ana.Api.PutAsJsonAsync($"/api/v1/rituals/sessions/{started.Id}/reflection", new { text = line });
        Assert.Equal(HttpStatusCode.OK, reflected.StatusCode);
        Assert.True((await reflected.ReadAsync<RitualSessionDto>()).ReflectedByMe);

        var seenByBen = (await ben.Api.GetFromJsonAsync<RitualSessionDto>($"/api/v1/rituals/sessions/{started.Id}"))!;
        Assert.Equal((true, line, false, false), (seenByBen.Ended, seenByBen.Reflections.Single().Text, seenByBen.Reflections.Single().FromMe, seenByBen.ReflectedByMe));
        Assert.Equal(before + 20, (await ben.Api.GetFromJsonAsync<RitualListDto>("/api/v1/rituals"))!.ScreenFreeMinutesThisMonth);

        var stored = await app.WithDbAsync(db => db.Set<RitualReflection>().IgnoreQueryFilters().SingleAsync(r => r.SessionId == started.Id));
        Assert.DoesNotContain("ducks", Encoding.UTF8.GetString(stored.Text), StringComparison.Ordinal);
        using var benPages = await app.PageClientAsync(ben);
        Assert.Contains(line, await benPages.GetStringAsync($"/rituals/session?id={started.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ben.Api.GetAsync($"/api/v1/rituals/sessions/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ben.Api.PostAsync($"/api/v1/rituals/{Guid.NewGuid()}/start", null)).StatusCode);
    }
}

public sealed class SqliteRitualApiTests(AttuneApp app, ITestOutputHelper output) : RitualApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresRitualApiTests(PostgresAttuneApp app, ITestOutputHelper output) : RitualApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
