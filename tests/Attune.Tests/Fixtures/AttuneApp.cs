using Attune.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Attune.Tests.Fixtures;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real app over real HTTP (the test server, or Kestrel on a real port for browser tests),
/// with its own SQLite file or its own PostgreSQL database, its own key folder and a fake clock.
/// </summary>
public class AttuneApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;
    private string? _postgresDatabase;

    public AttuneApp()
        : this(DatabaseKind.Sqlite)
    {
    }

    protected AttuneApp(DatabaseKind database, Dictionary<string, string?>? settings = null)
    {
        Database = database;
        DataDirectory = Path.Combine(Path.GetTempPath(), "attune-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _settings = new Dictionary<string, string?>
        {
            ["Attune:DataDirectory"] = DataDirectory,
            ["Database:Provider"] = database.ToString(),
            // Tests register many people from one address; the limit itself is tested with its own app.
            ["RateLimits:AuthPermitLimit"] = "100000",
            ["PasswordHashing:MaxPerSecond"] = "100000",
            ["PasswordHashing:MaxConcurrent"] = "4",
            // The hosts the test clients use (the test server's, and Kestrel's loopback for browsers), as a deployment lists its own.
            ["AllowedHosts"] = "attune.test;localhost;127.0.0.1",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public DatabaseKind Database { get; }

    /// <summary>
    /// PBKDF2 iterations for passwords in tests: the same hasher and algorithm, at a cost a test can afford. At the
    /// production 210,000 a hash is about 0.1 s of CPU, and the suite registers and signs in thousands of people; the
    /// full cost took a quarter of the suite's time (ADR 0013). The tests of that cost itself, and of answers that must
    /// take as long whether or not an address exists, use <see cref="Fixtures.HashingAsInProduction"/>.
    /// </summary>
    public const int TestPasswordIterations = 1_000;

    /// <summary>Whether passwords are hashed at the app's own (production) cost rather than <see cref="TestPasswordIterations"/>.</summary>
    protected virtual bool HashesAsInProduction => false;

    public string DataDirectory { get; }

    public string SqlitePath => Path.Combine(DataDirectory, "attune.db");

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>All log output of the app, at every level.</summary>
    public CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        if (Database == DatabaseKind.Postgres)
        {
            _postgresDatabase = "attune_test_" + Guid.NewGuid().ToString("N")[..12];
            await using var connection = new NpgsqlConnection(PostgresServer.AdminConnectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", connection);
            await create.ExecuteNonQueryAsync();
            _settings["ConnectionStrings:Attune"] = PostgresServer.ConnectionStringFor(_postgresDatabase);
        }
    }

    /// <summary>A client for the API or pages; https so the Secure, __Host- cookies are sent back.</summary>
    public HttpClient CreateHttpClient(bool handleCookies = true) => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://attune.test/"),
        AllowAutoRedirect = false,
        HandleCookies = handleCookies,
    });

    /// <summary>Runs work against the app's own database, outside any request (no couple scope).</summary>
    internal async Task<T> WithDbAsync<T>(Func<AttuneDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AttuneDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // Only to the captured logs (and from there to the test's output): a green run prints no app logs.
        builder.ConfigureLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            // Tests move the fake clock by days; keep access tokens valid across that so each test need not sign in again.
            services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromDays(3650));
            if (!HashesAsInProduction)
            {
                services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordIterations);
            }
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer.AdminConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the temp folder is cleaned by the test script.
        }
    }
}

/// <summary>The same app on PostgreSQL.</summary>
public sealed class PostgresAttuneApp : AttuneApp
{
    public PostgresAttuneApp()
        : base(DatabaseKind.Postgres)
    {
    }
}

/// <summary>The app on SQLite, hashing passwords at the production cost.</summary>
public sealed class HashingAsInProduction : AttuneApp
{
    protected override bool HashesAsInProduction => true;
}

/// <summary>The app on PostgreSQL, hashing passwords at the production cost.</summary>
public sealed class PostgresHashingAsInProduction : AttuneApp
{
    public PostgresHashingAsInProduction()
        : base(DatabaseKind.Postgres)
    {
    }

    protected override bool HashesAsInProduction => true;
}
