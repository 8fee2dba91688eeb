using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Attune.Data;

internal static class DatabaseSetup
{
    public static IServiceCollection AddAttuneDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddScoped<CallerScope>();
        services.AddScoped(sp => sp.GetRequiredService<CallerScope>().Current
            ?? throw new InvalidOperationException("No signed-in caller: this runs only behind authorization."));
        services.AddSingleton<CoupleChanges>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<CoupleChanges>());
        // Pooled: creating a context (and resolving its services) was the largest fixed cost of an
        // authenticated request (bench/README.md). The scoped registration below leases one per scope.
        services.AddPooledDbContextFactory<AttuneDbContext>((sp, options) =>
        {
            // Read when the first context is made, so settings added by a host (or a test) apply.
            var configuration = sp.GetRequiredService<IConfiguration>();
            var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
            var connectionString = configuration.GetConnectionString("Attune");
            switch (database.Provider)
            {
                case DatabaseProvider.Postgres:
                    if (string.IsNullOrWhiteSpace(connectionString))
                    {
                        throw new InvalidOperationException(
                            "Database:Provider is Postgres but ConnectionStrings:Attune is empty. Set ConnectionStrings__Attune.");
                    }

                    options.UseNpgsql(PostgresConnectionString(connectionString), o => o.MigrationsAssembly("Attune.Migrations.Postgres"));
                    break;
                default:
                    // Durability: WAL (set at start-up) with synchronous=NORMAL on every connection (SqlitePragmas,
                    // ADR 0011; EncryptionAtRestTests asserts it). Writers of this process queue in SqliteWriteGate
                    // instead of meeting SQLite's busy lock.
                    options.UseSqlite(SqliteConnectionString(configuration), o => o.MigrationsAssembly("Attune.Migrations.Sqlite"));
                    options.AddInterceptors(SqlitePragmas.Instance, SqliteWriteGate.Instance);
                    break;
            }

            options.UseSnakeCaseNamingConvention();
            // Every interceptor a feature registers (e.g. Accounts' defaults for new accounts), and the change counter.
            options.AddInterceptors(sp.GetServices<IInterceptor>());
            options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AttuneDbContext>>().CreateDbContext()
            .Lease(sp.GetRequiredService<CallerScope>()));
        return services;
    }

    /// <summary>Applies migrations, on SQLite switches the file to write-ahead logging, then runs the features' start-up work.</summary>
    public static async Task MigrateAttuneDatabaseAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttuneDbContext>();
        // A new database has no history table, and on PostgreSQL EF Core finds that out by a failing query that it logs
        // as an error (twice). Creating the empty table first makes every later check a plain read.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
        // Only migrate when something is pending: MigrateAsync also diffs the model against the snapshot,
        // which costs start-up time on every boot (a fresh database, as in every test run, still gets it).
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await db.Database.MigrateAsync();
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        }

        foreach (var task in scope.ServiceProvider.GetServices<IDatabaseStartupTask>())
        {
            await task.RunAsync(db, CancellationToken.None);
        }
    }

    /// <summary>
    /// The operator's connection string, with two defaults for the app's short, repeated queries where it
    /// does not set them: statements prepared automatically (PostgreSQL skips parsing and planning them
    /// again), and no session reset when a pooled connection is returned (the app sets no session state).
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (!configured.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!configured.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>ConnectionStrings:Attune, or the attune.db file in the data folder.</summary>
    public static string SqliteConnectionString(IConfiguration configuration)
    {
        if (configuration.GetConnectionString("Attune") is { Length: > 0 } configured)
        {
            return configured;
        }

        var attune = configuration.GetSection(AttuneOptions.Section).Get<AttuneOptions>() ?? new AttuneOptions();
        var directory = attune.ResolveDataDirectory();
        Hosting.PrivateFiles.CreateDirectory(directory);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "attune.db") }.ToString();
    }
}
