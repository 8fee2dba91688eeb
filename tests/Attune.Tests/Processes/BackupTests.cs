using System.Diagnostics;
using System.Net.Http.Json;
using Attune.Tests.Fixtures;
using Npgsql;

namespace Attune.Tests.Processes;

/// <summary>
/// The documented backups, by round trip through real processes: the `backup`/`restore` commands on
/// SQLite, and pg_dump/pg_restore on PostgreSQL. After a restore the app starts on the restored data
/// and the encrypted answers read back.
/// </summary>
public sealed class BackupTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sqlite_backup_and_restore_bring_back_the_data_after_losing_the_server()
    {
        await using var database = await ProcessDatabase.CreateAsync(DatabaseKind.Sqlite);
        var backups = Path.Combine(database.DataDirectory, "..", Guid.NewGuid().ToString("N"));
        var (token, before) = await WriteSomethingAsync(database.Settings);

        await using (var server = await AppProcess.StartAsync(database.Settings, output))
        {
            // Taken while the app runs: VACUUM INTO is consistent under concurrent use.
            Assert.Equal(0, (await AppProcess.RunCommandAsync(database.Settings, "backup", "db", Path.Combine(backups, "attune.db"))).ExitCode);
            Assert.Equal(0, (await AppProcess.RunCommandAsync(database.Settings, "backup", "keys", Path.Combine(backups, "keys"))).ExitCode);
            using var client = server.Client(token);
            await client.PostAsJsonAsync("/api/v1/questions/custom", new { text = "Written after the backup?", category = "fun", depth = 1 });
            await server.StopAsync();
        }

        // The server is lost: a new, empty data folder.
        Directory.Delete(database.DataDirectory, recursive: true);
        Directory.CreateDirectory(database.DataDirectory);
        var restoreKeys = await AppProcess.RunCommandAsync(database.Settings, "restore", "keys", Path.Combine(backups, "keys"));
        var restoreDb = await AppProcess.RunCommandAsync(database.Settings, "restore", "db", Path.Combine(backups, "attune.db"));
        Assert.True(restoreKeys.ExitCode == 0, restoreKeys.Output);
        Assert.True(restoreDb.ExitCode == 0, restoreDb.Output);

        await using var restored = await AppProcess.StartAsync(database.Settings, output);
        Assert.Equal(before, await ReadAsync(restored, token));
        Directory.Delete(backups, recursive: true);
    }

    [Fact]
    public async Task The_commands_refuse_what_would_lose_data_and_say_why()
    {
        await using var database = await ProcessDatabase.CreateAsync(DatabaseKind.Sqlite);
        await WriteSomethingAsync(database.Settings);
        var notADatabase = Path.Combine(database.DataDirectory, "notes.txt");
        await File.WriteAllTextAsync(notADatabase, "not a database");

        var restore = await AppProcess.RunCommandAsync(database.Settings, "restore", "db", notADatabase);
        var overwrite = await AppProcess.RunCommandAsync(database.Settings, "backup", "db", notADatabase);
        var keysOverLiveKeys = await AppProcess.RunCommandAsync(database.Settings, "restore", "keys", Path.Combine(database.DataDirectory, "keys"));

        Assert.Equal((1, true), (restore.ExitCode, restore.Output.Contains("is not an Attune database", StringComparison.Ordinal)));
        Assert.Equal((1, true), (overwrite.ExitCode, overwrite.Output.Contains("already exists", StringComparison.Ordinal)));
        Assert.Equal((1, true), (keysOverLiveKeys.ExitCode, keysOverLiveKeys.Output.Contains("already holds keys", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Postgres_pg_dump_and_pg_restore_as_documented_bring_back_the_data()
    {
        await using var database = await ProcessDatabase.CreateAsync(DatabaseKind.Postgres);
        var (token, before) = await WriteSomethingAsync(database.Settings);
        var dump = Path.Combine(database.DataDirectory, "attune.dump");
        var source = PostgresServer.ConnectionStringFor(database.PostgresDatabase!);

        // README, Backups: pg_dump -Fc while running; pg_restore into an empty database.
        await RunAsync("pg_dump", "-Fc", "--no-owner", "-f", dump, Uri(source));
        var target = database.PostgresDatabase + "_restored";
        await ProcessDatabase.ExecuteAsync($"CREATE DATABASE {target}");
        try
        {
            var restoredConnection = PostgresServer.ConnectionStringFor(target);
            await RunAsync("pg_restore", "--no-owner", "-d", Uri(restoredConnection), dump);
            var settings = database.Settings;
            settings["ConnectionStrings__Attune"] = restoredConnection;
            await using var restored = await AppProcess.StartAsync(settings, output);
            Assert.Equal(before, await ReadAsync(restored, token));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ProcessDatabase.ExecuteAsync($"DROP DATABASE IF EXISTS {target} WITH (FORCE)");
        }
    }

    /// <summary>A couple, a custom question and both answers (encrypted at rest); returns a token and what the API shows.</summary>
    private async Task<(string Token, string Shown)> WriteSomethingAsync(Dictionary<string, string> settings)
    {
        await using var server = await AppProcess.StartAsync(settings, output);
        var (inviter, partner) = await server.PairAsync();
        using var a = server.Client(inviter);
        using var b = server.Client(partner);
        Assert.True((await a.PostAsJsonAsync("/api/v1/questions/custom", new { text = "What did we laugh about first?", category = "fun", depth = 1 })).IsSuccessStatusCode);
        Assert.True((await a.PutAsJsonAsync("/api/v1/today/answer", new { text = "The umbrella in the wind." })).IsSuccessStatusCode);
        Assert.True((await b.PutAsJsonAsync("/api/v1/today/answer", new { text = "Your terrible map reading." })).IsSuccessStatusCode);
        var shown = await ReadAsync(server, inviter);
        Assert.Contains("Your terrible map reading.", shown, StringComparison.Ordinal);
        await server.StopAsync();
        return (inviter, shown);
    }

    private static async Task<string> ReadAsync(AppProcess server, string token)
    {
        using var client = server.Client(token);
        return await client.GetStringAsync("/api/v1/questions/custom") + await client.GetStringAsync("/api/v1/questions/history");
    }

    private static string Uri(string connectionString)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{System.Uri.EscapeDataString(c.Username ?? "")}@{c.Host}:{c.Port}/{c.Database}";
    }

    private static async Task RunAsync(string tool, params string[] args)
    {
        var path = Path.Combine("/usr/lib/postgresql/15/bin", tool);
        using var process = Process.Start(new ProcessStartInfo(File.Exists(path) ? path : tool, args)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
    }
}
