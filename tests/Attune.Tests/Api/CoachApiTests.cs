using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

/// <summary>POST /api/v1/coach/gentle and the "Say it gently" page: same rules, same words, nothing kept.</summary>
public abstract class CoachApiTests(AttuneApp app)
{
    private sealed record FindingDto(string Kind, int Start, int Length, string Message, string Suggestion);

    private sealed record CoachDto(int Score, List<FindingDto> Findings, List<string> Missing);

    [Fact]
    public async Task The_coach_finds_harsh_words_with_offsets_messages_and_missing_parts()
    {
        var user = await app.RegisterAsync();
        const string text = "You never listen. I feel like you don't care. You need to change.";
        var answer = await (await user.Api.PostAsJsonAsync("/api/v1/coach/gentle", new { text })).ReadAsync<CoachDto>();

        Assert.Equal(["command", "disguised", "generalization"], answer.Findings.Select(f => f.Kind).Order());
        var never = answer.Findings.Single(f => f.Kind == "generalization");
        Assert.Equal("You never", text.Substring(never.Start, never.Length));
        Assert.All(answer.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Message + f.Suggestion)));
        Assert.Equal(["feeling", "situation", "need"], answer.Missing);
        Assert.InRange(answer.Score, 0, 60);

        var gentle = await (await user.Api.PostAsJsonAsync("/api/v1/coach/gentle",
            new { text = "I feel lonely when we eat in front of our phones. Could we keep one dinner a week just for us?" })).ReadAsync<CoachDto>();
        Assert.Empty(gentle.Findings);
        Assert.Empty(gentle.Missing);
        Assert.Equal(100, gentle.Score);
    }

    [Fact]
    public async Task Messages_come_in_the_readers_language()
    {
        var user = await app.RegisterAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/coach/gentle") { Content = JsonContent.Create(new { text = "You always forget." }) };
        request.Headers.AcceptLanguage.ParseAdd("de-DE");
        var answer = await (await user.Api.SendAsync(request)).ReadAsync<CoachDto>();
        Assert.Contains("„Immer“", Assert.Single(answer.Findings).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Empty_text_is_refused_with_a_field_error(string? text)
    {
        var user = await app.RegisterAsync();
        var response = await user.Api.PostAsJsonAsync("/api/v1/coach/gentle", new { text });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task Text_over_the_limit_is_refused_and_the_limit_is_named()
    {
        var user = await app.RegisterAsync();
        var response = await user.Api.PostAsJsonAsync("/api/v1/coach/gentle", new { text = new string('a', 2001) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strangers_cannot_use_the_coach()
    {
        var response = await app.CreateHttpClient().PostAsJsonAsync("/api/v1/coach/gentle", new { text = "You never listen." });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_page_works_without_javascript_and_keeps_nothing()
    {
        var user = await app.RegisterAsync();
        using var browser = await ManualCookies.SignInAsync(app, user);
        var canary = "CANARY" + Guid.NewGuid().ToString("N")[..8];
        var response = await browser.PostFormAsync("/say-it-gently", "/say-it-gently", new() { ["Text"] = $"You are so selfish, {canary}." });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<mark>You are so selfish</mark>", html, StringComparison.Ordinal);
        Assert.Contains("This is about who your partner is", html, StringComparison.Ordinal);

        var again = await (await browser.GetAsync("/say-it-gently")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(canary, again, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, app.Logs.Text, StringComparison.Ordinal);

        var empty = await (await browser.PostFormAsync("/say-it-gently", "/say-it-gently", new() { ["Text"] = "" })).Content.ReadAsStringAsync();
        Assert.Contains("Write a sentence or two first.", empty, StringComparison.Ordinal);
    }
}

public sealed class SqliteCoachApiTests(AttuneApp app, ITestOutputHelper output) : CoachApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresCoachApiTests(PostgresAttuneApp app, ITestOutputHelper output) : CoachApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
