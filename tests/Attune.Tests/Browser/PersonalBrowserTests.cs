using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>Ana keeps a habit of her own, logs it and shares it; Ben sees only its name, read-only, until she stops sharing.</summary>
public sealed class PersonalBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task A_habit_is_logged_shared_read_only_and_withdrawn()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");
        await ana.GotoAsync("/me");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Time for me" }).ClickAsync();
        await ana.GetByLabel("What is it?").FillAsync("Evening run by the river");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "Did it today" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("balance-me")).ToContainTextAsync("Days with something logged: 1.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Share with my partner" }).ClickAsync();
        await BrowserFixture.CaptureAsync(ana, "personal-owner");

        await ben.GotoAsync("/me/time");
        await Assertions.Expect(ben.GetByTestId("partner-goals")).ToContainTextAsync("Evening run by the river");
        Assert.Equal(0, await ben.GetByRole(AriaRole.Button, new() { Name = "Did it today" }).CountAsync());
        await ben.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await BrowserFixture.CaptureAsync(ben, "personal-partner-dark");

        await ana.GetByRole(AriaRole.Button, new() { Name = "Stop sharing" }).ClickAsync();
        await ben.ReloadAsync();
        await Assertions.Expect(ben.GetByTestId("partner-goals")).Not.ToContainTextAsync("Evening run");
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }
}
