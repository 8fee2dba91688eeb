using System.Net;
using System.Net.Http.Json;
using Attune.Tests.Fixtures;
using Microsoft.Data.Sqlite;

namespace Attune.Tests.Api;

/// <summary>
/// Deleted ciphertext does not linger in the SQLite file: the app's connections run with secure_delete, so a
/// deleted row's bytes are overwritten, not left in free space for a copy of the disk to find.
/// </summary>
public sealed class SecureDeleteTests(AttuneApp app, ITestOutputHelper output) : IClassFixture<AttuneApp>
{
    private readonly AttuneApp app = app.LogsTo(output);

    [Fact]
    public async Task A_deleted_accounts_sealed_answers_are_gone_from_the_database_file()
    {
        var couple = await app.CreatePairedCoupleAsync();
        await couple.BothAnswerAsync("mine", "my partner's");
        var sealedAnswer = await ReadAnswerAsync(couple.Partner.Id);

        Assert.Equal(HttpStatusCode.NoContent,
            (await couple.Partner.Api.PostAsJsonAsync("/api/v1/me/delete", new { password = couple.Partner.Password })).StatusCode);
        await using (var connection = await OpenAsync())
        {
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        foreach (var file in new[] { app.SqlitePath, app.SqlitePath + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes);
            Assert.False(bytes.ToArray().AsSpan().IndexOf(sealedAnswer) >= 0, $"{file} still holds the deleted answer's ciphertext");
        }
    }

    private async Task<byte[]> ReadAnswerAsync(Guid userId)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT text FROM answers WHERE user_id = $user";
        command.Parameters.AddWithValue("$user", userId.ToString().ToUpperInvariant());
        return (byte[])(await command.ExecuteScalarAsync())!;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={app.SqlitePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
