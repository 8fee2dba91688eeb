using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

public sealed record GoalDto(Guid Id, string Kind, string Title, bool Shared, int MinutesThisMonth, int DaysThisMonth, DateOnly? LastDone);

public sealed record SharedGoalDto(Guid Id, string Kind, string Title, DateTimeOffset SharedAt);

public sealed record BalanceDto(string Month, int MeMinutes, int MeDays, int UsMinutes, int CheckInsTogether, string PreviousMonth, string? NextMonth);

/// <summary>Time for me: goals private by default, shared read-only and withdrawn at once; a month's balance from known data.</summary>
public abstract partial class PersonalApiTests(AttuneApp app)
{
    [Fact]
    public async Task A_goal_is_private_until_shared_read_only_when_shared_and_gone_at_once_when_unshared()
    {
        var (owner, partner) = await app.CreatePairedCoupleAsync();
        var canary = "ME-TIME-" + Guid.NewGuid().ToString("N");
        var goal = await CreateAsync(owner, canary, "habit");
        Assert.Equal((canary, "habit", false), (goal.Title, goal.Kind, goal.Shared));
        await (await owner.Api.PostAsJsonAsync($"/api/v1/personal/goals/{goal.Id}/log", new { minutes = 20 })).ReadAsync<GoalDto>();
        await SweepAsync(partner, goal.Id, canary);

        var shared = await (await owner.Api.PostAsync($"/api/v1/personal/goals/{goal.Id}/share", null)).ReadAsync<GoalDto>();
        Assert.True(shared.Shared);
        var seen = (await partner.Api.GetFromJsonAsync<List<SharedGoalDto>>("/api/v1/personal/partner"))!.Single();
        Assert.Equal((goal.Id, canary), (seen.Id, seen.Title));
        Assert.Empty((await owner.Api.GetFromJsonAsync<List<SharedGoalDto>>("/api/v1/personal/partner"))!);
        using (var pages = await app.PageClientAsync(partner))
        {
            Assert.Contains(canary, await pages.GetStringAsync("/me/time"), StringComparison.Ordinal);
        }

        // Read-only for the partner: none of the owner's goal routes answer them.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Api.PutAsJsonAsync($"/api/v1/personal/goals/{goal.Id}", new { title = "changed", kind = "goal" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Api.PostAsJsonAsync($"/api/v1/personal/goals/{goal.Id}/log", new { minutes = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Api.DeleteAsync($"/api/v1/personal/goals/{goal.Id}/share")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.Api.DeleteAsync($"/api/v1/personal/goals/{goal.Id}")).StatusCode);

        // A rename reaches the shared copy; unsharing withdraws it at once.
        var renamed = canary + " renamed";
        await owner.Api.PutAsJsonAsync($"/api/v1/personal/goals/{goal.Id}", new { title = renamed, kind = "goal" });
        Assert.Equal(renamed, (await partner.Api.GetFromJsonAsync<List<SharedGoalDto>>("/api/v1/personal/partner"))!.Single().Title);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Api.DeleteAsync($"/api/v1/personal/goals/{goal.Id}/share")).StatusCode);
        await SweepAsync(partner, goal.Id, canary);
        var export = await (await owner.Api.PostAsJsonAsync("/api/v1/me/export", new { password = owner.Password })).Content.ReadAsStringAsync();
        Assert.Contains(renamed, export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_month_balances_logged_time_for_me_with_finished_screen_free_time_and_check_ins_together()
    {
        var (me, partner) = await app.CreatePairedCoupleAsync();
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        var month = today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var goal = await CreateAsync(me, "Swimming", "habit");
        foreach (var log in new object[] { new { minutes = 30 }, new { date = new DateOnly(today.Year, today.Month, 2), minutes = 45 }, new { date = new DateOnly(today.Year, today.Month, 2), minutes = 15 }, new { date = today.AddDays(-3) } })
        {
            Assert.Equal(HttpStatusCode.OK, (await me.Api.PostAsJsonAsync($"/api/v1/personal/goals/{goal.Id}/log", log)).StatusCode);
        }

        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        await me.Api.PostAsJsonAsync($"/api/v1/personal/goals/{goal.Id}/log", new { date = lastMonth, minutes = 60 });

        var ritual = await (await partner.Api.PostAsJsonAsync("/api/v1/rituals", new { title = "Walk", days = new List<string> { "monday" }, time = "19:00", durationMinutes = 25 })).ReadAsync<RitualDto>();
        await partner.Api.PostAsync($"/api/v1/rituals/{ritual.Id}/start", null);
        Assert.Equal(new BalanceDto(month, 90, 3, 0, 0, PreviousOf(today), null), await BalanceAsync(me, null));

        app.Time.Advance(TimeSpan.FromMinutes(26));
        await me.SubmitCheckInAsync(CheckInClient.Full());
        await partner.SubmitCheckInAsync(CheckInClient.Full());
        Assert.Equal(new BalanceDto(month, 90, 3, 25, 1, PreviousOf(today), null), await BalanceAsync(me, null));
        Assert.Equal((0, 0, 25, 1), await BalanceAsync(partner, null) is var p ? (p.MeMinutes, p.MeDays, p.UsMinutes, p.CheckInsTogether) : default);
        var before = await BalanceAsync(me, PreviousOf(today));
        Assert.Equal((60, 1, 0, month), (before.MeMinutes, before.MeDays, before.UsMinutes, before.NextMonth));
        Assert.Equal((90, 3), ((await me.Api.GetFromJsonAsync<List<GoalDto>>("/api/v1/personal/goals"))!.Single() is var g ? (g.MinutesThisMonth, g.DaysThisMonth) : default));

        using var pages = await app.PageClientAsync(me);
        var html = await pages.GetStringAsync("/me/time");
        Assert.Contains("Time for me: 90 minutes. Days with something logged: 3.", html, StringComparison.Ordinal);
        Assert.Contains("Time for us: 25 screen-free minutes together.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_field_errors_and_nothing_is_saved()
    {
        var (me, _) = await app.CreatePairedCoupleAsync();
        foreach (var (body, field) in new (object, string)[]
        {
            (new { title = " ", kind = "habit" }, "title"),
            (new { title = new string('a', 121), kind = "goal" }, "title"),
            (new { title = "Reading" }, "kind"),
        })
        {
            var response = await me.Api.PostAsJsonAsync("/api/v1/personal/goals", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Empty((await me.Api.GetFromJsonAsync<List<GoalDto>>("/api/v1/personal/goals"))!);
        var goal = await CreateAsync(me, "Reading", "goal");
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        foreach (var (body, field) in new (object, string)[]
        {
            (new { minutes = 0 }, "minutes"),
            (new { minutes = 24 * 60 + 1 }, "minutes"),
            (new { date = today.AddDays(2) }, "date"),
            (new { date = today.AddDays(-400) }, "date"),
        })
        {
            var response = await me.Api.PostAsJsonAsync($"/api/v1/personal/goals/{goal.Id}/log", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, (await me.Api.GetFromJsonAsync<List<GoalDto>>("/api/v1/personal/goals"))!.Single().DaysThisMonth);
        foreach (var month in new[] { "2026-13", "soon", today.AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) })
        {
            Assert.Contains("\"month\"", await (await me.Api.GetAsync($"/api/v1/personal/balance?month={month}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The page shows the same words beside the field.
        using var pages = await app.PageClientAsync(me);
        var form = await pages.GetStringAsync("/me/time");
        var token = Token().Match(form).Groups[1].Value;
        var page = await (await pages.PostAsync("/me/time?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Title"] = "", ["Kind"] = "Habit",
        }))).Content.ReadAsStringAsync();
        Assert.Contains("Please give it a name.", page, StringComparison.Ordinal);
    }

    private static string PreviousOf(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<BalanceDto> BalanceAsync(TestUser user, string? month) =>
        (await user.Api.GetFromJsonAsync<BalanceDto>("/api/v1/personal/balance" + (month is null ? "" : $"?month={month}")))!;

    private static async Task<GoalDto> CreateAsync(TestUser user, string title, string kind)
    {
        var response = await user.Api.PostAsJsonAsync("/api/v1/personal/goals", new { title, kind });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<GoalDto>();
    }

    /// <summary>Every GET route (ids aimed at the goal), the partner's export and every page: none holds the goal's title.</summary>
    private async Task SweepAsync(TestUser partner, Guid id, string canary)
    {
        var seen = new List<(string What, string Text)>();
        foreach (var route in ApiRoutes.Of(app).Where(r => r.Method == "GET"))
        {
            var response = await partner.Api.GetAsync(RouteValue().Replace(route.Pattern, id.ToString()));
            Assert.True((int)response.StatusCode < 500, $"{route.Name} answered {(int)response.StatusCode}");
            seen.Add((route.Name, await response.Content.ReadAsStringAsync()));
        }

        seen.Add(("export", await (await partner.Api.PostAsJsonAsync("/api/v1/me/export", new { password = partner.Password })).Content.ReadAsStringAsync()));
        using var pages = await app.PageClientAsync(partner);
        var paths = PageRoutes.Of(app).Where(p => p is not "/signout" and not "/exit").ToList();
        Assert.Contains("/me/time", paths);
        foreach (var path in paths)
        {
            seen.Add((path, await (await pages.GetAsync(path)).Content.ReadAsStringAsync()));
        }

        Assert.True(seen.Count > 30, $"only {seen.Count} responses were looked at");
        Assert.All(seen, s => Assert.False(s.Text.Contains(canary, StringComparison.Ordinal), $"{s.What} showed the partner a private goal"));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class SqlitePersonalApiTests(AttuneApp app, ITestOutputHelper output) : PersonalApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresPersonalApiTests(PostgresAttuneApp app, ITestOutputHelper output) : PersonalApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
