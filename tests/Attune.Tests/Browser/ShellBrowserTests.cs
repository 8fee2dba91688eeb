using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>The app shell in Chromium: tabs, quick exit, landmarks, and the service worker.</summary>
public sealed partial class ShellBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task On_a_phone_the_tabs_are_at_the_bottom_the_current_one_is_marked_and_the_quick_exit_covers_nothing()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");
        await ana.GotoAsync("/today");
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "You and Ben are together on Attune" })).ToBeVisibleAsync();
        await BrowserFixture.CaptureAsync(ana, "shell-today-welcome", fullPage: false);
        await AssertCoversNothingAsync(ana, "Today before answering");

        var tabs = ana.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        var box = (await tabs.BoundingBoxAsync())!;
        Assert.Equal(844, box.Y + box.Height, 1.0);
        Assert.True(box.Height < 100, $"the tab bar is {box.Height} px high");
        Assert.Equal("page", await Tab(ana, "Today").GetAttributeAsync("aria-current"));
        Assert.Null(await Tab(ana, "Us").GetAttributeAsync("aria-current"));
        Assert.Null(await Tab(ana, "Me").GetAttributeAsync("aria-current"));

        // Revealed answers bring the reaction buttons, which the floating quick exit used to cover.
        await PutJsonAsync(ana, "/api/v1/today/answer", new { text = "The sea in winter." });
        await PutJsonAsync(ben, "/api/v1/today/answer", new { text = "Your laugh when you are tired." });
        await ana.GotoAsync("/today");
        await Assertions.Expect(ana.GetByRole(AriaRole.Button, new() { Name = "Me too" })).ToBeVisibleAsync();
        await AssertCoversNothingAsync(ana, "Today after the reveal");

        await Tab(ana, "Us").ClickAsync();
        await Assertions.Expect(ana).ToHaveURLAsync(UsPage());
        Assert.Equal("page", await Tab(ana, "Us").GetAttributeAsync("aria-current"));
        Assert.Null(await Tab(ana, "Today").GetAttributeAsync("aria-current"));
        await ana.GetByRole(AriaRole.Link, new() { Name = "Our answers" }).ClickAsync();
        Assert.Equal("true", await Tab(ana, "Us").GetAttributeAsync("aria-current"));
        await ana.GotoAsync("/me");
        await AssertCoversNothingAsync(ana, "Me");

        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await ana.EmulateMediaAsync(new() { ColorScheme = scheme });
            foreach (var page in new[] { "today", "together", "check-in", "us", "me" })
            {
                await ana.GotoAsync("/" + page);
                await BrowserFixture.CaptureAsync(ana, $"shell-{page}-{scheme.ToString().ToLowerInvariant()}", fullPage: false);
            }

            await ana.GotoAsync("/today");
            await ana.EvaluateAsync("window.scrollTo(0, document.body.scrollHeight)");
            await BrowserFixture.CaptureAsync(ana, $"shell-today-end-{scheme.ToString().ToLowerInvariant()}", fullPage: false);
        }

        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_wide_screen_the_tabs_and_sign_out_are_in_the_top_bar()
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.BaseAddress.ToString(), IgnoreHTTPSErrors = true, ViewportSize = new() { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        await browser.RegisterAsync(page, "Cleo", "/register");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Cleo" })).ToBeVisibleAsync();

        var tabs = (await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).BoundingBoxAsync())!;
        Assert.True(tabs.Y < 80, $"the tabs are at {tabs.Y} px from the top");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await AssertCoversNothingAsync(page, "Today, single, wide");
        await BrowserFixture.CaptureAsync(page, "shell-today-single-wide");

        // The top bar's form carries the antiforgery token, so signing out there works.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Small rituals for a closer relationship" })).ToBeVisibleAsync();
        await page.GotoAsync("/today");
        await Assertions.Expect(page).ToHaveURLAsync(SignInPage());
        await context.CloseAsync();
    }

    [Fact]
    public async Task Quick_exit_leaves_no_history_entry_to_go_back_to()
    {
        var page = await browser.NewPageAsync();
        await browser.RegisterAsync(page, "Dana", "/register");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Dana" })).ToBeVisibleAsync();
        await BrowserFixture.CaptureAsync(page, "shell-today-single", fullPage: false);

        await page.GetByRole(AriaRole.Link, new() { Name = "Quick exit" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Simple bread");
        await page.GoBackAsync();

        Assert.DoesNotContain("/today", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("Hello, Dana", await page.ContentAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_service_worker_keeps_only_static_shell_files_and_shows_the_offline_page_without_a_network()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");
        const string Secret = "SECRET-the sea in winter";
        await PutJsonAsync(ana, "/api/v1/today/answer", new { text = Secret });
        await PutJsonAsync(ben, "/api/v1/today/answer", new { text = Secret + " too" });
        await ana.GotoAsync("/today");
        // Bounded: a registration that failed would leave "ready" waiting for ever.
        Assert.Equal("active", await ana.EvaluateAsync<string>("""
            () => Promise.race([
              navigator.serviceWorker.register('/sw.js').then(() => navigator.serviceWorker.ready).then(() => 'active', (e) => String(e)),
              new Promise((resolve) => setTimeout(() => resolve('no service worker after 15 s'), 15000)),
            ])
            """));
        await ana.ReloadAsync();
        Assert.True(await ana.EvaluateAsync<bool>("navigator.serviceWorker.controller !== null"), "the service worker does not control the page");

        foreach (var path in new[] { "/today", "/us", "/history", "/questions/custom", "/me", "/profile", "/security", "/couple", "/help" })
        {
            await ana.GotoAsync(path);
        }

        Assert.Contains(Secret, await ana.EvaluateAsync<string>("fetch('/api/v1/today').then((r) => r.text())"), StringComparison.Ordinal);
        var cached = await ana.EvaluateAsync<CachedEntry[]>(PageScripts.CachedEntries);
        var wwwroot = Path.Combine(browser.App.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().WebRootPath);
        Assert.Contains(cached, c => c.Path == "/offline.html");
        foreach (var entry in cached)
        {
            // Static files as they are on disk, and the quick exit's neutral page, which is the same for everyone.
            Assert.True(entry.Path == "/exit" || File.Exists(Path.Combine(wwwroot, entry.Path.TrimStart('/'))), $"{entry.Path} is not a static file");
            Assert.DoesNotContain(Secret, entry.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Hello, Ana", entry.Body, StringComparison.Ordinal);
        }

        await ana.Context.SetOfflineAsync(true);
        await ana.GotoAsync("/today");
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "You are offline" })).ToBeVisibleAsync();
        Assert.DoesNotContain(Secret, await ana.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.CaptureAsync(ana, "shell-offline");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Quick exit" }).ClickAsync();
        await Assertions.Expect(ana).ToHaveTitleAsync("Simple bread");
        await ana.Context.SetOfflineAsync(false);

        // Signing out tells the browser to forget what it kept.
        await ana.GotoAsync("/me");
        var signedOut = await ana.RunAndWaitForResponseAsync(
            () => ana.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/signout", StringComparison.Ordinal));
        Assert.Equal("\"cache\", \"storage\"", await signedOut.HeaderValueAsync("clear-site-data"));
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }

    [Fact]
    public async Task On_every_page_content_is_inside_landmarks_and_the_quick_exit_covers_nothing_signed_in_or_not()
    {
        var (ana, ben) = await browser.PairedCoupleAsync("Ana", "Ben");
        var anonymous = await browser.NewPageAsync();
        var pages = Fixtures.PageRoutes.Of(browser.App).Where(p => p is not "/signout" and not "/exit").Append("/offline.html").ToList();
        foreach (var page in new[] { ana, anonymous })
        {
            foreach (var path in pages)
            {
                await page.GotoAsync(path);
                var stray = await page.EvaluateAsync<string[]>(PageScripts.TextOutsideLandmarks);
                Assert.True(stray.Length == 0, $"{path} has text outside landmarks: {string.Join(" | ", stray)}");
                await AssertCoversNothingAsync(page, path);
            }
        }

        await anonymous.GotoAsync("/help");
        await BrowserFixture.CaptureAsync(anonymous, "shell-help");
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
        await anonymous.Context.CloseAsync();
    }

    private static ILocator Tab(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private static async Task AssertCoversNothingAsync(IPage page, string where)
    {
        var problems = await page.EvaluateAsync<string[]>(PageScripts.CoveredControls);
        Assert.True(problems.Length == 0, $"{where}: covered controls: {string.Join(" | ", problems)}");
    }

    private static async Task PutJsonAsync(IPage page, string path, object body)
    {
        var response = await page.Context.APIRequest.PutAsync(path, new() { DataObject = body });
        Assert.True(response.Ok, $"{path}: {response.Status} {await response.TextAsync()}");
    }

    [GeneratedRegex("/us$")]
    private static partial Regex UsPage();

    [GeneratedRegex("/signin")]
    private static partial Regex SignInPage();

    /// <summary>Filled by Playwright from the page's answer, so it needs setters.</summary>
    private sealed class CachedEntry
    {
        public string Path { get; set; } = "";

        public string Body { get; set; } = "";
    }
}
