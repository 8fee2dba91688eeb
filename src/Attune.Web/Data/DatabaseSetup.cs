using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Attune.Data;

internal static class DatabaseSetup
{
    public static IServiceCollection AddAttuneDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddScoped<CurrentCouple>();
        services.AddDbContext<AttuneDbContext>((sp, options) =>
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

                    options.UseNpgsql(connectionString, o => o.MigrationsAssembly("Attune.Migrations.Postgres"));
                    break;
                default:
                    var attune = configuration.GetSection(AttuneOptions.Section).Get<AttuneOptions>() ?? new AttuneOptions();
                    options.UseSqlite(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqlite(attune) : connectionString, o => o.MigrationsAssembly("Attune.Migrations.Sqlite"));
                    options.AddInterceptors(SqliteDurability.Instance);
                    break;
            }

            options.UseSnakeCaseNamingConvention();
            options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
        }, optionsLifetime: ServiceLifetime.Singleton); // built once, not for every request's context
        return services;
    }

    /// <summary>Applies migrations and, on SQLite, switches the file to write-ahead logging.</summary>
    public static async Task MigrateAttuneDatabaseAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttuneDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        }

        await scope.ServiceProvider.GetRequiredService<Features.Questions.QuestionLibrary>().SyncAsync(db, CancellationToken.None);
    }

    private static string DefaultSqlite(AttuneOptions attune)
    {
        var directory = attune.ResolveDataDirectory();
        Directory.CreateDirectory(directory);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "attune.db") }.ToString();
    }

    /// <summary>Every SQLite connection waits for the disk before acknowledging a write.</summary>
    private sealed class SqliteDurability : DbConnectionInterceptor
    {
        public static readonly SqliteDurability Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;";
            command.ExecuteNonQuery();
        }
    }
}
