using Attune.Tests.Fixtures;
using Npgsql;

namespace Attune.Tests.Processes;

/// <summary>A data folder (and, for PostgreSQL, a database) of a test's own, removed afterwards.</summary>
public sealed class ProcessDatabase : IAsyncDisposable
{
    private ProcessDatabase(DatabaseKind kind, string dataDirectory, string? postgresDatabase)
    {
        Kind = kind;
        DataDirectory = dataDirectory;
        PostgresDatabase = postgresDatabase;
    }

    public DatabaseKind Kind { get; }

    public string DataDirectory { get; }

    public string? PostgresDatabase { get; }

    public string SqlitePath => Path.Combine(DataDirectory, "attune.db");

    public Dictionary<string, string> Settings =>
        AppProcess.Settings(DataDirectory, PostgresDatabase is null ? null : PostgresServer.ConnectionStringFor(PostgresDatabase));

    public static async Task<ProcessDatabase> CreateAsync(DatabaseKind kind)
    {
        var folder = Path.Combine(Path.GetTempPath(), "attune-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string? database = null;
        if (kind == DatabaseKind.Postgres)
        {
            database = "attune_proc_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync($"CREATE DATABASE {database}");
        }

        return new ProcessDatabase(kind, folder, database);
    }

    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (PostgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS {PostgresDatabase} WITH (FORCE)");
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The test script removes the temp folder anyway.
        }
    }
}
