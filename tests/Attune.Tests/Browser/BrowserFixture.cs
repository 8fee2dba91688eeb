using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Attune.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>The app on a real Kestrel port and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly KestrelAttuneApp _app = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The server under test: its fake clock, services and endpoint list.</summary>
    public AttuneApp App => _app;

    /// <summary>Sends the app's logs to this test's output from now on; returns the fixture, for a test class's constructor.</summary>
    public BrowserFixture LogsTo(ITestOutputHelper output)
    {
        _app.LogsTo(output);
        return this;
    }

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_app).InitializeAsync();
        // HTTPS with a throw-away certificate, so the production cookie rules (__Host-, Secure) are what the browser sees.
        using var certificate = SelfSignedCertificate();
        _app.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null))));
        _app.StartServer();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ATTUNE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
                // Trust exactly this throw-away certificate, as a real one would be: service workers refuse a certificate error.
                "--ignore-certificate-errors-spki-list=" + Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo())),
            ],
        });
    }

    /// <param name="timezoneId">The browser's time zone.</param>
    /// <param name="locale">The browser's language (its Accept-Language), e.g. "de-DE"; null for Playwright's default (English).</param>
    /// <param name="width">The viewport's width in CSS pixels: a 390 px phone unless a test asks for a narrower one.</param>
    public async Task<IPage> NewPageAsync(string timezoneId = "Europe/Lisbon", string? locale = null, int width = 390)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            TimezoneId = timezoneId,
            Locale = locale,
            IgnoreHTTPSErrors = true,
            ViewportSize = new ViewportSize { Width = width, Height = 844 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Two people registered and paired through the pages, each in a browser context of their own.</summary>
    public async Task<(IPage First, IPage Second)> PairedCoupleAsync(string first, string second)
    {
        var a = await NewPageAsync();
        await RegisterAsync(a, first, "/register");
        await a.GotoAsync("/couple");
        await a.GetByRole(AriaRole.Button, new() { Name = "Create invitation" }).ClickAsync();
        var link = await a.GetByTestId("invitation-link").TextContentAsync();

        var b = await NewPageAsync();
        await RegisterAsync(b, second, "/register?returnUrl=" + Uri.EscapeDataString(new Uri(link!).AbsolutePath));
        await b.GetByRole(AriaRole.Button, new() { Name = "Join my partner" }).ClickAsync();
        await Assertions.Expect(b).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/today$"));
        return (a, b);
    }

    /// <summary>
    /// Registers through the page and confirms the address with the link from its mail: signed in afterwards. With
    /// capture, saves screenshots of "check your mail" and of the confirmation page (ATTUNE_SCREENSHOTS).
    /// </summary>
    public async Task RegisterAsync(IPage page, string name, string? path, bool capture = false)
    {
        if (path is not null)
        {
            await page.GotoAsync(path);
        }

        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("a long enough passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await ConfirmFromMailAsync(page, email, capture);
    }

    /// <summary>
    /// After "check your mail": opens the link the outbox holds for the address and presses the page's one button,
    /// in whatever language, as the person would; the page then signs them in and goes where they were going.
    /// </summary>
    public async Task ConfirmFromMailAsync(IPage page, string email, bool capture = false)
    {
        await Assertions.Expect(page.GetByTestId("sent-to")).ToContainTextAsync(email);
        if (capture)
        {
            await CaptureAsync(page, "register-check-your-mail");
        }

        var link = await App.ConfirmationLinkAsync(email) ?? throw new InvalidOperationException("No confirmation mail for " + email);
        await page.GotoAsync(link.Path);
        if (capture)
        {
            await CaptureAsync(page, "register-confirm");
        }

        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/confirm/"));
    }

    /// <summary>
    /// Saves a full-page screenshot when ATTUNE_SCREENSHOTS names a folder, for looking at pages by eye;
    /// with fullPage false, only the screen as a person sees it (a full page draws fixed bars mid-page).
    /// </summary>
    public static async Task CaptureAsync(IPage page, string name, bool fullPage = true)
    {
        if (Environment.GetEnvironmentVariable("ATTUNE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await ((IAsyncLifetime)_app).DisposeAsync();
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(1));
    }

    private sealed class KestrelAttuneApp : AttuneApp;
}
