using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>One partner apologises with the coach's help; the other forgives; both then see only the day.</summary>
public sealed class ApologyBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task An_apology_is_written_answered_and_sealed_for_both()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");
        await ana.GotoAsync("/together");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Apologies" }).ClickAsync();
        await Assertions.Expect(ana.GetByText("No apologies here.")).ToBeVisibleAsync();
        await ana.GetByRole(AriaRole.Link, new() { Name = "Write an apology" }).ClickAsync();
        await ana.GetByLabel("What happened").FillAsync("I missed your concert.");
        await ana.GetByLabel("Owning my part").FillAsync("I'm sorry, but work was busy.");
        await ana.GetByLabel("The impact on you").FillAsync("You looked for me and I wasn't there.");
        await ana.GetByLabel("What I will do differently").FillAsync("I'll block the evening in my calendar.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Check with the coach" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("coach-note")).ToContainTextAsync("sorry, but");
        await BrowserFixture.CaptureAsync(ana, "apology-coach");
        await ana.GetByLabel("Owning my part").FillAsync("I chose to stay late at work, and I didn't call.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Send my apology" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("apology")).ToContainTextAsync("I chose to stay late at work");

        await ben.GotoAsync("/apologies");
        await Assertions.Expect(ben.GetByTestId("apology")).ToContainTextAsync("I missed your concert.");
        await BrowserFixture.CaptureAsync(ben, "apology-received");
        await ben.GetByRole(AriaRole.Button, new() { Name = "I need some time" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("apology")).ToContainTextAsync("You said you need some time.");
        await ben.GetByRole(AriaRole.Button, new() { Name = "I forgive you" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("forgiven")).ToContainTextAsync("Forgiven on");
        Assert.DoesNotContain("concert", await ben.ContentAsync(), StringComparison.Ordinal);

        await ana.ReloadAsync();
        await Assertions.Expect(ana.GetByTestId("forgiven")).ToContainTextAsync("Forgiven on");
        Assert.DoesNotContain("concert", await ana.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.CaptureAsync(ana, "apology-forgiven");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(ana.GetByText("No apologies here.")).ToBeVisibleAsync();
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }
}
