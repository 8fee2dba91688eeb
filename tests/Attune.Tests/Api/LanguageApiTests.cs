using System.Globalization;
using System.Net;
using Attune.Features.Questions;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

/// <summary>The question of the day in the language each request asks for; runs on SQLite and PostgreSQL.</summary>
public abstract class LanguageApiTests(AttuneApp app)
{
    private static readonly QuestionLibrary Library = new();
    private static readonly IReadOnlyDictionary<string, string> German = QuestionTranslations.LoadEmbedded("de")!;

    [Theory]
    [InlineData("de")]
    [InlineData("de-DE,de;q=0.9,en;q=0.5")]
    [InlineData("de-AT")]
    public async Task Accept_language_german_asks_todays_question_in_german(string acceptLanguage)
    {
        var (inviter, _) = await app.CreatePairedCoupleAsync();
        var today = await TodayInAsync(inviter, acceptLanguage);
        Assert.Equal(German[today.Question.Id], today.Question.Text);
        Assert.NotEqual(Library.Find(today.Question.Id)!.Text, today.Question.Text);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-GB")]
    [InlineData("fr")]
    [InlineData(null)]
    public async Task English_an_unsupported_language_or_none_asks_in_english(string? acceptLanguage)
    {
        var (inviter, _) = await app.CreatePairedCoupleAsync();
        var today = await TodayInAsync(inviter, acceptLanguage);
        Assert.Equal(Library.Find(today.Question.Id)!.Text, today.Question.Text);
    }

    [Fact]
    public async Task Partners_with_different_languages_each_read_the_same_question_in_their_own()
    {
        var (inviter, partner) = await app.CreatePairedCoupleAsync();
        var german = await TodayInAsync(inviter, "de");
        var english = await TodayInAsync(partner, "en");
        Assert.Equal(german.Question.Id, english.Question.Id);
        Assert.Equal(German[german.Question.Id], german.Question.Text);
        Assert.Equal(Library.Find(english.Question.Id)!.Text, english.Question.Text);

        await (inviter, partner).BothAnswerAsync();
        var history = await SendInAsync(inviter, "/api/v1/questions/history", "de");
        Assert.Equal(German[german.Question.Id], Assert.Single((await history.ReadAsync<HistoryDto>()).Items).Question.Text);
        history = await SendInAsync(partner, "/api/v1/questions/history", "en");
        Assert.Equal(english.Question.Text, Assert.Single((await history.ReadAsync<HistoryDto>()).Items).Question.Text);
    }

    [Fact]
    public async Task A_cached_view_is_never_served_in_another_language()
    {
        var (inviter, _) = await app.CreatePairedCoupleAsync();
        // Back to back, well within the cache's lifetime: each answer must still be in the language asked for.
        var english = await TodayInAsync(inviter, "en");
        Assert.Equal(english, await TodayInAsync(inviter, "en"));
        var german = await TodayInAsync(inviter, "de");
        Assert.Equal(German[english.Question.Id], german.Question.Text);
        Assert.Equal(english.Question.Text, (await TodayInAsync(inviter, null)).Question.Text);
        Assert.Equal(german.Question.Text, (await TodayInAsync(inviter, "de")).Question.Text);
    }

    [Fact]
    public async Task The_today_page_speaks_the_browsers_language_in_its_question_lang_and_date()
    {
        var (inviter, _) = await app.CreatePairedCoupleAsync();
        using var browser = await app.PageClientAsync(inviter);
        var today = await TodayInAsync(inviter, null);
        var id = today.Question.Id;

        var german = await PageInAsync(browser, "de-DE,de;q=0.9");
        Assert.Contains("<html lang=\"de\">", german, StringComparison.Ordinal);
        Assert.Contains(German[id], german, StringComparison.Ordinal);
        // The weekday's name, since some months are spelt the same in both languages.
        Assert.Contains(today.Date.ToString("dddd", CultureInfo.GetCultureInfo("de")), german, StringComparison.Ordinal);
        Assert.DoesNotContain(today.Date.ToString("dddd", CultureInfo.InvariantCulture), german, StringComparison.Ordinal);

        var english = await PageInAsync(browser, null);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains(Library.Find(id)!.Text, english, StringComparison.Ordinal);
        Assert.DoesNotContain(German[id], english, StringComparison.Ordinal);
    }

    private static async Task<TodayDto> TodayInAsync(TestUser user, string? acceptLanguage) =>
        await (await SendInAsync(user, "/api/v1/today", acceptLanguage)).ReadAsync<TodayDto>();

    private static async Task<HttpResponseMessage> SendInAsync(TestUser user, string path, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var response = await user.Api.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static async Task<string> PageInAsync(HttpClient browser, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/today");
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteLanguageApiTests(AttuneApp app, ITestOutputHelper output) : LanguageApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresLanguageApiTests(PostgresAttuneApp app, ITestOutputHelper output) : LanguageApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
