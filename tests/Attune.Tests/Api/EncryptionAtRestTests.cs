using System.Text;
using Attune.Encryption;
using Attune.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

/// <summary>
/// Sealed text written through the app's own database connection leaves no readable trace in the
/// SQLite file, its write-ahead log or the key vault.
/// </summary>
public sealed class EncryptionAtRestTests(AttuneApp app, ITestOutputHelper output) : IClassFixture<AttuneApp>
{
    private readonly AttuneApp app = app.LogsTo(output);

    [Fact]
    public async Task A_canary_stored_through_the_cipher_is_absent_from_the_sqlite_file_wal_and_key_folder()
    {
        var canary = "CANARY-" + Guid.NewGuid().ToString("N");
        var owner = KeyOwner.User(Guid.NewGuid());
        var cipher = app.Services.GetRequiredService<FieldCipher>();
        var sealedValue = cipher.Seal(owner, canary, "canary");

        await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS canary_probe (value BLOB NOT NULL)");
            await db.Database.ExecuteSqlAsync($"INSERT INTO canary_probe (value) VALUES ({sealedValue})");
            return 0;
        });

        var stored = await app.WithDbAsync(db => db.Database.SqlQueryRaw<byte[]>("SELECT value AS \"Value\" FROM canary_probe").SingleAsync());
        Assert.Equal(canary, cipher.Open(owner, stored, "canary"));

        var files = Directory.EnumerateFiles(app.DataDirectory, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("attune.db-wal", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("keys.db", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = await ReadSharedAsync(file);
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(canary)), $"{file} holds the canary in UTF-8");
            Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(canary)), $"{file} holds the canary in UTF-16");
        }
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode_with_full_sync()
    {
        Assert.NotNull(app.Services); // starts the app, which migrates and switches the file to WAL
        await using var connection = new SqliteConnection($"Data Source={app.SqlitePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());

        var synchronous = await app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous";
            return Convert.ToInt32(await pragma.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        });
        Assert.Equal(2, synchronous); // FULL
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
