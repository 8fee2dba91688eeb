using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;

namespace Attune.Tests.Fixtures;

/// <summary>Which executable to start, from which working directory.</summary>
public sealed record AppLaunch(string AppHost, string WorkingDirectory)
{
    /// <summary>The app as built beside the tests.</summary>
    public static AppLaunch Build { get; } = new(Path.Combine(AppContext.BaseDirectory, "Attune.Web"), AppContext.BaseDirectory);
}

/// <summary>
/// The real app as a separate operating-system process on a free loopback port (Production settings,
/// the real clock), so a test can kill it with SIGKILL or run its operator commands. Its output is kept
/// (<see cref="Output"/>) and copied to the test's output, which the runner shows only when the test fails.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly ITestOutputHelper? _testOutput;

    private AppProcess(Process process, Uri address, ITestOutputHelper? testOutput)
    {
        _process = process;
        Address = address;
        _testOutput = testOutput;
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Settings every process gets: a data folder of its own and limits high enough for a test's burst.</summary>
    public static Dictionary<string, string> Settings(string dataDirectory, string? postgres = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Attune__DataDirectory"] = dataDirectory,
            ["RateLimits__AuthPermitLimit"] = "100000",
            ["PasswordHashing__MaxPerSecond"] = "100000",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // These tests are about processes (crashes, instances, deployment), not registration; their people sign in at once.
            ["Attune__Accounts__RequireConfirmedEmail"] = "false",
        };
        if (postgres is not null)
        {
            settings["Database__Provider"] = "Postgres";
            settings["ConnectionStrings__Attune"] = postgres;
        }

        return settings;
    }

    public static async Task<AppProcess> StartAsync(Dictionary<string, string> settings, ITestOutputHelper? output = null, AppLaunch? launch = null)
    {
        var port = FreePort();
        var start = Start(launch ?? AppLaunch.Build, ["--urls", $"http://127.0.0.1:{port}"], settings);
        var app = new AppProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"), output);
        app._process.OutputDataReceived += (_, e) => app.Append(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(2) };
        // Bounded by time, not attempts: a refused connection returns at once, and a cold start under a
        // loaded machine (a build or other test processes beside it) can take well over half a minute.
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(120) && !app._process.HasExited)
        {
            try
            {
                if ((await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return app;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still starting on a busy machine (the probe's own timeout).
            }

            await Task.Delay(100);
        }

        await app.DisposeAsync();
        throw new InvalidOperationException($"The app did not become ready within {waited.Elapsed.TotalSeconds:0} s (exited: {app._process.HasExited}):\n" + app.Output);
    }

    /// <summary>Runs an operator command (e.g. "backup db FILE") to completion: exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(Dictionary<string, string> settings, params string[] args)
    {
        var start = Start(AppLaunch.Build, args, settings);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }

    public HttpClient Client(string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    /// <summary>Registers and signs in; returns the bearer token.</summary>
    public async Task<string> RegisterAsync(string email)
    {
        using var client = Client();
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = TestUsers.Password });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestUsers.Password });
        return (await login.ReadAsync<TokenResponse>()).AccessToken;
    }

    /// <summary>Two people paired through the API; returns their bearer tokens.</summary>
    public async Task<(string Inviter, string Partner)> PairAsync()
    {
        var inviter = await RegisterAsync($"{Guid.NewGuid():N}@example.test");
        var partner = await RegisterAsync($"{Guid.NewGuid():N}@example.test");
        using var a = Client(inviter);
        using var b = Client(partner);
        var invitation = await (await a.PostAsync("/api/v1/couple/invitations", null)).ReadAsync<InvitationDto>();
        Assert.Equal(HttpStatusCode.OK, (await b.PostAsJsonAsync("/api/v1/couple/join", new { code = invitation.Code })).StatusCode);
        return (inviter, partner);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly like a crash or the OOM killer.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>An orderly stop (SIGTERM), as a service manager would.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo Start(AppLaunch launch, string[] args, Dictionary<string, string> settings)
    {
        // Through the shell with umask 022, as a service manager starts it (systemd's default), so what the app
        // writes is private only if the app itself sees to it, whatever umask the test process has.
        var start = new ProcessStartInfo("/bin/sh", ["-c", "umask 022 && exec \"$0\" \"$@\"", launch.AppHost, .. args])
        {
            WorkingDirectory = launch.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }

            if (_testOutput is not null)
            {
                TestOutput.TryWrite(_testOutput, line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
