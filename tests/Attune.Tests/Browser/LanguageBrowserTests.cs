using System.Text.RegularExpressions;
using Attune.Features.Questions;
using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>
/// Attune in German in a real browser (<c>Locale = "de-DE"</c>, so Accept-Language is German): two partners
/// register, pair and walk Today; and German's longer words at 320 px with the text zoomed to 200 %.
/// </summary>
public sealed partial class LanguageBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly IReadOnlyDictionary<string, string> German = QuestionTranslations.LoadEmbedded("de")!;

    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task Two_partners_sign_up_pair_and_walk_Today_in_german()
    {
        var (ana, ben) = await GermanCoupleAsync("Ana", "Ben", width: 390);
        foreach (var (page, name) in new[] { (ana, "Ana"), (ben, "Ben") })
        {
            await page.GotoAsync("/today");
            Assert.Equal("de", await page.Locator("html").GetAttributeAsync("lang"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Hallo, {name}" })).ToBeVisibleAsync();
            var tabs = page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" });
            await Assertions.Expect(tabs.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Heute", "Zusammen", "Check-in", "Wir", "Ich"]);
            await Assertions.Expect(tabs.GetByRole(AriaRole.Link, new() { Name = "Heute" })).ToHaveAttributeAsync("aria-current", "page");
            // Today's question is one of the German translations, with its German category and depth.
            var question = (await page.Locator("#question").TextContentAsync())!.Trim();
            Assert.Contains(question, German.Values);
            await Assertions.Expect(page.Locator(".eyebrow").First).ToContainTextAsync("Leicht");
            await Assertions.Expect(page.GetByLabel("Deine Antwort", new() { Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Schnell raus", Exact = true })).ToBeVisibleAsync();
        }

        await BrowserFixture.CaptureAsync(ana, "de-today-unanswered", fullPage: false);
        await ana.GetByLabel("Deine Antwort", new() { Exact = true }).FillAsync("Das Meer im Winter.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Antwort speichern" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("partner-state")).ToContainTextAsync("Deine Antwort ist gespeichert. Sobald Ben antwortet");

        await ben.ReloadAsync();
        await Assertions.Expect(ben.GetByTestId("partner-state")).ToContainTextAsync("Ana hat geantwortet.");
        await ben.GetByLabel("Deine Antwort", new() { Exact = true }).FillAsync("Dein Lachen, wenn du müde bist.");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Antwort speichern" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("partner-answer")).ToHaveTextAsync("Das Meer im Winter.");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Ich drück dich" }).ClickAsync();

        await ana.ReloadAsync();
        await Assertions.Expect(ana.GetByTestId("partner-answer")).ToHaveTextAsync("Dein Lachen, wenn du müde bist.");
        await Assertions.Expect(ana.GetByText("Ben hat auf deine Antwort reagiert:")).ToBeVisibleAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Du", Exact = true })).ToBeVisibleAsync();

        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await ana.EmulateMediaAsync(new() { ColorScheme = scheme });
            foreach (var (path, name) in new[] { ("/today", "today"), ("/together", "together"), ("/check-in", "check-in"), ("/us", "us"), ("/me", "me"), ("/profile", "profile"), ("/help", "help") })
            {
                await ana.GotoAsync(path);
                await BrowserFixture.CaptureAsync(ana, $"de-{name}-{scheme.ToString().ToLowerInvariant()}");
            }
        }

        var signedOut = await browser.NewPageAsync(locale: "de-DE");
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await signedOut.EmulateMediaAsync(new() { ColorScheme = scheme });
            await signedOut.GotoAsync("/signin");
            await Assertions.Expect(signedOut.GetByRole(AriaRole.Heading, new() { Name = "Schön, dass du wieder da bist" })).ToBeVisibleAsync();
            await BrowserFixture.CaptureAsync(signedOut, $"de-signin-{scheme.ToString().ToLowerInvariant()}");
        }

        await signedOut.Context.CloseAsync();
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }

    [Fact]
    public async Task German_at_320_px_with_text_at_200_percent_does_not_scroll_sideways()
    {
        var (ana, _) = await GermanCoupleAsync("Annegret", "Bartholomäus", width: 320);
        var signedOut = await browser.NewPageAsync(locale: "de-DE", width: 320);
        var problems = new List<string>();
        foreach (var (page, paths) in new[]
        {
            (signedOut, new[] { "/", "/signin", "/register", "/help" }),
            (ana, new[] { "/today", "/today/question", "/us", "/me", "/history", "/questions/custom", "/profile", "/couple", "/security", "/security/two-step", "/help" }),
        })
        {
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                await page.EvaluateAsync("() => { document.documentElement.style.fontSize = '200%'; }");
                var (scrollWidth, innerWidth) = await WidthsAsync(page);
                if (scrollWidth > innerWidth)
                {
                    problems.Add($"{path}: {scrollWidth} px wide in a {innerWidth} px window ({await WidestAsync(page)})");
                }

                await Assertions.Expect(page.Locator("h1").First).ToBeInViewportAsync(new() { Ratio = 0.5f });
                await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Schnell raus", Exact = true })).ToBeVisibleAsync();
                await BrowserFixture.CaptureAsync(page, "de-zoom-" + (path.Trim('/').Replace('/', '-') is { Length: > 0 } n ? n : "home"), fullPage: false);
            }
        }

        await ana.GotoAsync("/today");
        await ana.EvaluateAsync("() => { document.documentElement.style.fontSize = '200%'; }");
        foreach (var tab in new[] { "Heute", "Zusammen", "Check-in", "Wir", "Ich" })
        {
            await Assertions.Expect(ana.GetByRole(AriaRole.Link, new() { Name = tab, Exact = true })).ToBeInViewportAsync();
        }

        await Assertions.Expect(ana.GetByRole(AriaRole.Button, new() { Name = "Antwort speichern" })).ToBeVisibleAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await signedOut.Context.CloseAsync();
        await ana.Context.CloseAsync();
    }

    private async Task<(IPage First, IPage Second)> GermanCoupleAsync(string first, string second, int width)
    {
        var a = await browser.NewPageAsync(locale: "de-DE", width: width);
        await RegisterInGermanAsync(a, first, "/register");
        await a.GotoAsync("/couple");
        await a.GetByRole(AriaRole.Button, new() { Name = "Einladung erstellen" }).ClickAsync();
        var link = await a.GetByTestId("invitation-link").TextContentAsync();

        var b = await browser.NewPageAsync(locale: "de-DE", width: width);
        await RegisterInGermanAsync(b, second, "/register?returnUrl=" + Uri.EscapeDataString(new Uri(link!).AbsolutePath));
        await Assertions.Expect(b.GetByRole(AriaRole.Heading, new() { Name = "Komm zu deinem Gegenüber auf Attune" })).ToBeVisibleAsync();
        await b.GetByRole(AriaRole.Button, new() { Name = "Verbinden" }).ClickAsync();
        await Assertions.Expect(b).ToHaveURLAsync(TodayUrl());
        await Assertions.Expect(b.GetByTestId("welcome")).ToContainTextAsync($"Du und {first} seid jetzt gemeinsam bei Attune");
        return (a, b);
    }

    private async Task RegisterInGermanAsync(IPage page, string name, string path)
    {
        var email = $"{Guid.NewGuid():N}@example.test";
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Erstelle dein Konto" })).ToBeVisibleAsync();
        await page.GetByLabel("Dein Name").FillAsync(name);
        await page.GetByLabel("E-Mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync("a long enough passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Konto erstellen" }).ClickAsync();
        await browser.ConfirmFromMailAsync(page, email);
    }

    private static async Task<(int ScrollWidth, int InnerWidth)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }

    /// <summary>The element reaching furthest right, to say what overflows.</summary>
    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          let worst = null, right = 0;
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect().right;
            if (r > right) { right = r; worst = el; }
          }
          return worst ? `${worst.tagName.toLowerCase()}.${worst.className} "${(worst.textContent || '').trim().slice(0, 40)}" to ${Math.round(right)} px` : '';
        }
        """);

    [GeneratedRegex("/today$")]
    private static partial Regex TodayUrl();
}
