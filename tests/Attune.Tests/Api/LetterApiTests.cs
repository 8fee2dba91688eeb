using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Attune.Encryption;
using Attune.Features.Letters;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

public sealed record LetterDto(
    Guid Id, bool FromMe, string? Text, DateTimeOffset? OpensAt, bool Together, bool Open, DateTimeOffset? OpenedAt,
    bool IPressed, bool PartnerPressed, DateTimeOffset? CreatedAt);

/// <summary>Love letters: sealed under the writer's key, unreadable to the recipient through any route or page until they open.</summary>
public abstract partial class LetterApiTests(AttuneApp app)
{
    [Fact]
    public async Task A_timed_letter_is_unreachable_before_its_time_and_readable_by_both_after()
    {
        var (writer, reader) = await app.CreatePairedCoupleAsync();
        var words = "LETTER-" + Guid.NewGuid().ToString("N");
        var opensAt = app.Time.GetUtcNow().AddDays(2);
        var created = await writer.Api.PostAsJsonAsync("/api/v1/letters", new { text = words, opensAt });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var letter = await created.ReadAsync<LetterDto>();
        Assert.Equal((words, false), (letter.Text, letter.Open));
        var row = await app.WithDbAsync(db => db.Set<Letter>().IgnoreQueryFilters().SingleAsync(l => l.Id == letter.Id));
        Assert.Equal(KeyOwner.User(writer.Id), app.Services.GetRequiredService<FieldCipher>().OwnerOf(row.Text));

        var waiting = (await reader.Api.GetFromJsonAsync<List<LetterDto>>("/api/v1/letters"))!.Single();
        Assert.Equal((letter.Id, false, (string?)null, opensAt, (DateTimeOffset?)null), (waiting.Id, waiting.FromMe, waiting.Text, waiting.OpensAt, waiting.CreatedAt));
        Assert.Equal(HttpStatusCode.Conflict, (await reader.Api.PostAsync($"/api/v1/letters/{letter.Id}/open", null)).StatusCode);
        await AssertUnreachableAsync(reader, letter.Id, words);

        app.Time.Advance(TimeSpan.FromDays(2));
        var opened = await (await reader.Api.PostAsync($"/api/v1/letters/{letter.Id}/open", null)).ReadAsync<LetterDto>();
        Assert.Equal((words, true), (opened.Text, opened.Open));
        using var pages = await app.PageClientAsync(reader);
        Assert.Contains(words, await pages.GetStringAsync($"/letters/read/{letter.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_together_letter_opens_only_when_both_press_within_a_minute()
    {
        var (writer, reader) = await app.CreatePairedCoupleAsync();
        var words = "TOGETHER-" + Guid.NewGuid().ToString("N");
        var letter = await (await writer.Api.PostAsJsonAsync("/api/v1/letters", new { text = words })).ReadAsync<LetterDto>();
        Assert.True(letter.Together);

        // The recipient alone, however often, opens nothing.
        var pressed = await (await reader.Api.PostAsync($"/api/v1/letters/{letter.Id}/open", null)).ReadAsync<LetterDto>();
        Assert.Equal(((string?)null, false, true), (pressed.Text, pressed.Open, pressed.IPressed));
        await reader.Api.PostAsync($"/api/v1/letters/{letter.Id}/open", null);
        Assert.True((await writer.Api.GetFromJsonAsync<LetterDto>($"/api/v1/letters/{letter.Id}"))!.PartnerPressed);
        await AssertUnreachableAsync(reader, letter.Id, words);

        // More than a minute apart is not together.
        app.Time.Advance(TimeSpan.FromSeconds(61));
        var late = await (await writer.Api.PostAsync($"/api/v1/letters/{letter.Id}/open", null)).ReadAsync<LetterDto>();
        Assert.False(late.Open);
        await AssertUnreachableAsync(reader, letter.Id, words);

        // Within the minute: it opens for both.
        app.Time.Advance(TimeSpan.FromSeconds(40));
        var together = await (await reader.Api.PostAsync($"/api/v1/letters/{letter.Id}/open", null)).ReadAsync<LetterDto>();
        Assert.Equal((words, true), (together.Text, together.Open));
        Assert.Equal(words, (await writer.Api.GetFromJsonAsync<LetterDto>($"/api/v1/letters/{letter.Id}"))!.Text);
        Assert.Equal(words, (await reader.Api.GetFromJsonAsync<List<LetterDto>>("/api/v1/letters"))!.Single().Text);
    }

    [Fact]
    public async Task On_one_phone_the_writers_own_password_opens_a_together_letter_for_both_and_signs_no_one_in()
    {
        var (writer, reader) = await app.CreatePairedCoupleAsync();
        const string writersPassword = "the writer's own passphrase";
        await writer.Api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = writer.Password, newPassword = writersPassword });
        var words = "HERE-" + Guid.NewGuid().ToString("N");
        var letter = await (await writer.Api.PostAsJsonAsync("/api/v1/letters", new { text = words })).ReadAsync<LetterDto>();
        var sessions = (await writer.Api.GetFromJsonAsync<List<SessionDto>>("/api/v1/me/sessions"))!.Count;

        // The recipient's own password, a wrong one or none: refused, the letter stays closed.
        foreach (var wrong in new[] { reader.Password, "not the password", "" })
        {
            var refused = await reader.Api.PostAsJsonAsync($"/api/v1/letters/{letter.Id}/open", new { writerPassword = wrong });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("\"writerPassword\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Null((await reader.Api.GetFromJsonAsync<LetterDto>($"/api/v1/letters/{letter.Id}"))!.Text);
        // Only on the recipient's device: the writer cannot use it alone.
        Assert.Equal(HttpStatusCode.Conflict, (await writer.Api.PostAsJsonAsync($"/api/v1/letters/{letter.Id}/open", new { writerPassword = writersPassword })).StatusCode);

        var response = await reader.Api.PostAsJsonAsync($"/api/v1/letters/{letter.Id}/open", new { writerPassword = writersPassword });
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var opened = await response.ReadAsync<LetterDto>();
        Assert.Equal((words, true), (opened.Text, opened.Open));
        var writers = await writer.Api.GetFromJsonAsync<LetterDto>($"/api/v1/letters/{letter.Id}");
        Assert.Equal((words, true), (writers!.Text, writers.Open));
        Assert.Equal(sessions, (await writer.Api.GetFromJsonAsync<List<SessionDto>>("/api/v1/me/sessions"))!.Count);

        // Through the page: a wrong password leaves another letter closed, the right one opens it.
        var second = await (await writer.Api.PostAsJsonAsync("/api/v1/letters", new { text = words + " again" })).ReadAsync<LetterDto>();
        using var pages = await app.PageClientAsync(reader);
        var list = await pages.GetStringAsync("/letters");
        var token = Token().Match(list).Groups[1].Value;
        var wrongPage = await pages.PostAsync($"/letters?handler=OpenHere&id={second.Id}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("writerPassword", "not the password")]));
        Assert.Contains("That password didn", await wrongPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await reader.Api.GetFromJsonAsync<LetterDto>($"/api/v1/letters/{second.Id}"))!.Open);
        var rightPage = await pages.PostAsync($"/letters?handler=OpenHere&id={second.Id}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("writerPassword", writersPassword)]));
        Assert.Equal($"/letters/read/{second.Id}", rightPage.Headers.Location?.OriginalString);
        Assert.Contains(words + " again", await pages.GetStringAsync($"/letters/read/{second.Id}"), StringComparison.Ordinal);
        Assert.True((await writer.Api.GetFromJsonAsync<LetterDto>($"/api/v1/letters/{second.Id}"))!.Open);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [Fact]
    public async Task Bad_letters_get_field_errors()
    {
        var (writer, _) = await app.CreatePairedCoupleAsync();
        var now = app.Time.GetUtcNow();
        var cases = new (object Body, string Field)[]
        {
            (new { text = "" }, "text"),
            (new { text = new string('a', LetterService.MaxTextLength + 1) }, "text"),
            (new { text = "hi", opensAt = now.AddMinutes(-1) }, "opensAt"),
            (new { text = "hi", opensAt = now.AddYears(6) }, "opensAt"),
        };
        foreach (var (body, field) in cases)
        {
            var response = await writer.Api.PostAsJsonAsync("/api/v1/letters", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Empty((await writer.Api.GetFromJsonAsync<List<LetterDto>>("/api/v1/letters"))!);
    }

    /// <summary>Every GET route and every route with an id (aimed at the letter), and every page with the letter's read page: none shows the words.</summary>
    private async Task AssertUnreachableAsync(TestUser reader, Guid id, string words)
    {
        var seen = new List<(string What, string Text)>();
        foreach (var route in ApiRoutes.Of(app).Where(r => r.Method == "GET" || (r.RouteValues.Count > 0 && !r.Name.EndsWith("/open", StringComparison.Ordinal))))
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), RouteValue().Replace(route.Pattern, id.ToString()));
            var response = await reader.Api.SendAsync(request);
            Assert.True((int)response.StatusCode < 500, $"{route.Name} answered {(int)response.StatusCode}");
            seen.Add((route.Name, await response.Content.ReadAsStringAsync()));
        }

        using var pages = await app.PageClientAsync(reader);
        foreach (var path in PageRoutes.Of(app).Where(p => p is not "/signout" and not "/exit").Append($"/letters/read/{id}"))
        {
            seen.Add((path, await (await pages.GetAsync(path)).Content.ReadAsStringAsync()));
        }

        Assert.True(seen.Count > 30, $"only {seen.Count} responses were looked at");
        Assert.All(seen, s => Assert.False(s.Text.Contains(words, StringComparison.Ordinal), $"{s.What} showed the letter before it opened"));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();
}

public sealed class SqliteLetterApiTests(AttuneApp app, ITestOutputHelper output) : LetterApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresLetterApiTests(PostgresAttuneApp app, ITestOutputHelper output) : LetterApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
