using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Attune.Encryption;
using Attune.Features.Desires;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

public sealed record DesireItemDto(string Id, string Label, string? Mine);

public sealed record DesireFamilyDto(string Id, string Label, List<DesireItemDto> Items);

public sealed record DesireMatchDto(string Id, string Label);

public sealed record DesiresDto(bool Enabled, bool Adult, List<DesireFamilyDto> Families, List<DesireMatchDto> Matches);

/// <summary>Desires: off until switched on, 18+ per person, marks private, and only shared wishes shown; a "no" leaks nothing.</summary>
public abstract partial class DesireApiTests(AttuneApp app)
{
    [Fact]
    public async Task Only_wishes_both_marked_yes_or_maybe_are_shown_and_they_go_when_either_withdraws_or_switches_off()
    {
        var (a, b) = await app.CreatePairedCoupleAsync();
        var off = await a.Api.GetFromJsonAsync<DesiresDto>("/api/v1/desires");
        Assert.Equal((false, false, 0, 0), (off!.Enabled, off.Adult, off.Families.Count, off.Matches.Count));
        Assert.Equal(HttpStatusCode.Conflict, (await Mark(b, "hold-hands", "yes")).StatusCode);

        var on = await (await a.Api.PutAsJsonAsync("/api/v1/desires/enabled", new { enabled = true })).ReadAsync<DesiresDto>();
        Assert.Equal((true, false, 0), (on.Enabled, on.Adult, on.Families.Count));
        Assert.Equal(HttpStatusCode.Conflict, (await Mark(a, "hold-hands", "yes")).StatusCode); // 18+ first
        Assert.Equal(HttpStatusCode.BadRequest, (await a.Api.PostAsJsonAsync("/api/v1/desires/adult", new { confirm = false })).StatusCode);
        var adult = await (await a.Api.PostAsJsonAsync("/api/v1/desires/adult", new { confirm = true })).ReadAsync<DesiresDto>();
        Assert.Equal(DesireItems.All, adult.Families.SelectMany(f => f.Items).Select(i => i.Id));
        // The partner confirms for themselves: the switch is shared, the confirmation is not.
        var partnerView = await b.Api.GetFromJsonAsync<DesiresDto>("/api/v1/desires");
        Assert.Equal((true, false, 0), (partnerView!.Enabled, partnerView.Adult, partnerView.Families.Count));
        await b.Api.PostAsJsonAsync("/api/v1/desires/adult", new { confirm = true });

        foreach (var (item, ours, theirs) in new[] { ("hold-hands", "yes", "maybe"), ("long-hug", "maybe", "maybe"), ("back-rub", "yes", "no"), ("foot-rub", "no", "no"), ("blindfold", "yes", null) })
        {
            Assert.Equal(HttpStatusCode.OK, (await Mark(a, item, ours)).StatusCode);
            if (theirs is not null)
            {
                Assert.Equal(HttpStatusCode.OK, (await Mark(b, item, theirs)).StatusCode);
            }
        }

        Assert.Equal(["hold-hands", "long-hug"], await MatchesAsync(a));
        Assert.Equal(["hold-hands", "long-hug"], await MatchesAsync(b));
        var mine = (await a.Api.GetFromJsonAsync<DesiresDto>("/api/v1/desires"))!.Families.SelectMany(f => f.Items).ToDictionary(i => i.Id, i => i.Mine);
        Assert.Equal(("yes", "no", (string?)null), (mine["back-rub"], mine["foot-rub"], mine["kiss-hello"]));

        // Either withdraws: the match goes, for both.
        Assert.Equal(HttpStatusCode.OK, (await a.Api.DeleteAsync("/api/v1/desires/hold-hands")).StatusCode);
        Assert.Equal(["long-hug"], await MatchesAsync(b));
        await Mark(b, "long-hug", "no");
        Assert.Empty(await MatchesAsync(a));
        await Mark(b, "long-hug", "yes");
        Assert.Equal(["long-hug"], await MatchesAsync(a));

        // Switched off by either: nothing for both; on again, the private marks are still there.
        await b.Api.PutAsJsonAsync("/api/v1/desires/enabled", new { enabled = false });
        var hidden = await a.Api.GetFromJsonAsync<DesiresDto>("/api/v1/desires");
        Assert.Equal((false, 0, 0), (hidden!.Enabled, hidden.Families.Count, hidden.Matches.Count));
        using (var page = await app.PageClientAsync(a))
        {
            Assert.DoesNotContain(adult.Families[0].Items[0].Label, await page.GetStringAsync("/desires"), StringComparison.Ordinal);
        }

        await a.Api.PutAsJsonAsync("/api/v1/desires/enabled", new { enabled = true });
        Assert.Equal(["long-hug"], await MatchesAsync(b));

        // Each person's marks are one value under their own key, the same size whatever was marked.
        var rows = await app.WithDbAsync(db => db.Set<DesireMarks>().IgnoreQueryFilters().Where(m => m.UserId == a.Id || m.UserId == b.Id).ToListAsync());
        var cipher = app.Services.GetRequiredService<FieldCipher>();
        Assert.Equal(KeyOwner.User(a.Id), cipher.OwnerOf(rows.Single(r => r.UserId == a.Id).Marks));
        Assert.Equal(KeyOwner.User(b.Id), cipher.OwnerOf(rows.Single(r => r.UserId == b.Id).Marks));
        Assert.Equal(rows[0].Marks.Length, rows[1].Marks.Length);
    }

