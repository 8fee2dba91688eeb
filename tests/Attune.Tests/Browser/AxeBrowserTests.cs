using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>
/// axe-core over every page of the endpoint list, signed out, as one person and as both partners of a couple
/// after the reveal, on a phone in light and dark: WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices.
/// </summary>
public sealed class AxeBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly List<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];

    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task Every_page_has_no_axe_violations_signed_out()
    {
        var page = await browser.NewPageAsync();
        await AssertNoViolationsAsync([("signed out", page)]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_page_has_no_axe_violations_for_a_single_person()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.RegisterAsync(page, "Cleo", "/register");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Cleo" })).ToBeVisibleAsync();
        await AssertNoViolationsAsync([("single", page)]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_page_has_no_axe_violations_for_both_partners_after_the_reveal()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");
        await PutJsonAsync(ana, "/api/v1/today/answer", new { text = "The sea in winter." });
        await PutJsonAsync(ben, "/api/v1/today/answer", new { text = "Your laugh when you are tired." });
        await ana.GotoAsync("/today");
        await Assertions.Expect(ana.GetByTestId("partner-answer")).ToHaveTextAsync("Your laugh when you are tired.");
        await AssertNoViolationsAsync([("Ana", ana), ("Ben", ben)]);
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }

    /// <summary>Visits every page as each person in both colour schemes and fails once, listing every violation found.</summary>
    private async Task AssertNoViolationsAsync(IReadOnlyList<(string Who, IPage Page)> people)
    {
        var paths = Fixtures.PageRoutes.Of(browser.App).Append("/offline.html").ToList();
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = Tags } };
        var problems = new List<string>();
        foreach (var (who, page) in people)
        {
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                await page.EmulateMediaAsync(new() { ColorScheme = scheme });
                foreach (var path in paths)
                {
                    await page.GotoAsync(path);
                    var results = await page.RunAxe(options);
                    problems.AddRange(results.Violations.Select(v => Describe($"{who}, {scheme}, {path}", v)));
                }
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} axe violations:\n{string.Join("\n", problems)}");
    }

    private static string Describe(string where, AxeResultItem violation)
    {
        var node = violation.Nodes.FirstOrDefault();
        var html = node?.Html is { Length: > 200 } longHtml ? longHtml[..200] + "…" : node?.Html;
        return $"{where}: {violation.Id} ({violation.Impact}) {violation.Help}; {violation.Nodes.Length} node(s), first {node?.Target} {html}";
    }

    private static async Task PutJsonAsync(IPage page, string path, object body)
    {
        var response = await page.Context.APIRequest.PutAsync(path, new() { DataObject = body });
        Assert.True(response.Ok, $"{path}: {response.Status} {await response.TextAsync()}");
    }
}
