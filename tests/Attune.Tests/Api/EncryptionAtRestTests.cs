using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Attune.Encryption;
using Attune.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

/// <summary>
/// Words written through the API (an answer, a reply, a custom question and a check-in's words) are stored sealed: no
/// value of any row of any table holds them readably (read back with SQL, on both databases), and
/// neither do the files at rest: on SQLite the database file, its write-ahead log and the key folder,
/// on PostgreSQL (whose data files cannot be scanned here) the key folder.
/// </summary>
public abstract class EncryptionAtRestTests(AttuneApp app)
{
    [Fact]
    public async Task Answers_replies_and_custom_questions_written_through_the_api_are_nowhere_readable_at_rest()
    {
        var run = Guid.NewGuid().ToString("N");
        var canaries = new[] { $"CANARY-answer-{run}", $"CANARY-reply-{run}", $"CANARY-question-{run}", $"CANARY-checkin-{run}" };
        var (inviter, partner) = await app.CreatePairedCoupleAsync();
        var added = await inviter.Api.PostAsJsonAsync("/api/v1/questions/custom", new { text = canaries[2] + "?", category = "fun", depth = 1 });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        await (inviter, partner).BothAnswerAsync(canaries[0], "the partner's answer");
        var replied = await partner.Api.PostAsJsonAsync("/api/v1/today/reactions", new { kind = "heart", text = canaries[1] });
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        await inviter.SubmitCheckInAsync(CheckInClient.Full(concern: canaries[3], appreciation: canaries[3]));

        // The words are stored and come back to their readers, so the scans below look for something that is there.
        var seen = await inviter.Api.GetStringAsync("/api/v1/today") + await inviter.Api.GetStringAsync("/api/v1/questions/custom")
            + await inviter.Api.GetStringAsync("/api/v1/checkins/current");
        Assert.All(canaries, canary => Assert.Contains(canary, seen, StringComparison.Ordinal));

        var values = await app.WithDbAsync(ReadEveryValueAsync);
        Assert.Contains(values, v => v.Where.StartsWith("answers.", StringComparison.Ordinal));
        Assert.Contains(values, v => v.Where.StartsWith("checkins.", StringComparison.Ordinal));
        foreach (var (where, bytes) in values)
        {
            AssertAbsent(canaries, bytes, $"the row value {where}");
        }

        var files = FilesAtRest().ToList();
        Assert.Contains(files, f => Path.GetFileName(f) == "keys.db");
        foreach (var file in files)
        {
            AssertAbsent(canaries, await ReadSharedAsync(file), file);
        }
    }

    /// <summary>The files this provider keeps on this machine; each is scanned byte by byte.</summary>
    protected abstract IEnumerable<string> FilesAtRest();

    protected IEnumerable<string> KeyFolder() =>
        Directory.EnumerateFiles(app.Services.GetRequiredService<KeyDirectory>().Path, "*", SearchOption.AllDirectories);

    private static void AssertAbsent(string[] canaries, byte[] bytes, string where)
    {
        foreach (var canary in canaries)
        {
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(canary)), $"{where} holds {canary} in UTF-8");
            Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(canary)), $"{where} holds {canary} in UTF-16");
        }
    }

    /// <summary>Every value of every row of every table, as the database returns it: bytes as bytes, the rest as UTF-8 text.</summary>
    private static async Task<List<(string Where, byte[] Bytes)>> ReadEveryValueAsync(Attune.Data.AttuneDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = db.Database.IsSqlite()
                ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var values = new List<(string, byte[])>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values.Add(($"{table}.{reader.GetName(i)}", Bytes(reader, i)));
                }
            }
        }

        return values;
    }

    private static byte[] Bytes(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        byte[] bytes => bytes,
        DBNull => [],
        var value => Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
    };

    internal static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}

public sealed class SqliteEncryptionAtRestTests(AttuneApp app, ITestOutputHelper output) : EncryptionAtRestTests(app.LogsTo(output)), IClassFixture<AttuneApp>
{
    private readonly AttuneApp _app = app;

    [Fact]
    public async Task The_database_runs_in_wal_mode_with_normal_sync()
    {
        // A request starts the app, which migrates and switches the file to WAL.
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateHttpClient().GetAsync("/health/ready")).StatusCode);
        await using var connection = new SqliteConnection($"Data Source={_app.SqlitePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());

        var synchronous = await _app.WithDbAsync(async db =>
        {
            var appConnection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var pragma = appConnection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous";
            return Convert.ToInt32(await pragma.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        });
        Assert.Equal(1, synchronous); // NORMAL: safe across a process crash in WAL mode (ADR 0011, DurabilityTests)
    }

    /// <summary>The database file, its write-ahead log (which must exist: the app runs in WAL mode) and the key folder.</summary>
    protected override IEnumerable<string> FilesAtRest()
    {
        var files = Directory.EnumerateFiles(_app.DataDirectory, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("attune.db-wal", StringComparison.Ordinal));
        Assert.Contains(files, f => f == _app.SqlitePath);
        return files;
    }
}

public sealed class PostgresEncryptionAtRestTests(PostgresAttuneApp app, ITestOutputHelper output) : EncryptionAtRestTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>
{
    protected override IEnumerable<string> FilesAtRest() => KeyFolder();
}
