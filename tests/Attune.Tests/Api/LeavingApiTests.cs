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
        var ritual = await couple.Partner.Api.PostAsJsonAsync("/api/v1/rituals", new { title = leaver + " ritual", days = new List<string> { "monday" }, time = "19:00", durationMinutes = 30 });
        Assert.Equal(HttpStatusCode.Created, ritual.StatusCode);
        var coupleId = (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == couple.Inviter.Id))).CoupleId;

        Assert.Equal(HttpStatusCode.NoContent, (await couple.Inviter.Api.PostAsync("/api/v1/couple/leave", null)).StatusCode);
        // The couple's rituals end with it.
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Attune.Features.Rituals.Ritual>().IgnoreQueryFilters().CountAsync(r => r.CoupleId == coupleId)));

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

    [Fact]
    public async Task When_a_couple_ends_its_key_is_destroyed_and_the_remaining_partner_keeps_their_questions()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var kept = "KEPT-" + Guid.NewGuid().ToString("N");
        await couple.Inviter.Api.PostAsJsonAsync("/api/v1/questions/custom", new { text = "The leaver's question?", category = "fun", depth = 1 });
        await couple.Partner.Api.PostAsJsonAsync("/api/v1/questions/custom", new { text = kept + "?", category = "fun", depth = 1 });
        var coupleId = (await (await couple.Partner.Api.GetAsync("/api/v1/me")).ReadAsync<MeDto>()).CoupleId!.Value;
        var cipher = app.Services.GetRequiredService<FieldCipher>();
        var sealedBefore = await QuestionByAsync(couple.Partner.Id);
        Assert.Equal(KeyOwner.Couple(coupleId), cipher.OwnerOf(sealedBefore));

        Assert.Equal(HttpStatusCode.NoContent, (await couple.Inviter.Api.PostAsync("/api/v1/couple/leave", null)).StatusCode);

        // The couple key is gone (so any copy of what it sealed is unreadable); the partner's question was re-sealed under their own key.
        Assert.Null(cipher.OwnerOf(sealedBefore));
        Assert.Equal(KeyOwner.User(couple.Partner.Id), cipher.OwnerOf(await QuestionByAsync(couple.Partner.Id)));
        var export = await (await couple.Partner.Api.PostAsJsonAsync("/api/v1/me/export", new { password = couple.Partner.Password })).Content.ReadAsStringAsync();
        Assert.Contains(kept + "?", export, StringComparison.Ordinal);
    }

    private Task<byte[]> QuestionByAsync(Guid authorId) =>
        app.WithDbAsync(db => db.Set<CustomQuestion>().IgnoreQueryFilters().Where(q => q.AuthorId == authorId).Select(q => q.Text).SingleAsync());
}

public sealed class SqliteLeavingApiTests(AttuneApp app, ITestOutputHelper output) : LeavingApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

/// <summary>Crypto-shredding, proven with real backups of the SQLite file taken before the deletions.</summary>
public sealed class CryptoShreddingTests(AttuneApp app, ITestOutputHelper output) : IClassFixture<AttuneApp>
{
    private readonly AttuneApp app = app.LogsTo(output);

    [Fact]
    public async Task After_deletion_an_older_backup_of_the_database_cannot_be_read_without_the_destroyed_key()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var canary = "CANARY-" + Guid.NewGuid().ToString("N");
        await couple.BothAnswerAsync(canary, "partner");
        var backup = await BackupAsync();

        var cipher = app.Services.GetRequiredService<FieldCipher>();
        var sealedAnswer = await ReadAnswerAsync(backup, couple.Inviter.Id);
        Assert.Equal(canary, cipher.Open(KeyOwner.User(couple.Inviter.Id), sealedAnswer.Text, AnswerPrivacy.AnswerPurpose, AnswerPrivacy.AnswerRow(sealedAnswer)));

        await couple.Inviter.Api.PostAsJsonAsync("/api/v1/me/delete", new { password = couple.Inviter.Password });

