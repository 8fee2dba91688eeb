using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Attune.Data;
using Attune.Encryption;
using Attune.Features.Questions;
using Attune.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

/// <summary>
/// The app with a fault the test can arm: the next statement that deletes answers fails, as if the process
/// died right there, half-way through deleting an account. Nothing of this is in the app's own code.
/// </summary>
public class DeletionFaultApp : AttuneApp
{
    public DeletionFaultApp()
        : this(DatabaseKind.Sqlite)
    {
    }

    protected DeletionFaultApp(DatabaseKind database)
        : base(database)
    {
    }

    internal AnswerDeletionFault Fault { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<AttuneDbContext>(o => o.AddInterceptors(Fault)));
    }
}

public sealed class PostgresDeletionFaultApp() : DeletionFaultApp(DatabaseKind.Postgres);

/// <summary>Once armed, fails the next statement that deletes answers.</summary>
internal sealed partial class AnswerDeletionFault : DbCommandInterceptor
{
    private int _armed;

    public void Arm() => Volatile.Write(ref _armed, 1);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        // SQLite quotes the table name, PostgreSQL does not need to.
        if (DeletesAnswers().IsMatch(command.CommandText) && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            throw new InvalidOperationException("Simulated crash half-way through deleting an account.");
        }

        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    [GeneratedRegex("DELETE FROM \"?answers\"? ")]
    private static partial Regex DeletesAnswers();
}

/// <summary>Deleting an account destroys the keys first and the rows after, so stopping half-way leaves nothing readable.</summary>
public abstract class InterruptedDeletionTests(DeletionFaultApp app)
{
    [Fact]
    public async Task A_deletion_that_stops_half_way_leaves_no_readable_words_and_repeating_it_finishes_it()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var (canary, kept) = ("CANARY-" + Guid.NewGuid().ToString("N"), "KEPT-" + Guid.NewGuid().ToString("N"));
        await couple.Inviter.Api.PostAsJsonAsync("/api/v1/questions/custom", new { text = canary + " question?", category = "fun", depth = 1 });
        await couple.Partner.Api.PostAsJsonAsync("/api/v1/questions/custom", new { text = kept + "?", category = "fun", depth = 1 });
        await couple.BothAnswerAsync(canary + " answer", "the partner's answer");
        await couple.Inviter.Api.PostAsJsonAsync("/api/v1/today/reactions", new { kind = "heart", text = canary + " reply" });

        app.Fault.Arm();
        var interrupted = await couple.Inviter.Api.PostAsJsonAsync("/api/v1/me/delete", new { password = couple.Inviter.Password });
        Assert.False(interrupted.IsSuccessStatusCode);

        // It really stopped half-way: the rows are there. None of them opens any more.
        var (answers, reactions, questions) = await RowsOfAsync(couple.Inviter.Id);
        Assert.NotEmpty(answers);
        Assert.NotEmpty(reactions);
        Assert.NotEmpty(questions);
        var cipher = app.Services.GetRequiredService<FieldCipher>();
        var author = KeyOwner.User(couple.Inviter.Id);
        Assert.All(answers, a => Assert.ThrowsAny<CryptographicException>(() => cipher.Open(author, a.Text, AnswerPrivacy.AnswerPurpose, AnswerPrivacy.AnswerRow(a))));
        Assert.All(reactions, r => Assert.ThrowsAny<CryptographicException>(() => cipher.Open(author, r.Reply!, AnswerPrivacy.ReplyPurpose, AnswerPrivacy.ReplyRow(r))));
        Assert.All(questions, q => Assert.ThrowsAny<CryptographicException>(() => CustomQuestionText.Open(cipher, q)));

        // The partner's view of that day fails closed, with a problem that says so and no words in it.
        var history = await couple.Partner.Api.GetAsync("/api/v1/questions/history");
        Assert.Equal(HttpStatusCode.InternalServerError, history.StatusCode);
        Assert.Equal("application/problem+json", history.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(canary, await history.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await couple.Inviter.Api.PostAsJsonAsync("/api/v1/me/delete", new { password = couple.Inviter.Password })).StatusCode);

        var left = await RowsOfAsync(couple.Inviter.Id);
        Assert.Empty(left.Answers);
        Assert.Empty(left.Reactions);
        Assert.Empty(left.Questions);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Id == couple.Inviter.Id)));
        Assert.NotNull((await (await couple.Partner.Api.GetAsync("/api/v1/me")).ReadAsync<MeDto>()).CoupleEndedAt);
        var export = await (await couple.Partner.Api.PostAsJsonAsync("/api/v1/me/export", new { password = couple.Partner.Password })).Content.ReadAsStringAsync();
        Assert.Contains(kept + "?", export, StringComparison.Ordinal);
    }

    private Task<(List<Answer> Answers, List<Reaction> Reactions, List<CustomQuestion> Questions)> RowsOfAsync(Guid userId) =>
        app.WithDbAsync(async db => (
            await db.Set<Answer>().IgnoreQueryFilters().Where(a => a.UserId == userId).ToListAsync(),
            await db.Set<Reaction>().IgnoreQueryFilters().Where(r => r.UserId == userId && r.Reply != null).ToListAsync(),
            await db.Set<CustomQuestion>().IgnoreQueryFilters().Where(q => q.AuthorId == userId).ToListAsync()));
}

public sealed class SqliteInterruptedDeletionTests(DeletionFaultApp app) : InterruptedDeletionTests(app), IClassFixture<DeletionFaultApp>;

public sealed class PostgresInterruptedDeletionTests(PostgresDeletionFaultApp app) : InterruptedDeletionTests(app), IClassFixture<PostgresDeletionFaultApp>;