    [Fact]
    public async Task Bad_items_and_marks_get_problem_details()
    {
        var (a, _) = await app.CreatePairedCoupleAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await a.Api.PutAsJsonAsync("/api/v1/desires/enabled", new { })).StatusCode);
        await a.Api.PutAsJsonAsync("/api/v1/desires/enabled", new { enabled = true });
        await a.Api.PostAsJsonAsync("/api/v1/desires/adult", new { confirm = true });
        Assert.Equal(HttpStatusCode.NotFound, (await Mark(a, "no-such-wish", "yes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Api.DeleteAsync("/api/v1/desires/no-such-wish")).StatusCode);
        foreach (var mark in new[] { "sure", "", null })
        {
            var refused = await Mark(a, "hold-hands", mark);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("\"mark\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.All((await a.Api.GetFromJsonAsync<DesiresDto>("/api/v1/desires"))!.Families.SelectMany(f => f.Items), i => Assert.Null(i.Mine));
    }

    /// <summary>
    /// The partner's every GET route, every page and their export, when the other said "no", said nothing, or
    /// said a "yes" or "maybe" the partner did not share: byte for byte the same (status, headers, body),
    /// once antiforgery tokens are taken out. The clock stands still, so times cannot differ.
    /// </summary>
    [Fact]
    public async Task A_no_or_an_unmatched_yes_reads_exactly_like_nothing_on_every_route_and_page_the_partner_can_reach()
    {
        var (other, partner) = await app.CreatePairedCoupleAsync();
        await other.Api.PutAsJsonAsync("/api/v1/desires/enabled", new { enabled = true });
        foreach (var person in new[] { other, partner })
        {
            await person.Api.PostAsJsonAsync("/api/v1/desires/adult", new { confirm = true });
        }

        // A shared wish that stays, the partner's own "no" and nothing, so every kind of row is there.
        await Mark(other, "kitchen-dance", "yes");
        await Mark(partner, "kitchen-dance", "maybe");
        await Mark(partner, "long-hug", "no");
        var states = new (string What, Func<Task> Set)[]
        {
            ("nothing", async () => { await other.Api.DeleteAsync("/api/v1/desires/back-rub"); await other.Api.DeleteAsync("/api/v1/desires/long-hug"); }),
            ("a no", async () => { await Mark(other, "back-rub", "no"); await Mark(other, "long-hug", "no"); }),
            ("an unmatched yes", async () => { await Mark(other, "back-rub", "yes"); await Mark(other, "long-hug", "maybe"); }),
        };

        using var pages = await app.PageClientAsync(partner);
        await SeenByPartnerAsync(partner, pages); // first visits set cookies once; from here on each walk is alike
        var walks = new List<(string What, List<(string Where, string Response)> Seen)>();
        foreach (var (what, set) in states)
        {
            await set();
            walks.Add((what, await SeenByPartnerAsync(partner, pages)));
        }

        // Exports after the walks: each export is a security event the walks would otherwise see.
        foreach (var (what, set) in states)
        {
            await set();
            var export = await partner.Api.PostAsJsonAsync("/api/v1/me/export", new { password = partner.Password });
            walks.First(w => w.What == what).Seen.Add(("POST /api/v1/me/export", await DescribeAsync(export)));
        }

        var baseline = walks[0].Seen;
        Assert.True(baseline.Count > 40, $"only {baseline.Count} responses were looked at");
        Assert.Contains(baseline, s => s.Where == "/desires" && s.Response.Contains("data-testid=\"matches\"", StringComparison.Ordinal));
        foreach (var (what, seen) in walks.Skip(1))
        {
            Assert.Equal(baseline.Count, seen.Count);
            for (var i = 0; i < seen.Count; i++)
            {
                Assert.True(baseline[i] == seen[i], $"{seen[i].Where} differs when the other said {what} instead of nothing");
            }
        }
    }

    private static Task<HttpResponseMessage> Mark(TestUser user, string item, string? mark) =>
        user.Api.PutAsJsonAsync($"/api/v1/desires/{item}", new { mark });

    private static async Task<List<string>> MatchesAsync(TestUser user) =>
        [.. (await user.Api.GetFromJsonAsync<DesiresDto>("/api/v1/desires"))!.Matches.Select(m => m.Id)];

    /// <summary>Every GET route without route values (the API client) and every page (the browser client).</summary>
    private async Task<List<(string Where, string Response)>> SeenByPartnerAsync(TestUser partner, HttpClient pages)
    {
        var seen = new List<(string, string)>();
        foreach (var route in ApiRoutes.Of(app).Where(r => r is { Method: "GET", RouteValues.Count: 0 }))
        {
            seen.Add((route.Name, await DescribeAsync(await partner.Api.GetAsync(route.Pattern))));
        }

        foreach (var path in PageRoutes.Of(app).Where(p => p is not "/signout" and not "/exit"))
        {
            seen.Add((path, await DescribeAsync(await pages.GetAsync(path))));
        }

        return seen;
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        var text = new StringBuilder($"{(int)response.StatusCode}\n");
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => h.Key != "Date").OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(": ").AppendJoin(", ", values).Append('\n');
        }

        // Antiforgery tokens and a problem's trace id are new on every request, whatever anyone marked.
        var body = Antiforgery().Replace(await response.Content.ReadAsStringAsync(), "value=\"token\"");
        text.Append(PageTraceId().Replace(TraceId().Replace(body, "\"traceId\":\"-\""), "<code data-trace-id>-</code>"));
        return text.ToString();
    }

    [GeneratedRegex("(?<=name=\"__RequestVerificationToken\" type=\"hidden\" )value=\"[^\"]+\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    [GeneratedRegex("<code data-trace-id>[^<]*</code>")]
    private static partial Regex PageTraceId();
}

public sealed class SqliteDesireApiTests(AttuneApp app, ITestOutputHelper output) : DesireApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresDesireApiTests(PostgresAttuneApp app, ITestOutputHelper output) : DesireApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
