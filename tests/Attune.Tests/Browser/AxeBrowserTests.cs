using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>
/// axe-core over every page of the endpoint list, signed out, as one person and as both partners of a couple
/// after the reveal, on a phone: WCAG 2.0, 2.1 and 2.2 A and AA and axe's best practices in light, and the colour rules again in dark.
/// </summary>
public sealed class AxeBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    /// <summary>Light: every WCAG and best-practice rule. Dark: the rules whose outcome depends on colour.</summary>
    private static readonly (ColorScheme Scheme, Func<IPage, Task<IReadOnlyList<AxeViolation>>> Run)[] Passes =
    [
        (ColorScheme.Light, page => Axe.ByTagsAsync(page, Axe.WcagTags)),
        (ColorScheme.Dark, page => Axe.ByRulesAsync(page, Axe.ColourRules)),
    ];

    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task Every_page_has_no_axe_violations_signed_out()
    {
        var page = await browser.NewPageAsync();
        await AssertNoViolationsAsync([("signed out", page)]);

        // A form sent back with its errors: the summary and each field's message.
        await page.GotoAsync("/register");
        await page.GetByLabel("Your name").FillAsync("Kim");
        await page.GetByLabel("E-mail").FillAsync("not an address");
        await page.GetByLabel("Password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("between 8 and 128 characters");
        await AssertNoViolationsAsync([("signed out, register with errors", page)], [null]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_page_has_no_axe_violations_signed_out_in_german()
    {
        var page = await browser.NewPageAsync(locale: "de-DE");
        await AssertNoViolationsAsync([("signed out, German", page)]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_page_has_no_axe_violations_for_a_single_person()
    {
        var page = await browser.NewPageAsync();
        await browser.RegisterAsync(page, "Cleo", "/register");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Cleo" })).ToBeVisibleAsync();
        await AssertNoViolationsAsync([("single", page)]);

        // The invitation, with its code, link and QR image, is only there once created.
        await page.GotoAsync("/couple");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("invitation-link")).ToBeVisibleAsync();
        await AssertNoViolationsAsync([("single, invited", page)], ["/couple"]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_page_has_no_axe_violations_for_both_partners_after_the_reveal()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");
        // Before answering, today's question is a form.
        await AssertNoViolationsAsync([("Ana, not answered", ana)], ["/today", "/today/question"]);
        await PutJsonAsync(ana, "/api/v1/today/answer", new { text = "The sea in winter." });
        await PutJsonAsync(ben, "/api/v1/today/answer", new { text = "Your laugh when you are tired." });
        await ana.GotoAsync("/today");
        await Assertions.Expect(ana.GetByTestId("partner-answer")).ToHaveTextAsync("Your laugh when you are tired.");
        await AssertNoViolationsAsync([("Ana", ana), ("Ben", ben)]);
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }

    [Fact]
    public async Task The_checker_reports_a_planted_violation_in_each_pass()
    {
        // Guards the runner itself: a check that silently found nothing would pass every page above.
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("""
            () => {
              const image = document.createElement('img');
              image.src = '/favicon.ico';
              const faint = document.createElement('p');
              faint.textContent = 'Barely there';
              faint.style.color = '#777';
              faint.style.background = '#888';
              document.querySelector('main').append(image, faint);
            }
            """);

        Assert.Contains(await Axe.ByTagsAsync(page, Axe.WcagTags), v => v.Id == "image-alt" && v.Nodes.Any(n => n.Html.Contains("favicon")));
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        var colour = await Axe.ByRulesAsync(page, Axe.ColourRules);
        Assert.Equal(["color-contrast"], colour.Select(v => v.Id));
        Assert.Contains(colour[0].Nodes, n => n.Html.Contains("Barely there"));
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Visits every page (or only those given; null for the page as it is) as each person and fails once, listing every
    /// violation found. Each page is opened once and checked in light with every rule, then switched to dark in place
    /// and checked with the rules whose outcome depends on colour (the dark theme changes colours only, and nothing
    /// on the pages animates), which halves the page loads and most of axe's work in the dark pass.
    /// </summary>
    private async Task AssertNoViolationsAsync(IReadOnlyList<(string Who, IPage Page)> people, IReadOnlyList<string?>? only = null)
    {
        var paths = only ?? [.. Fixtures.PageRoutes.Of(browser.App).Append("/offline.html")];
        var problems = new List<string>();
        foreach (var (who, page) in people)
        {
            foreach (var path in paths)
            {
                if (path is not null)
                {
                    await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
                    await page.GotoAsync(path);
                }

                foreach (var (scheme, run) in Passes)
                {
                    await page.EmulateMediaAsync(new() { ColorScheme = scheme });
                    var violations = await run(page);
                    problems.AddRange(violations.Select(v => $"{who}, {scheme}, {path ?? new Uri(page.Url).AbsolutePath}: {v}"));
                }
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} axe violations:\n{string.Join("\n", problems)}");
    }

    private static async Task PutJsonAsync(IPage page, string path, object body)
    {
        var response = await page.Context.APIRequest.PutAsync(path, new() { DataObject = body });
        Assert.True(response.Ok, $"{path}: {response.Status} {await response.TextAsync()}");
    }
}
