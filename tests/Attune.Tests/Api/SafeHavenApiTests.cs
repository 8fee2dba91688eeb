using System.Net;
using System.Net.Http.Json;
using System.Text;
using Attune.Features.SafeHaven;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Attune.Tests.Api;

public sealed record SupportPreferencesDto(List<string> Ways, string? WhatHelps);

public sealed record SupportResponseDto(Guid Id, string Kind, string? Text, DateTimeOffset CreatedAt, bool FromMe);

public sealed record MySignalDto(Guid Id, int Intensity, string? Note, DateTimeOffset CreatedAt, DateTimeOffset ClosesAt, bool FollowUpDue, List<SupportResponseDto> Responses);

public sealed record PartnerSignalDto(
    Guid Id, string PartnerName, int Intensity, string? Note, DateTimeOffset CreatedAt, DateTimeOffset ClosesAt,
    List<string> Ways, string? WhatHelps, List<SupportResponseDto> Responses);

public sealed record ActiveSignalsDto(MySignalDto? Mine, PartnerSignalDto? Partner);

/// <summary>
/// The safe haven: preferences reach the partner only with an open hard-day signal; one open signal per person;
/// the follow-up on the next day in the person's own time zone; closing by itself after three days (fake clock).
/// </summary>
public abstract class SafeHavenApiTests(AttuneApp app)
{
    [Fact]
    public async Task Preferences_and_the_note_reach_the_partner_only_while_a_hard_day_is_open()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        var helps = "HELPS-" + Guid.NewGuid().ToString("N");
        var note = "NOTE-" + Guid.NewGuid().ToString("N");
        var saved = await ana.Api.PutAsJsonAsync("/api/v1/me/support-preferences", new { ways = new List<string> { "listen", "comfort", "listen" }, whatHelps = " tea and " + helps + " " });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(["listen", "comfort"], (await saved.ReadAsync<SupportPreferencesDto>()).Ways);

        using var benPages = await app.PageClientAsync(ben);
        await AssertHiddenFromBenAsync();

        var signal = await ana.Api.PostAsJsonAsync("/api/v1/support-requests", new { note, intensity = 2 });
        Assert.Equal(HttpStatusCode.Created, signal.StatusCode);
        var mine = await signal.ReadAsync<MySignalDto>();
        Assert.Equal((2, note, false), (mine.Intensity, mine.Note, mine.FollowUpDue));

        var partner = (await ben.Api.GetFromJsonAsync<ActiveSignalsDto>("/api/v1/support-requests/active"))!.Partner!;
        Assert.Equal((mine.Id, ana.DisplayName, note, "tea and " + helps), (partner.Id, partner.PartnerName, partner.Note, partner.WhatHelps));
        Assert.Equal(["listen", "comfort"], partner.Ways);
        var today = await benPages.GetStringAsync("/today");
        Assert.Contains("data-testid=\"partner-hard-day\"", today, StringComparison.Ordinal);
        Assert.Contains(helps, today, StringComparison.Ordinal);
        Assert.Contains(note, today, StringComparison.Ordinal);
        Assert.Contains("Listen without trying to fix it", today, StringComparison.Ordinal);
        // Ben's own preferences are still his own.
        Assert.DoesNotContain(helps, await ben.Api.GetStringAsync("/api/v1/me/support-preferences"), StringComparison.Ordinal);

