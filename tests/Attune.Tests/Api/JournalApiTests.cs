using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Attune.Encryption;
using Attune.Features.Journal;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

public sealed record JournalEntryDto(Guid Id, string Text, List<string> Feelings, int Intensity, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SharedAt);

public sealed record JournalPageDto(List<JournalEntryDto> Entries, DateTimeOffset? NextBefore);

public sealed record SharedEntryDto(Guid Id, string Text, List<string> Feelings, int Intensity, DateTimeOffset WrittenAt, DateTimeOffset SharedAt, bool Mine);

/// <summary>The private feelings journal: its own entries, search, sharing a copy, and that nothing else reaches the partner.</summary>
public abstract partial class JournalApiTests(AttuneApp app)
{
    [Fact]
    public async Task Entries_are_written_searched_edited_and_deleted_by_their_author_and_sealed_under_the_authors_key()
    {
        var me = await app.RegisterAsync(); // a single person keeps a journal too
        var created = await me.Api.PostAsJsonAsync("/api/v1/journal", new { text = "The walk by the river helped.", feelings = new List<string> { "calm", "lonely" }, intensity = 3 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var entry = await created.ReadAsync<JournalEntryDto>();
        Assert.Equal($"/api/v1/journal/{entry.Id}", created.Headers.Location!.OriginalString);
        Assert.Equal(["calm", "lonely"], entry.Feelings);
        app.Time.Advance(TimeSpan.FromHours(1));
        await me.Api.PostAsJsonAsync("/api/v1/journal", new { feelings = new List<string> { "grateful" }, intensity = 5 });

        var all = await me.Api.GetFromJsonAsync<JournalPageDto>("/api/v1/journal");
        Assert.Equal(2, all!.Entries.Count);
        Assert.Equal(["grateful"], all.Entries[0].Feelings); // newest first
        Assert.Equal(entry.Id, (await me.Api.GetFromJsonAsync<JournalPageDto>("/api/v1/journal?query=RIVER"))!.Entries.Single().Id);
        var page = await me.Api.GetFromJsonAsync<JournalPageDto>("/api/v1/journal?limit=1");
        Assert.Single(page!.Entries);
        var older = await me.Api.GetFromJsonAsync<JournalPageDto>($"/api/v1/journal?limit=1&before={Uri.EscapeDataString(page.NextBefore!.Value.ToString("O"))}");
        Assert.Equal(entry.Id, older!.Entries.Single().Id);
        Assert.Null(older.NextBefore);

        // A feeling is found by its word in the reader's language as well as by its id.
        using var german = new HttpRequestMessage(HttpMethod.Get, "/api/v1/journal?query=einsam");
        german.Headers.AcceptLanguage.ParseAdd("de");
        Assert.Equal(entry.Id, (await (await me.Api.SendAsync(german)).ReadAsync<JournalPageDto>()).Entries.Single().Id);

        var edited = await me.Api.PutAsJsonAsync($"/api/v1/journal/{entry.Id}", new { text = "Better after talking.", feelings = new List<string> { "relieved" }, intensity = 2 });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var again = await me.Api.GetFromJsonAsync<JournalEntryDto>($"/api/v1/journal/{entry.Id}");
        Assert.Equal(("Better after talking.", 2), (again!.Text, again.Intensity));

        // At rest: sealed under the author's own key, no plain text in the row.
        var row = await app.WithDbAsync(db => db.Set<JournalEntry>().SingleAsync(e => e.Id == entry.Id));
        var cipher = app.Services.GetRequiredService<FieldCipher>();
        Assert.Equal(KeyOwner.User(me.Id), cipher.OwnerOf(row.Text));
        Assert.Equal(KeyOwner.User(me.Id), cipher.OwnerOf(row.Feelings));
        Assert.DoesNotContain("Better", System.Text.Encoding.UTF8.GetString(row.Text), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await me.Api.DeleteAsync($"/api/v1/journal/{entry.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.Api.GetAsync($"/api/v1/journal/{entry.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.Api.DeleteAsync($"/api/v1/journal/{entry.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await me.Api.PostAsync($"/api/v1/journal/{entry.Id}/share", null)).StatusCode); // single: no one to share with
    }

    [Fact]
    public async Task Bad_entries_get_a_field_error_and_nothing_saved_is_lost()
    {
        var me = await app.RegisterAsync();
        var kept = await (await me.Api.PostAsJsonAsync("/api/v1/journal", new { text = "kept", feelings = Array.Empty<string>(), intensity = 1 })).ReadAsync<JournalEntryDto>();
        var cases = new (object Body, string Field)[]
        {
            (new { text = "", feelings = Array.Empty<string>(), intensity = 3 }, "feelings"),
            (new { text = "x", feelings = new List<string> { "fine" }, intensity = 3 }, "feelings"),
            (new { text = "x", feelings = new List<string> { "sad", "hurt", "lonely", "empty", "tired", "numb", "bored" }, intensity = 3 }, "feelings"),
            (new { text = "x", feelings = new List<string> { "sad" }, intensity = 0 }, "intensity"),
            (new { text = "x", feelings = new List<string> { "sad" }, intensity = 6 }, "intensity"),
            (new { text = new string('a', JournalService.MaxTextLength + 1), feelings = new List<string> { "sad" }, intensity = 3 }, "text"),
        };
        foreach (var (body, field) in cases)
        {
            foreach (var response in new[] { await me.Api.PostAsJsonAsync("/api/v1/journal", body), await me.Api.PutAsJsonAsync($"/api/v1/journal/{kept.Id}", body) })
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await me.Api.GetAsync("/api/v1/journal?limit=0")).StatusCode);
        Assert.Equal("kept", (await me.Api.GetFromJsonAsync<JournalEntryDto>($"/api/v1/journal/{kept.Id}"))!.Text);
        Assert.Single((await me.Api.GetFromJsonAsync<JournalPageDto>("/api/v1/journal"))!.Entries);
        using var german = new HttpRequestMessage(HttpMethod.Post, "/api/v1/journal") { Content = JsonContent.Create(new { feelings = new List<string> { "sad" }, intensity = 9 }) };
        german.Headers.AcceptLanguage.ParseAdd("de");
        Assert.Contains("von 1 bis 5", await (await me.Api.SendAsync(german)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_journal_never_reaches_the_partner_through_any_route_or_page_except_a_copy_while_it_is_shared()
    {
        var (author, partner) = await app.CreatePairedCoupleAsync();
        var secret = "PRIVATE-" + Guid.NewGuid().ToString("N");
        var shared = "SHARED-" + Guid.NewGuid().ToString("N");
        var edited = "EDITED-" + Guid.NewGuid().ToString("N");
        var kept = await (await author.Api.PostAsJsonAsync("/api/v1/journal", new { text = secret, feelings = new List<string> { "lonely" }, intensity = 4 })).ReadAsync<JournalEntryDto>();
        var offered = await (await author.Api.PostAsJsonAsync("/api/v1/journal", new { text = shared, feelings = new List<string> { "hopeful" }, intensity = 2 })).ReadAsync<JournalEntryDto>();
        Guid[] ids = [kept.Id, offered.Id];

        await SweepAsync(partner, ids, secret, shared);

        Assert.Equal(HttpStatusCode.OK, (await author.Api.PostAsync($"/api/v1/journal/{offered.Id}/share", null)).StatusCode);
        var copy = (await partner.Api.GetFromJsonAsync<List<SharedEntryDto>>("/api/v1/journal/shared"))!.Single();
        Assert.Equal((shared, false, "hopeful"), (copy.Text, copy.Mine, string.Join(',', copy.Feelings)));
        using (var pages = await app.PageClientAsync(partner))
        {
            Assert.Contains(shared, await pages.GetStringAsync("/journal/shared"), StringComparison.Ordinal);
        }

        // The copy is a copy: editing the original afterwards stays private, and the private entry never shows.
        await author.Api.PutAsJsonAsync($"/api/v1/journal/{offered.Id}", new { text = edited, feelings = new List<string> { "hopeful" }, intensity = 2 });
        await SweepAsync(partner, ids, secret, edited);
        Assert.Equal(shared, (await partner.Api.GetFromJsonAsync<List<SharedEntryDto>>("/api/v1/journal/shared"))!.Single().Text);

        // Withdrawn: gone from every route and page; the original stays with its author.
        Assert.Equal(HttpStatusCode.NoContent, (await author.Api.DeleteAsync($"/api/v1/journal/{offered.Id}/share")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.Api.DeleteAsync($"/api/v1/journal/{offered.Id}/share")).StatusCode);
        await SweepAsync(partner, ids, secret, shared, edited);
        Assert.Equal(edited, (await author.Api.GetFromJsonAsync<JournalEntryDto>($"/api/v1/journal/{offered.Id}"))!.Text);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<JournalShare>().IgnoreQueryFilters().CountAsync(s => s.AuthorId == author.Id)));
    }

    [Fact]
    public async Task Leaving_removes_shared_copies_deleting_the_account_removes_the_journal_and_the_export_holds_only_ones_own()
    {
        var (author, partner) = await app.CreatePairedCoupleAsync();
        var words = "MINE-" + Guid.NewGuid().ToString("N");
        var entry = await (await author.Api.PostAsJsonAsync("/api/v1/journal", new { text = words, feelings = new List<string> { "tender" }, intensity = 3 })).ReadAsync<JournalEntryDto>();
        await author.Api.PostAsync($"/api/v1/journal/{entry.Id}/share", null);

        Assert.Contains(words, await (await author.Api.PostAsJsonAsync("/api/v1/me/export", new { password = author.Password })).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(words, await (await partner.Api.PostAsJsonAsync("/api/v1/me/export", new { password = partner.Password })).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await partner.Api.PostAsync("/api/v1/couple/leave", null)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<JournalShare>().IgnoreQueryFilters().CountAsync(s => s.EntryId == entry.Id)));
        Assert.Equal(words, (await author.Api.GetFromJsonAsync<JournalEntryDto>($"/api/v1/journal/{entry.Id}"))!.Text);
        Assert.Null((await author.Api.GetFromJsonAsync<JournalEntryDto>($"/api/v1/journal/{entry.Id}"))!.SharedAt);

        Assert.Equal(HttpStatusCode.NoContent, (await author.Api.PostAsJsonAsync("/api/v1/me/delete", new { password = author.Password })).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<JournalEntry>().CountAsync(e => e.UserId == author.Id)));
    }

    [Fact]
    public async Task The_entry_page_saves_without_javascript_and_shows_a_refusal_beside_the_field()
    {
        var me = await app.RegisterAsync();
        using var pages = await app.PageClientAsync(me);
        var form = await pages.GetStringAsync("/journal/entry");
        var token = Token().Match(form[form.IndexOf("handler=Save", StringComparison.Ordinal)..]).Groups[1].Value;
        Assert.NotEmpty(token);

        var refused = await pages.PostAsync("/journal/entry?handler=Save", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Intensity", "3"), new("Text", "")]));
        Assert.Contains("Please choose at least one feeling or write a few words.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await pages.PostAsync("/journal/entry?handler=Save", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Feelings", "tired"), new("Feelings", "hopeful"), new("Intensity", "2"), new("Text", "A long day, & a kind word.")]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var shown = await pages.GetAsync(saved.Headers.Location);
        var html = await shown.Content.ReadAsStringAsync();
        Assert.True(shown.StatusCode == HttpStatusCode.OK, $"{saved.Headers.Location} {(int)shown.StatusCode} {html}");
        Assert.Contains("Saved.", html, StringComparison.Ordinal);
        Assert.Contains("Your entry", html, StringComparison.Ordinal);
        var entry = (await me.Api.GetFromJsonAsync<JournalPageDto>("/api/v1/journal"))!.Entries.Single();
        Assert.Equal(("A long day, & a kind word.", "tired,hopeful", 2), (entry.Text, string.Join(',', entry.Feelings), entry.Intensity));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>
    /// What the partner can reach: every GET route and every route that takes an id (aimed at the author's
    /// entries, with a valid body), from the app's own endpoint list; their export; and every page, plus the
    /// entry pages of the author's ids. None may hold any of the <paramref name="canaries"/>.
    /// </summary>
    private async Task SweepAsync(TestUser partner, Guid[] ids, params string[] canaries)
    {
        var seen = new List<(string What, string Text)>();
        var routes = ApiRoutes.Of(app);
        Assert.Contains(routes, r => r.Name == "GET /api/v1/journal/{id:guid}");
        foreach (var route in routes.Where(r => r.Method == "GET" || r.RouteValues.Count > 0))
        {
            foreach (var id in route.RouteValues.Count > 0 ? ids : new[] { Guid.Empty })
            {
                var path = RouteValue().Replace(route.Pattern, id.ToString());
                if (route.Query.Count > 0)
                {
                    // Only a prefix of each canary, so an echo of the query would not count as a leak.
                    path += "?" + string.Join('&', route.Query.Select(q => q == "query" ? "query=PRIVATE" : $"{q}="));
                }

                using var request = new HttpRequestMessage(new HttpMethod(route.Method), path)
                {
                    Content = route.BodyFields is null ? null : JsonContent.Create(new { text = "partner", feelings = new List<string> { "calm" }, intensity = 3 }),
                };
                var response = await partner.Api.SendAsync(request);
                Assert.True((int)response.StatusCode < 500, $"{route.Name} answered {(int)response.StatusCode}");
                seen.Add((route.Name, await response.Content.ReadAsStringAsync()));
            }
        }

        seen.Add(("export", await (await partner.Api.PostAsJsonAsync("/api/v1/me/export", new { password = partner.Password })).Content.ReadAsStringAsync()));
        using var pages = await app.PageClientAsync(partner);
        var paths = PageRoutes.Of(app).Where(p => p is not "/signout" and not "/exit")
            .Concat(ids.Select(id => $"/journal/entry/{id}")).Append("/journal?query=PRIVATE").ToList();
        Assert.Contains("/journal/mood", paths);
        foreach (var path in paths)
        {
            seen.Add((path, await (await pages.GetAsync(path)).Content.ReadAsStringAsync()));
        }

        Assert.True(seen.Count > 30, $"only {seen.Count} responses were looked at");
        foreach (var (what, text) in seen)
        {
            foreach (var canary in canaries)
            {
                Assert.False(text.Contains(canary, StringComparison.Ordinal), $"{what} showed the partner {canary[..7]}…");
            }
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();
}

public sealed class SqliteJournalApiTests(AttuneApp app, ITestOutputHelper output) : JournalApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresJournalApiTests(PostgresAttuneApp app, ITestOutputHelper output) : JournalApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
