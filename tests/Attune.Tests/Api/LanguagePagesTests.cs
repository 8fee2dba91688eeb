using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attune.Hosting;
using Attune.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

/// <summary>
/// Every page and message in German: a walk over every page of the endpoint list signed out and as both
/// partners with <c>Accept-Language: de</c> (no raw key rendered), ProblemDetails in German, and the saved
/// language from the profile ahead of the browser's. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class LanguagePagesTests(AttuneApp app)
{
    [Fact]
    public async Task Every_page_speaks_german_signed_out_and_to_both_partners_without_a_missing_key()
    {
        var (inviter, partner) = await app.CreatePairedCoupleAsync();
        var single = await app.RegisterAsync();
        using var anonymous = app.CreateHttpClient(handleCookies: false);
        var people = new List<(string Who, HttpClient Client)>
        {
            ("signed out", anonymous),
            ("single", await app.PageClientAsync(single)),
            ("inviter", await app.PageClientAsync(inviter)),
            ("partner", await app.PageClientAsync(partner)),
        };
        var pages = PageRoutes.Of(app);
        Assert.Contains("/today", pages);
        var visited = 0;
        foreach (var (who, client) in people)
        {
            foreach (var path in pages)
            {
                var german = await GetAsync(client, path, "de");
                var english = await GetAsync(client, path, null);
                Assert.True(german.StatusCode == english.StatusCode, $"{path} ({who}) answered {(int)german.StatusCode} in German, {(int)english.StatusCode} in English");
                Assert.True(german.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{path} ({who}) answered {(int)german.StatusCode}");
                if (german.StatusCode == HttpStatusCode.OK)
                {
                    var html = await german.Content.ReadAsStringAsync();
                    Assert.True(html.Contains("<html lang=\"de\">", StringComparison.Ordinal), $"{path} ({who}) is not marked German");
                    Assert.NotEqual(html, await english.Content.ReadAsStringAsync());
                    visited++;
                }
            }
        }

        Assert.True(visited >= 3 * 10, $"Only {visited} pages were shown");
        Assert.Empty(app.Services.GetRequiredService<MissingText>().Keys);
    }

    [Fact]
    public async Task A_validation_problem_and_a_conflict_come_in_german()
    {
        var single = await app.RegisterAsync();
        using var invalid = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me") { Content = JsonContent.Create(new { displayName = "", timeZone = "Mars/Olympus" }) };
        invalid.Headers.AcceptLanguage.ParseAdd("de-DE,de;q=0.9");
        var response = await single.Api.SendAsync(invalid);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Bitte schau dir deine Eingaben noch einmal an", problem.RootElement.GetProperty("title").GetString());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal("Bitte gib den Namen ein, den dein Gegenüber sehen soll.", errors.GetProperty("displayName")[0].GetString());
        Assert.StartsWith("Bitte wähle eine Zeitzone", errors.GetProperty("timeZone")[0].GetString(), StringComparison.Ordinal);

        using var english = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me") { Content = JsonContent.Create(new { displayName = "", timeZone = "Europe/Berlin" }) };
        using var englishProblem = JsonDocument.Parse(await (await single.Api.SendAsync(english)).Content.ReadAsStringAsync());
        Assert.Equal("Please check your input", englishProblem.RootElement.GetProperty("title").GetString());

        // A route for two, asked by someone single: 409 "Not in a couple", in German.
        using var forTwo = new HttpRequestMessage(HttpMethod.Get, "/api/v1/today");
        forTwo.Headers.AcceptLanguage.ParseAdd("de");
        var conflict = await single.Api.SendAsync(forTwo);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        using var conflictProblem = JsonDocument.Parse(await conflict.Content.ReadAsStringAsync());
        Assert.Equal("Noch kein Paar", conflictProblem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_saved_language_beats_the_browsers_and_a_change_counts_from_the_next_request()
    {
        var person = await app.RegisterAsync("Mara");
        using var browser = await app.PageClientAsync(person);
        Assert.Contains("<html lang=\"en\">", await PageAsync(browser, "en"), StringComparison.Ordinal);
        Assert.Null((await person.Api.GetFromJsonAsync<LanguageDto>("/api/v1/me"))!.Language);

        var saved = await person.Api.PutAsJsonAsync("/api/v1/me", new { displayName = "Mara", timeZone = "Europe/Berlin", language = "de" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("de", (await saved.Content.ReadFromJsonAsync<LanguageDto>())!.Language);

        // The very next request, well within the session cache's lifetime, and a browser asking for English.
        var german = await PageAsync(browser, "en");
        Assert.Contains("<html lang=\"de\">", german, StringComparison.Ordinal);
        Assert.Contains("Hallo, Mara", german, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\">", await PageAsync(browser, null), StringComparison.Ordinal);
        Assert.Equal("de", (await person.Api.GetFromJsonAsync<LanguageDto>("/api/v1/me"))!.Language);

        // Back to the browser's language, through the profile page this time.
        var profile = await browser.GetStringAsync("/profile");
        Assert.Contains("<option value=\"de\" lang=\"de\" selected=\"selected\">Deutsch</option>", profile, StringComparison.Ordinal);
        var form = new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Mara",
            ["Input.TimeZone"] = "Europe/Berlin",
            ["Input.Language"] = "",
            ["__RequestVerificationToken"] = Antiforgery(profile),
        };
        var posted = await browser.PostAsync("/profile", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("<html lang=\"en\">", await PageAsync(browser, "en"), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\">", await PageAsync(browser, "de"), StringComparison.Ordinal);
        Assert.Null((await person.Api.GetFromJsonAsync<LanguageDto>("/api/v1/me"))!.Language);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("de-AT")]
    [InlineData("xx-notalanguage")]
    public async Task A_language_attune_does_not_speak_is_refused(string language)
    {
        var person = await app.RegisterAsync();
        var refused = await person.Api.PutAsJsonAsync("/api/v1/me", new { displayName = "Noor", timeZone = "Europe/Berlin", language });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"language\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await person.Api.GetFromJsonAsync<LanguageDto>("/api/v1/me"))!.Language);
    }

    private sealed record LanguageDto(string? Language);

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return await client.SendAsync(request);
    }

    private static async Task<string> PageAsync(HttpClient browser, string? acceptLanguage)
    {
        var response = await GetAsync(browser, "/today", acceptLanguage);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string Antiforgery(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
}

public sealed class SqliteLanguagePagesTests(AttuneApp app, ITestOutputHelper output) : LanguagePagesTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresLanguagePagesTests(PostgresAttuneApp app, ITestOutputHelper output) : LanguagePagesTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