        // The note is sealed under Ana's key, "what helps" too: neither is in the rows.
        var anaId = ana.Id;
        var row = await app.WithDbAsync(db => db.Set<SupportRequest>().IgnoreQueryFilters().SingleAsync(r => r.UserId == anaId));
        Assert.DoesNotContain(note, Encoding.UTF8.GetString(row.Note!), StringComparison.Ordinal);
        var prefs = await app.WithDbAsync(db => db.Set<SupportPreferences>().SingleAsync(p => p.UserId == anaId));
        Assert.DoesNotContain(helps, Encoding.UTF8.GetString(prefs.WhatHelps!), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await ben.Api.PostAsync($"/api/v1/support-requests/{mine.Id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ana.Api.PostAsync($"/api/v1/support-requests/{mine.Id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ana.Api.PostAsync($"/api/v1/support-requests/{mine.Id}/close", null)).StatusCode);
        await AssertHiddenFromBenAsync();
        Assert.Null((await ana.Api.GetFromJsonAsync<ActiveSignalsDto>("/api/v1/support-requests/active"))!.Mine);

        async Task AssertHiddenFromBenAsync()
        {
            var active = await ben.Api.GetStringAsync("/api/v1/support-requests/active");
            Assert.Null((await ben.Api.GetFromJsonAsync<ActiveSignalsDto>("/api/v1/support-requests/active"))!.Partner);
            foreach (var text in new[] { active, await ben.Api.GetStringAsync("/api/v1/me/support-preferences"), await benPages.GetStringAsync("/today"), await benPages.GetStringAsync("/safe-haven"), await benPages.GetStringAsync("/me/support") })
            {
                Assert.DoesNotContain(helps, text, StringComparison.Ordinal);
                Assert.DoesNotContain(note, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task One_open_signal_per_person_and_the_partner_answers_it()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        var first = await (await ana.Api.PostAsJsonAsync("/api/v1/support-requests", new { intensity = 3 })).ReadAsync<MySignalDto>();
        Assert.Null(first.Note);
        Assert.Equal(HttpStatusCode.Conflict, (await ana.Api.PostAsJsonAsync("/api/v1/support-requests", new { intensity = 1 })).StatusCode);
        // The partner may have a hard day of their own at the same time.
        var bens = await (await ben.Api.PostAsJsonAsync("/api/v1/support-requests", new { intensity = 1 })).ReadAsync<MySignalDto>();

        Assert.Equal(HttpStatusCode.NotFound, (await ana.Api.PostAsJsonAsync($"/api/v1/support-requests/{first.Id}/responses", new { kind = "im-here" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ben.Api.PostAsJsonAsync($"/api/v1/support-requests/{first.Id}/responses", new { kind = "shrug" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ben.Api.PostAsJsonAsync($"/api/v1/support-requests/{first.Id}/responses", new { kind = "message" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ben.Api.PostAsJsonAsync($"/api/v1/support-requests/{first.Id}/responses", new { kind = "im-here" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ben.Api.PostAsJsonAsync($"/api/v1/support-requests/{first.Id}/responses", new { kind = "message", text = "Soup is on its way" })).StatusCode);

        var anaView = (await ana.Api.GetFromJsonAsync<ActiveSignalsDto>("/api/v1/support-requests/active"))!;
        Assert.Equal(["im-here", "message"], anaView.Mine!.Responses.Select(r => r.Kind));
        Assert.Equal("Soup is on its way", anaView.Mine.Responses[1].Text);
        Assert.Equal(bens.Id, anaView.Partner!.Id);
        using var anaPages = await app.PageClientAsync(ana);
        var today = await anaPages.GetStringAsync("/today");
        Assert.Contains("I&#x27;m here", today, StringComparison.Ordinal);
        Assert.Contains("Soup is on its way", today, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await ana.Api.PostAsync($"/api/v1/support-requests/{first.Id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ben.Api.PostAsJsonAsync($"/api/v1/support-requests/{first.Id}/responses", new { kind = "im-here" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ana.Api.PostAsJsonAsync("/api/v1/support-requests", new { intensity = 1 })).StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_field_errors()
    {
        var (ana, _) = await app.CreatePairedCoupleAsync();
        foreach (var (body, field) in new (object, string)[]
        {
            (new { intensity = 0 }, "intensity"), (new { intensity = 4 }, "intensity"), (new { note = "x" }, "intensity"),
            (new { intensity = 1, note = new string('n', SupportRequestService.MaxNoteLength + 1) }, "note"),
        })
        {
            var refused = await ana.Api.PostAsJsonAsync("/api/v1/support-requests", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains($"\"{field}\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await ana.Api.PutAsJsonAsync("/api/v1/me/support-preferences", new { ways = new List<string> { "chocolate" } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ana.Api.PutAsJsonAsync("/api/v1/me/support-preferences",
            new { ways = Array.Empty<string>(), whatHelps = new string('w', SupportPreferencesService.MaxWhatHelpsLength + 1) })).StatusCode);
        var none = await (await ana.Api.PutAsJsonAsync("/api/v1/me/support-preferences", new { })).ReadAsync<SupportPreferencesDto>();
        Assert.Equal((0, (string?)null), (none.Ways.Count, none.WhatHelps));
    }

    [Fact]
    public async Task The_follow_up_comes_on_the_next_day_in_the_persons_own_time_zone_and_the_signal_closes_after_three_days()
    {
        // Ana lives in Auckland (UTC+13 in November), Ben in Berlin. 10:00 UTC is 23:00 for Ana, 11:00 for Ben.
        var now = app.Time.GetUtcNow();
        var start = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1).AddHours(10);
        app.Time.SetUtcNow(start);
        var ana = await app.RegisterAsync("Ana", "Pacific/Auckland");
        var ben = await app.RegisterAsync("Ben", "Europe/Berlin");
        Assert.Equal(HttpStatusCode.OK, (await ben.JoinAsync((await ana.InviteAsync()).Code)).StatusCode);
        var anas = await (await ana.Api.PostAsJsonAsync("/api/v1/support-requests", new { intensity = 2, note = "rough" })).ReadAsync<MySignalDto>();
        var bens = await (await ben.Api.PostAsJsonAsync("/api/v1/support-requests", new { intensity = 1 })).ReadAsync<MySignalDto>();
        Assert.Equal(start + TimeSpan.FromDays(3), anas.ClosesAt);
        using var anaPages = await app.PageClientAsync(ana);

        app.Time.Advance(TimeSpan.FromMinutes(59)); // 23:59 in Auckland: still the same day
        Assert.False((await MineAsync(ana)).FollowUpDue);
        Assert.DoesNotContain("data-testid=\"follow-up\"", await anaPages.GetStringAsync("/today"), StringComparison.Ordinal);

        app.Time.Advance(TimeSpan.FromMinutes(2)); // 00:01 the next day in Auckland, 12:01 the same day in Berlin
        Assert.True((await MineAsync(ana)).FollowUpDue);
        Assert.False((await MineAsync(ben)).FollowUpDue);
        var today = await anaPages.GetStringAsync("/today");
        Assert.Contains("data-testid=\"follow-up\"", today, StringComparison.Ordinal);
        Assert.Contains("How are you feeling now?", today, StringComparison.Ordinal);

        app.Time.SetUtcNow(start.AddHours(13)); // 00:00 the next day in Berlin
        Assert.True((await MineAsync(ben)).FollowUpDue);

        // Three days after it was sent, less a minute: still open, for both; then closed by itself.
        app.Time.SetUtcNow(start + TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        Assert.Equal(anas.Id, (await ben.Api.GetFromJsonAsync<ActiveSignalsDto>("/api/v1/support-requests/active"))!.Partner!.Id);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var after = (await ben.Api.GetFromJsonAsync<ActiveSignalsDto>("/api/v1/support-requests/active"))!;
        Assert.Equal((null, null), (after.Mine, after.Partner));
        Assert.DoesNotContain("rough", await anaPages.GetStringAsync("/today"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await ben.Api.PostAsJsonAsync($"/api/v1/support-requests/{anas.Id}/responses", new { kind = "im-here" })).StatusCode);
        // A signal that ran out does not block a new one.
        Assert.Equal(HttpStatusCode.Created, (await ana.Api.PostAsJsonAsync("/api/v1/support-requests", new { intensity = 1 })).StatusCode);
        Assert.NotEqual(bens.Id, (await MineAsync(ana)).Id);
    }

    private static async Task<MySignalDto> MineAsync(TestUser user) =>
        (await user.Api.GetFromJsonAsync<ActiveSignalsDto>("/api/v1/support-requests/active"))!.Mine!;
}

public sealed class SqliteSafeHavenApiTests(AttuneApp app, ITestOutputHelper output) : SafeHavenApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresSafeHavenApiTests(PostgresAttuneApp app, ITestOutputHelper output) : SafeHavenApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
