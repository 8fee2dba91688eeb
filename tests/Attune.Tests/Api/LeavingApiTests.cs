using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Attune.Encryption;
using Attune.Features.Questions;
using Attune.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

/// <summary>Safe exit: leaving a couple and deleting an account; runs on SQLite and PostgreSQL.</summary>
public abstract class LeavingApiTests(AttuneApp app)
{
    [Fact]
    public async Task Leaving_takes_the_leavers_words_and_the_partner_learns_only_that_the_couple_ended()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var leaver = "LEAVER-" + Guid.NewGuid().ToString("N");
        await couple.BothAnswerAsync(leaver, "stays with the partner");
        await couple.Inviter.Api.PostAsJsonAsync("/api/v1/questions/custom", new { text = leaver + "?", category = "fun", depth = 1 });

        Assert.Equal(HttpStatusCode.NoContent, (await couple.Inviter.Api.PostAsync("/api/v1/couple/leave", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await couple.Inviter.Api.GetAsync("/api/v1/couple")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await couple.Partner.Api.GetAsync("/api/v1/couple")).StatusCode);
        var partnerMe = await (await couple.Partner.Api.GetAsync("/api/v1/me")).ReadAsync<MeDto>();
        Assert.Null(partnerMe.CoupleId);
        Assert.NotNull(partnerMe.CoupleEndedAt);
        Assert.Null((await (await couple.Inviter.Api.GetAsync("/api/v1/me")).ReadAsync<MeDto>()).CoupleEndedAt);

        var partnerExport = await (await couple.Partner.Api.PostAsJsonAsync("/api/v1/me/export", new { password = couple.Partner.Password })).Content.ReadAsStringAsync();
        Assert.Contains("stays with the partner", partnerExport, StringComparison.Ordinal);
        Assert.DoesNotContain(leaver, partnerExport, StringComparison.Ordinal);
        var leftBehind = await app.WithDbAsync(db => db.Set<Answer>().IgnoreQueryFilters().CountAsync(a => a.UserId == couple.Inviter.Id));
        Assert.Equal(0, leftBehind);
        Assert.Equal(HttpStatusCode.Conflict, (await couple.Inviter.Api.PostAsync("/api/v1/couple/leave", null)).StatusCode);

        // Both can start again with someone new.
        var newPartner = await app.RegisterAsync();
        Assert.Equal(HttpStatusCode.OK, (await newPartner.JoinAsync((await couple.Partner.InviteAsync()).Code)).StatusCode);
        Assert.Null((await (await couple.Partner.Api.GetAsync("/api/v1/me")).ReadAsync<MeDto>()).CoupleEndedAt);
    }

    [Fact]
    public async Task Deleting_the_account_needs_the_password_and_then_nothing_of_it_remains()
    {
        var couple = await app.CreatePairedCoupleAsync();
        await couple.BothAnswerAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await couple.Inviter.Api.PostAsJsonAsync("/api/v1/me/delete", new { password = "wrong" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await couple.Inviter.Api.PostAsJsonAsync("/api/v1/me/delete", new { password = couple.Inviter.Password })).StatusCode);

        using var anonymous = app.CreateHttpClient();
        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = couple.Inviter.Email, password = couple.Inviter.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Id == couple.Inviter.Id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Answer>().IgnoreQueryFilters().CountAsync(a => a.UserId == couple.Inviter.Id)));
        Assert.NotNull((await (await couple.Partner.Api.GetAsync("/api/v1/me")).ReadAsync<MeDto>()).CoupleEndedAt);
    }
}

public sealed class SqliteLeavingApiTests(AttuneApp app, ITestOutputHelper output) : LeavingApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

/// <summary>Crypto-shredding, proven with a real backup of the SQLite file taken before the deletion.</summary>
public sealed class CryptoShreddingTests(AttuneApp app, ITestOutputHelper output) : IClassFixture<AttuneApp>
{
    private readonly AttuneApp app = app.LogsTo(output);

    [Fact]
    public async Task After_deletion_an_older_backup_of_the_database_cannot_be_read_without_the_destroyed_key()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var canary = "CANARY-" + Guid.NewGuid().ToString("N");
        await couple.BothAnswerAsync(canary, "partner");
        var backup = Path.Combine(app.DataDirectory, "backup.db");
        await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {backup}");
            return 0;
        });

        var cipher = app.Services.GetRequiredService<FieldCipher>();
        var sealedAnswer = await ReadAnswerAsync(backup, couple.Inviter.Id);
        Assert.Equal(canary, cipher.Open(KeyOwner.User(couple.Inviter.Id), sealedAnswer, AnswerPrivacy.AnswerPurpose));

        await couple.Inviter.Api.PostAsJsonAsync("/api/v1/me/delete", new { password = couple.Inviter.Password });

        // The restored backup still holds the sealed answer, but its key is gone from the key folder.
        Assert.Equal(sealedAnswer, await ReadAnswerAsync(backup, couple.Inviter.Id));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(KeyOwner.User(couple.Inviter.Id), sealedAnswer, AnswerPrivacy.AnswerPurpose));
        Assert.False((await File.ReadAllBytesAsync(backup)).AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(canary)) >= 0);
    }

    private static async Task<byte[]> ReadAnswerAsync(string database, Guid userId)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT text FROM answers WHERE user_id = $user";
        command.Parameters.AddWithValue("$user", userId.ToString().ToUpperInvariant());
        return (byte[])(await command.ExecuteScalarAsync())!;
    }
}

public sealed class PostgresLeavingApiTests(PostgresAttuneApp app, ITestOutputHelper output) : LeavingApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
