using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>
/// Everything a person can type is shown as text on every page, never run as markup. The page list
/// comes from the app's own endpoints, so a new page is covered without editing this test.
/// </summary>
public sealed class XssBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser = browser.LogsTo(output);

    private const string Name = "<b>Ana</b><img src=x onerror=alert(1)>";
    private const string Hostile = "<img src=x onerror=alert(1)><script>alert(2)</script><iframe src=javascript:alert(3)>";

    [Fact]
    public async Task Html_typed_into_every_field_is_shown_as_text_on_every_page()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");
        await PutJsonAsync(ana, "/api/v1/me", new { displayName = Name, timeZone = "Europe/Lisbon" });
        await PostJsonAsync(ana, "/api/v1/questions/custom", new { text = "Why " + Hostile + "?", category = "fun", depth = 1 });
        await PutJsonAsync(ana, "/api/v1/today/answer", new { text = Hostile });
        await PutJsonAsync(ben, "/api/v1/today/answer", new { text = Hostile + " ben" });
        await PostJsonAsync(ben, "/api/v1/today/reactions", new { kind = "heart", text = Hostile + " reply" });

        var dialogs = 0;
        ana.Dialog += (_, _) => dialogs++;
        ben.Dialog += (_, _) => dialogs++;
        var pages = PageRoutes();
        Assert.Contains("/today", pages);
        Assert.Contains("/security", pages);
        foreach (var path in pages)
        {
            foreach (var page in new[] { ana, ben })
            {
                await page.GotoAsync(path);
                Assert.True(await page.Locator("img[src='x'], iframe, script:not([src])").CountAsync() == 0, $"markup from user text ran on {path}");
            }
        }

        await ben.GotoAsync("/today");
        await Assertions.Expect(ben.GetByTestId("partner-answer")).ToHaveTextAsync(Hostile);
        await Assertions.Expect(ben.GetByText(Name + " has answered").Or(ben.GetByText(Name)).First).ToBeVisibleAsync();
        await ana.GotoAsync("/questions/custom");
        await Assertions.Expect(ana.GetByText("Why " + Hostile + "?").First).ToBeVisibleAsync();
        Assert.Equal(0, dialogs);
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }

    /// <summary>Every page but sign-out (a page that only takes a form).</summary>
    private List<string> PageRoutes() => [.. Fixtures.PageRoutes.Of(browser.App).Where(p => p != "/signout")];

    private static async Task PutJsonAsync(IPage page, string path, object body)
    {
        var response = await page.Context.APIRequest.PutAsync(path, new() { DataObject = body });
        Assert.True(response.Ok, $"{path}: {response.Status} {await response.TextAsync()}");
    }

    private static async Task PostJsonAsync(IPage page, string path, object body)
    {
        var response = await page.Context.APIRequest.PostAsync(path, new() { DataObject = body });
        Assert.True(response.Ok, $"{path}: {response.Status} {await response.TextAsync()}");
    }
}
