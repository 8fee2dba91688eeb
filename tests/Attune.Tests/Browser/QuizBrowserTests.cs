using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>Ana answers a know-me round about herself; Ben guesses without seeing her answers, then both compare side by side and Ben marks.</summary>
public sealed class QuizBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task A_round_is_answered_guessed_compared_and_marked_by_two_partners()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");

        await ana.GotoAsync("/together");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Know-me quiz" }).ClickAsync();
        await BrowserFixture.CaptureAsync(ana, "quiz-start");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Answer questions about me" }).ClickAsync();
        var answers = ana.Locator("input[name$='.Text']");
        var count = await answers.CountAsync();
        Assert.True(count >= 8, $"only {count} questions");
        for (var n = 0; n < count; n++)
        {
            await answers.Nth(n).FillAsync($"Ana's own answer {n}");
        }

        await BrowserFixture.CaptureAsync(ana, "quiz-answer");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("quiz-state")).ToContainTextAsync("Your answers are in");

        await ben.GotoAsync("/today");
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "A know-me round" })).ToBeVisibleAsync();
        await ben.GetByRole(AriaRole.Link, new() { Name = "Make your guesses" }).ClickAsync();
        Assert.DoesNotContain("Ana's own answer", await ben.ContentAsync(), StringComparison.Ordinal);
        // Sending with one guess missing keeps the rest and says which one.
        var guesses = ben.Locator("input[name$='.Text']");
        for (var n = 1; n < count; n++)
        {
            await guesses.Nth(n).FillAsync($"Ben's guess {n}");
        }

        await ben.GetByRole(AriaRole.Button, new() { Name = "Send my guesses" }).ClickAsync();
        await Assertions.Expect(ben.Locator("span.field-error", new() { HasText = "Please make a guess for this question." })).ToBeVisibleAsync();
        await Assertions.Expect(guesses.Nth(1)).ToHaveValueAsync("Ben's guess 1");
        Assert.DoesNotContain("Ana's own answer", await ben.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.CaptureAsync(ben, "quiz-guess-error");
        await guesses.Nth(0).FillAsync("Ben's guess 0");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Send my guesses" }).ClickAsync();

        await Assertions.Expect(ben.GetByTestId("quiz-answer").First).ToHaveTextAsync("Ana's own answer 0");
        await ben.GetByTestId("quiz-item").First.GetByLabel("Right").CheckAsync();
        await ben.GetByTestId("quiz-item").Nth(1).GetByLabel("Close").CheckAsync();
        await ben.GetByRole(AriaRole.Button, new() { Name = "Save my marks" }).ClickAsync();
        await Assertions.Expect(ben.GetByTestId("quiz-score")).ToContainTextAsync($"1 right and 1 close, out of {count}.");
        await BrowserFixture.CaptureAsync(ben, "quiz-compare-guesser");

        await ana.ReloadAsync();
        await Assertions.Expect(ana.GetByTestId("quiz-guess").First).ToHaveTextAsync("Ben's guess 0");
        await Assertions.Expect(ana.GetByTestId("quiz-score")).ToContainTextAsync($"1 right and 1 close, out of {count}.");
        await BrowserFixture.CaptureAsync(ana, "quiz-compare-subject");
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }
}