        // The restored backup still holds the sealed answer, but its key is gone from the key folder.
        Assert.Equal(sealedAnswer.Text, (await ReadAnswerAsync(backup, couple.Inviter.Id)).Text);
        Assert.ThrowsAny<CryptographicException>(() =>
            cipher.Open(KeyOwner.User(couple.Inviter.Id), sealedAnswer.Text, AnswerPrivacy.AnswerPurpose, AnswerPrivacy.AnswerRow(sealedAnswer)));
        Assert.False((await File.ReadAllBytesAsync(backup)).AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(canary)) >= 0);
    }

    [Fact]
    public async Task After_both_partners_delete_their_accounts_older_backups_cannot_read_their_custom_questions()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var (inviters, partners) = ("INVITER-" + Guid.NewGuid().ToString("N"), "PARTNER-" + Guid.NewGuid().ToString("N"));
        await couple.Inviter.Api.PostAsJsonAsync("/api/v1/questions/custom", new { text = inviters + "?", category = "values", depth = 2 });
        await couple.Partner.Api.PostAsJsonAsync("/api/v1/questions/custom", new { text = partners + "?", category = "fun", depth = 1 });
        var cipher = app.Services.GetRequiredService<FieldCipher>();
        var whileTogether = await BackupAsync();
        Assert.Equal([inviters + "?", partners + "?"], (await ReadQuestionsAsync(whileTogether)).Select(q => CustomQuestionText.Open(cipher, q)).Order());

        Assert.Equal(HttpStatusCode.NoContent, (await couple.Inviter.Api.PostAsJsonAsync("/api/v1/me/delete", new { password = couple.Inviter.Password })).StatusCode);
        // The couple ended; the partner's own question is still theirs to read.
        var export = await (await couple.Partner.Api.PostAsJsonAsync("/api/v1/me/export", new { password = couple.Partner.Password })).Content.ReadAsStringAsync();
        Assert.Contains(partners, export, StringComparison.Ordinal);
        var afterTheFirst = await BackupAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await couple.Partner.Api.PostAsJsonAsync("/api/v1/me/delete", new { password = couple.Partner.Password })).StatusCode);

        foreach (var backup in new[] { whileTogether, afterTheFirst })
        {
            var questions = await ReadQuestionsAsync(backup);
            Assert.NotEmpty(questions);
            Assert.All(questions, q => Assert.ThrowsAny<CryptographicException>(() => CustomQuestionText.Open(cipher, q)));
        }
    }

    /// <summary>A consistent copy of the SQLite file, as an operator's backup would be.</summary>
    private async Task<string> BackupAsync()
    {
        var backup = Path.Combine(app.DataDirectory, $"backup-{Guid.NewGuid():N}.db");
        await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {backup}");
            return 0;
        });
        return backup;
    }

    private static async Task<Answer> ReadAnswerAsync(string database, Guid userId)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT couple_id, date, text FROM answers WHERE user_id = $user";
        command.Parameters.AddWithValue("$user", userId.ToString().ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "the backup holds no answer of this person");
        return new Answer
        {
            CoupleId = Guid.Parse(reader.GetString(0)),
            Date = DateOnly.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
            UserId = userId,
            Text = (byte[])reader[2],
        };
    }

    private static async Task<List<CustomQuestion>> ReadQuestionsAsync(string database)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT couple_id, id, author_id, text FROM custom_questions";
        await using var reader = await command.ExecuteReaderAsync();
        var questions = new List<CustomQuestion>();
        while (await reader.ReadAsync())
        {
            questions.Add(new CustomQuestion
            {
                CoupleId = Guid.Parse(reader.GetString(0)),
                Id = Guid.Parse(reader.GetString(1)),
                AuthorId = Guid.Parse(reader.GetString(2)),
                Text = (byte[])reader[3],
            });
        }

        return questions;
    }

    private static async Task<SqliteConnection> OpenAsync(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}

public sealed class PostgresLeavingApiTests(PostgresAttuneApp app, ITestOutputHelper output) : LeavingApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
