using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

/// <summary>
/// The app shell over real HTTP: which destinations each person has, that every navigation link opens a
/// page, Today as everyone's home, the welcome after pairing, sign-out clearing the browser, the web app
/// manifest and its icons, and a description and the Help link on every page. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract partial class ShellTests(AttuneApp app)
{
    [Fact]
    public async Task A_single_person_has_Today_and_Me_and_a_paired_person_all_five()
    {
        var single = await app.RegisterAsync();
        var (inviter, partner) = await app.CreatePairedCoupleAsync();

        Assert.Equal<string>(["/today", "/me"], Tabs(await PageAsync(single, "/today")));
        foreach (var paired in new[] { inviter, partner })
        {
            var tabs = Tabs(await PageAsync(paired, "/today"));
            Assert.Equal<string>(["/today", "/together", "/check-in", "/us", "/me"], tabs);
        }
    }

    [Fact]
    public async Task Every_navigation_link_opens_a_page_for_a_single_and_a_paired_person()
    {
        var single = await app.RegisterAsync();
        var (inviter, partner) = await app.CreatePairedCoupleAsync();
        foreach (var (person, expected) in new[]
        {
            (single, new[] { "/today", "/me", "/journal", "/profile", "/couple", "/security", "/me/time", "/me/calendar", "/help" }),
            (inviter, new[] { "/today", "/together", "/check-in", "/check-in/week", "/check-in/trends", "/check-in/counselling", "/us", "/me", "/history", "/questions/custom", "/appreciations", "/good-news", "/safe-haven", "/me/support", "/say-it-gently", "/apologies", "/rituals", "/listening", "/journal", "/journal/shared", "/letters", "/letters/write", "/exercises/gazing", "/exercises/evening", "/desires", "/profile", "/couple", "/security", "/activities", "/memories", "/me/time", "/quiz", "/me/calendar", "/reminders", "/help" }),
            (partner, new[] { "/today", "/together", "/check-in", "/check-in/week", "/check-in/trends", "/check-in/counselling", "/us", "/me", "/history", "/questions/custom", "/appreciations", "/good-news", "/safe-haven", "/me/support", "/say-it-gently", "/apologies", "/rituals", "/listening", "/journal", "/journal/shared", "/letters", "/letters/write", "/exercises/gazing", "/exercises/evening", "/desires", "/profile", "/couple", "/security", "/activities", "/memories", "/me/time", "/quiz", "/me/calendar", "/reminders", "/help" }),
        })
        {
            using var client = await app.PageClientAsync(person);
            var today = await client.GetStringAsync("/today");
            var links = new SortedSet<string>(Tabs(today).Concat(FooterLinks(today)), StringComparer.Ordinal);
            foreach (var hub in Tabs(today).Where(t => t != "/today"))
            {
                links.UnionWith(HubRows(await client.GetStringAsync(hub)));
            }

            Assert.Equal(expected.Order(StringComparer.Ordinal), links.Select(l => l.Split('#')[0]).Distinct().Order(StringComparer.Ordinal));
            foreach (var link in links)
            {
                var response = await client.GetAsync(link.Split('#')[0]);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode} for {person.DisplayName}");
            }
        }

        // Us is not in a single person's navigation; its address leads home rather than to an empty page.
        using var singleClient = await app.PageClientAsync(single);
        var us = await singleClient.GetAsync("/us");
        Assert.Equal(HttpStatusCode.Redirect, us.StatusCode);
        Assert.Equal("/", us.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signed_in_people_land_on_Today_whose_cards_follow_whether_they_are_paired()
    {
        var single = await app.RegisterAsync();
        var (inviter, partner) = await app.CreatePairedCoupleAsync();
        foreach (var person in new[] { single, inviter })
        {
            using var client = await app.PageClientAsync(person);
            var home = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.Equal("/today", home.Headers.Location?.OriginalString);
        }

        var alone = await PageAsync(single, "/today");
        Assert.Contains($"Hello, {single.DisplayName}", alone, StringComparison.Ordinal);
        Assert.Contains("Invite my partner", alone, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"question\"", alone, StringComparison.Ordinal);

        var together = await PageAsync(inviter, "/today");
        Assert.Contains("id=\"question\"", together, StringComparison.Ordinal);
        Assert.Contains($"You and {partner.DisplayName}", together, StringComparison.Ordinal);
        Assert.DoesNotContain("Invite my partner", together, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_joining_both_see_a_welcome_naming_the_partner_once_then_whose_couple_this_is()
    {
        var (inviter, partner) = await app.CreatePairedCoupleAsync();
        foreach (var (me, other) in new[] { (inviter, partner), (partner, inviter) })
        {
            using var client = await app.PageClientAsync(me);
            var first = await client.GetStringAsync("/today");
            Assert.Contains($"You and {other.DisplayName} are together on Attune", first, StringComparison.Ordinal);

            var second = await client.GetStringAsync("/today");
            Assert.DoesNotContain("data-testid=\"welcome\"", second, StringComparison.Ordinal);
            Assert.Contains($"You and {other.DisplayName}</a>", second, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Signing_out_tells_the_browser_to_forget_its_cache_and_storage()
    {
        var user = await app.RegisterAsync();
        using var browser = await ManualCookies.SignInAsync(app, user);

        var signedOut = await browser.PostFormAsync("/me", "/signout", []);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var clear = string.Join(", ", signedOut.Headers.GetValues("Clear-Site-Data"));
        Assert.Contains("\"cache\"", clear, StringComparison.Ordinal);
        Assert.Contains("\"storage\"", clear, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_manifest_and_its_icons_are_served_with_the_right_types_and_sizes()
    {
        using var client = app.CreateHttpClient();
        var manifest = await client.GetAsync("/manifest.webmanifest");
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await manifest.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("standalone", root.GetProperty("display").GetString());
        Assert.Equal("/", root.GetProperty("start_url").GetString());
        Assert.Matches("^#[0-9a-f]{6}$", root.GetProperty("theme_color").GetString());
        Assert.Matches("^#[0-9a-f]{6}$", root.GetProperty("background_color").GetString());

        var pngs = new List<(int Size, string Purpose)>();
        foreach (var icon in root.GetProperty("icons").EnumerateArray().Where(i => i.GetProperty("type").GetString() == "image/png"))
        {
            var response = await client.GetAsync(icon.GetProperty("src").GetString());
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            var (width, height) = PngSize(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(icon.GetProperty("sizes").GetString(), $"{width}x{height}");
            pngs.Add((width, icon.GetProperty("purpose").GetString()!));
        }

        Assert.Equal(new[] { (192, "any"), (192, "maskable"), (512, "any"), (512, "maskable") }, pngs.Order());
        Assert.Equal("text/javascript", (await client.GetAsync("/sw.js")).Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/html", (await client.GetAsync("/offline.html")).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Every_page_has_a_description_and_the_help_link_and_help_is_open_to_everyone()
    {
        var (inviter, _) = await app.CreatePairedCoupleAsync();
        using var anonymous = app.CreateHttpClient();
        using var signedIn = await app.PageClientAsync(inviter);
        var pages = PageRoutes.Of(app).Where(p => p is not "/signout" and not "/exit").ToList();
        Assert.Contains("/help", pages);
        foreach (var client in new[] { anonymous, signedIn })
        {
            foreach (var path in pages)
            {
                var response = await client.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    continue; // sent to sign in, or home: checked where it lands
                }

                var html = await response.Content.ReadAsStringAsync();
                Assert.Matches(Description(), html);
                Assert.Contains("href=\"/help\"", html, StringComparison.Ordinal);
            }
        }

        foreach (var page in new[] { "/exit", "/offline.html" })
        {
            Assert.Matches(Description(), await anonymous.GetStringAsync(page));
        }

        var help = await anonymous.GetStringAsync("/help");
        Assert.Contains("not therapy", help, StringComparison.Ordinal);
        Assert.Contains("emergency number", help, StringComparison.Ordinal);
        Assert.Contains("Leaving a couple safely", help, StringComparison.Ordinal);
    }

    private async Task<string> PageAsync(TestUser user, string path)
    {
        using var client = await app.PageClientAsync(user);
        return await client.GetStringAsync(path);
    }

    private static List<string> Tabs(string html) => [.. Tab().Matches(html).Select(m => m.Groups[1].Value)];

    private static List<string> HubRows(string html) => [.. HubRow().Matches(html).Select(m => m.Groups[1].Value)];

    private static List<string> FooterLinks(string html) =>
        [.. Link().Matches(html[html.IndexOf("<footer", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value)];

    /// <summary>Width and height from a PNG's IHDR chunk, which always comes first.</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal("\x89PNG", System.Text.Encoding.Latin1.GetString(png, 0, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [GeneratedRegex("class=\"tab\" href=\"([^\"]+)\"")]
    private static partial Regex Tab();

    [GeneratedRegex("class=\"hub-row\" href=\"([^\"]+)\"")]
    private static partial Regex HubRow();

    [GeneratedRegex("href=\"(/[^\"]*)\"")]
    private static partial Regex Link();

    [GeneratedRegex("<meta name=\"description\" content=\"[^\"]{40,}\">")]
    private static partial Regex Description();
}

public sealed class SqliteShellTests(AttuneApp app) : ShellTests(app), IClassFixture<AttuneApp>;

public sealed class PostgresShellTests(PostgresAttuneApp app) : ShellTests(app), IClassFixture<PostgresAttuneApp>;
