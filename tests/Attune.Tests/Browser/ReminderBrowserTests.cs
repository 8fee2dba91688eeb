using Attune.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>
/// Two partners at 390 px: Ana finds reminders under Me and opts in to two kinds with her own quiet hours; Ben's page
/// shows none of her choices; then her mail's unsubscribe link, opened without signing in, stops one kind.
/// </summary>
public sealed class ReminderBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture browser = browser.LogsTo(output);

    [Fact]
    public async Task A_partner_opts_in_privately_and_stops_one_kind_from_the_mail_link_without_signing_in()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");

        await ana.GotoAsync("/me");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Reminders by e-mail" }).ClickAsync();
        await ana.GetByLabel("today's question, if I haven't answered it yet").CheckAsync();
        await ana.GetByLabel("our rituals planned for today").CheckAsync();
        await ana.GetByLabel("From").FillAsync("22:30");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(ana.GetByLabel("today's question, if I haven't answered it yet")).ToBeCheckedAsync();
        await Assertions.Expect(ana.GetByLabel("From")).ToHaveValueAsync("22:30");
        await BrowserFixture.CaptureAsync(ana, "reminders");

        await ben.GotoAsync("/reminders");
        await Assertions.Expect(ben.GetByLabel("today's question, if I haven't answered it yet")).Not.ToBeCheckedAsync();
        await Assertions.Expect(ben.GetByLabel("From")).ToHaveValueAsync("21:00");

        // The link a digest carries for "question", opened in a fresh browser with no session.
        var settings = await browser.App.WithDbAsync(db => db.Set<ReminderSettings>().AsNoTracking().SingleAsync(s => s.Question));
        var stranger = await browser.NewPageAsync();
        await stranger.GotoAsync("/unsubscribe/" + UnsubscribeTokens.Make(settings.UserId, ReminderKind.Question, settings.Secret));
        await Assertions.Expect(stranger.GetByText("Stop the mails about today's question?")).ToBeVisibleAsync();
        await stranger.GetByRole(AriaRole.Button, new() { Name = "Yes, stop them" }).ClickAsync();
        await Assertions.Expect(stranger.GetByRole(AriaRole.Status)).ToHaveTextAsync("Done: no more mails about today's question.");
        await BrowserFixture.CaptureAsync(stranger, "unsubscribed");

        await ana.ReloadAsync();
        await Assertions.Expect(ana.GetByLabel("today's question, if I haven't answered it yet")).Not.ToBeCheckedAsync();
        await Assertions.Expect(ana.GetByLabel("our rituals planned for today")).ToBeCheckedAsync();
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
        await stranger.Context.CloseAsync();
    }
}
