using System.Net;
using System.Net.Http.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

/// <summary>
/// The rendered Today page kept in memory (TodayPageOutput): served again only to the same person, in the same
/// sign-in and browser, and never after a write in their couple or past its window. A page served from memory
/// carries an Age header; runs on SQLite and PostgreSQL.
/// </summary>
public abstract class TodayPageCacheTests(AttuneApp app)
{
    [Fact]
    public async Task A_kept_page_is_served_again_only_to_the_same_person_in_the_same_sign_in_and_browser()
    {
        var (inviter, partner) = await app.CreatePairedCoupleAsync();
        using var browser = await app.PageClientAsync(inviter);
        Assert.Null((await TodayAsync(browser)).Age); // the first page sets the antiforgery cookie: not kept
        var first = await TodayAsync(browser);
        Assert.Null(first.Age);
        var again = await TodayAsync(browser);
        Assert.NotNull(again.Age);
        Assert.Equal(first.Html, again.Html);
        Assert.Contains(inviter.DisplayName, Greeting(again.Html), StringComparison.Ordinal);

        // The partner, and the same person in another browser (another sign-in), get pages of their own.
        using var partnerBrowser = await app.PageClientAsync(partner);
        var partners = await TodayAsync(partnerBrowser);
        Assert.Null(partners.Age);
        Assert.Contains(partner.DisplayName, Greeting(partners.Html), StringComparison.Ordinal);
        Assert.DoesNotContain(inviter.DisplayName, Greeting(partners.Html), StringComparison.Ordinal);
        using var otherBrowser = await app.PageClientAsync(inviter);
        Assert.Null((await TodayAsync(otherBrowser)).Age);

        // A request without the antiforgery cookie (its forms' tokens are bound to it) is never served from memory.
        using var bare = app.CreateHttpClient(handleCookies: false);
        var signIn = await bare.PostAsJsonAsync("/api/v1/auth/login?useCookies=true", new { email = inviter.Email, password = inviter.Password });
        var authCookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/today");
            request.Headers.Add("Cookie", authCookie);
            using var response = await bare.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Headers.Age);
        }

        // Signed out, the session ends: its cookies, replayed as they were (a copy kept by someone else), get no page.
        using var manual = await ManualCookies.SignInAsync(app, inviter);
        Assert.Null((await TodayAsync(manual.GetAsync("/today"))).Age);
        Assert.Null((await TodayAsync(manual.GetAsync("/today"))).Age);
        Assert.NotNull((await TodayAsync(manual.GetAsync("/today"))).Age);
        var kept = manual.Header;
        Assert.Equal(HttpStatusCode.Redirect, (await manual.PostFormAsync("/today", "/signout", [])).StatusCode);
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/today");
        replay.Headers.Add("Cookie", kept);
        using var replayed = await bare.SendAsync(replay);
        Assert.NotEqual(HttpStatusCode.OK, replayed.StatusCode);
        Assert.DoesNotContain(inviter.DisplayName, await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_in_the_couple_or_the_clock_moving_past_the_window_ends_a_kept_page()
    {
        var (inviter, partner) = await app.CreatePairedCoupleAsync();
        using var browser = await app.PageClientAsync(inviter);
        await TodayAsync(browser); // sets the antiforgery cookie
        var before = await TodayAsync(browser);
        Assert.NotNull((await TodayAsync(browser)).Age);

        // The partner writes (answers today's question): the next page is made anew and shows it.
        Assert.Equal(HttpStatusCode.OK, (await partner.AnswerAsync("The partner's answer, written between two looks.")).StatusCode);
        var afterWrite = await TodayAsync(browser);
        Assert.Null(afterWrite.Age);
        Assert.NotEqual(before.Html, afterWrite.Html);
        Assert.NotNull((await TodayAsync(browser)).Age);

        // Time alone (a letter's hour, the couple's day turning) shows within the window: 2 s by default.
        app.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Null((await TodayAsync(browser)).Age);
    }

    private static string Greeting(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<h1 class=\"greeting\">(.*?)</h1>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;

    private static Task<(string Html, TimeSpan? Age)> TodayAsync(HttpClient browser) => TodayAsync(browser.GetAsync("/today"));

    private static async Task<(string Html, TimeSpan? Age)> TodayAsync(Task<HttpResponseMessage> sent)
    {
        using var response = await sent;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response.Headers.Age);
    }
}

public sealed class SqliteTodayPageCacheTests(AttuneApp app, ITestOutputHelper output) : TodayPageCacheTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresTodayPageCacheTests(PostgresAttuneApp app, ITestOutputHelper output) : TodayPageCacheTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
