using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Processes;

/// <summary>
/// Two app processes set up as docs/scaling.md describes: one PostgreSQL database, one key folder
/// (Encryption:KeyDirectory) and a data folder each, with no load balancer between them, so a test
/// chooses which instance answers each request.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    /// <summary>Sessions:CacheFor and Questions:TodayCacheFor, set explicitly so the tests' bounds do not follow the defaults.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    /// <summary>Added to <see cref="CacheFor"/> when waiting: requests on a loaded machine take time too.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(3);

    private readonly ProcessDatabase _database;

    private TwoInstances(ProcessDatabase database, AppProcess a, AppProcess b)
    {
        _database = database;
        A = a;
        B = b;
    }

    public AppProcess A { get; }

    public AppProcess B { get; }

    public string KeyDirectory => KeyFolder(_database);

    /// <summary>Starts both on a new, empty database and key folder.</summary>
    /// <param name="together">Both at the same instant (the first start-up race), or one after the other.</param>
    public static async Task<TwoInstances> StartAsync(bool together)
    {
        var database = await ProcessDatabase.CreateAsync(DatabaseKind.Postgres);
        var (a, b) = (Settings(database, "a"), Settings(database, "b"));
        var starting = new List<Task<AppProcess>>();
        try
        {
            starting.Add(AppProcess.StartAsync(a));
            if (!together)
            {
                await starting[0];
            }

            starting.Add(AppProcess.StartAsync(b));
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(s => s.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            await database.DisposeAsync();
            throw;
        }

        return new TwoInstances(database, starting[0].Result, starting[1].Result);
    }

    /// <summary>Polls until the condition holds, for at most <see cref="CacheFor"/> and a margin; fails naming what did not happen.</summary>
    public static async Task EventuallyAsync(string what, Func<Task<bool>> condition)
    {
        var within = CacheFor + Margin;
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < within, $"{what}: not within {within.TotalSeconds} s");
            await Task.Delay(100);
        }
    }

    /// <summary>Runs a test's body; a failure carries both instances' logs, which are otherwise not shown.</summary>
    public async Task ExplainingFailuresAsync(Func<Task> body)
    {
        try
        {
            await body();
        }
        catch (Exception failure)
        {
            throw new Xunit.Sdk.XunitException($"{failure}\n--- instance A ---\n{A.Output}\n--- instance B ---\n{B.Output}");
        }
    }

    /// <summary>
    /// A client that sends only the cookies a test gives it, with redirects left to the test, as if through the
    /// TLS-terminating reverse proxy that Production expects (its Secure cookies and antiforgery require HTTPS).
    /// </summary>
    public static HttpClient Browser(AppProcess app)
    {
        var browser = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.Address };
        browser.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return browser;
    }

    /// <summary>Signs in as a browser does (the cookie) on this instance; returns the Cookie header to send.</summary>
    public static async Task<string> CookieSignInAsync(AppProcess app, string email)
    {
        using var browser = new ManualCookies(Browser(app));
        var login = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login?useCookies=true")
        {
            Content = JsonContent.Create(new { email, password = TestUsers.Password }),
        });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        return browser.Header;
    }

    /// <summary>Signs in with a password on this instance; returns the bearer token.</summary>
    public static async Task<string> SignInAsync(AppProcess app, string email)
    {
        using var client = app.Client();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestUsers.Password });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        return (await login.ReadAsync<TokenResponse>()).AccessToken;
    }

    public static async Task<HttpResponseMessage> GetWithCookieAsync(AppProcess app, string path, string cookie)
    {
        using var browser = Browser(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await browser.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static string KeyFolder(ProcessDatabase database) => Path.Combine(database.DataDirectory, "keys");

    private static Dictionary<string, string> Settings(ProcessDatabase database, string instance)
    {
        var settings = AppProcess.Settings(Path.Combine(database.DataDirectory, instance),
            PostgresServer.ConnectionStringFor(database.PostgresDatabase!));
        settings["Encryption__KeyDirectory"] = KeyFolder(database);
        settings["Sessions__CacheFor"] = CacheFor.ToString("c", CultureInfo.InvariantCulture);
        settings["Questions__TodayCacheFor"] = CacheFor.ToString("c", CultureInfo.InvariantCulture);
        // Nothing here edits appsettings.json, and watching it takes an inotify instance, of which a busy machine may run out.
        settings["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        return settings;
    }
}

/// <summary>One pair of instances, started one after the other, for the tests that need no empty start.</summary>
public sealed class RunningInstances : IAsyncLifetime
{
    private TwoInstances? _instances;

    public TwoInstances Instances => _instances ?? throw new InvalidOperationException("The instances did not start.");

    public async Task InitializeAsync() => _instances = await TwoInstances.StartAsync(together: false);

    public async Task DisposeAsync()
    {
        if (_instances is not null)
        {
            await _instances.DisposeAsync();
        }
    }
}
