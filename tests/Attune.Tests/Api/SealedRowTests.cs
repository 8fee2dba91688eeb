using System.Net;
using System.Net.Http.Json;
using Attune.Encryption;
using Attune.Features.Questions;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

/// <summary>
/// A sealed value is bound to its row: copied into another row it fails closed, and the API says so
/// without showing it. Values of the earlier format (no row bound) still open. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class SealedRowTests(AttuneApp app)
{
    [Fact]
    public async Task An_answer_copied_into_another_day_fails_closed_and_no_words_reach_the_response()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var monday = "MONDAY-" + Guid.NewGuid().ToString("N");
        var first = await couple.BothAnswerAsync(monday, "the partner on Monday");
        app.Time.Advance(TimeSpan.FromDays(1));
        var second = await couple.BothAnswerAsync("the inviter on Tuesday", "the partner on Tuesday");

        // Someone who can write to the database copies Monday's sealed answer over Tuesday's: same author, key and field.
        await SetAnswerAsync(couple.Inviter.Id, second.Date, await AnswerAsync(couple.Inviter.Id, first.Date));
        app.Time.Advance(TimeSpan.FromDays(1));

        foreach (var response in new[]
                 {
                     await couple.Inviter.Api.GetAsync("/api/v1/questions/history"),
                     await couple.Partner.Api.GetAsync("/api/v1/questions/history"),
                     await couple.Inviter.Api.PostAsJsonAsync("/api/v1/me/export", new { password = couple.Inviter.Password }),
                 })
        {
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain(monday, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_answer_sealed_in_the_earlier_format_still_opens_for_its_author_and_after_the_reveal_for_the_partner()
    {
        var couple = await app.CreatePairedCoupleAsync();
        var day = await couple.BothAnswerAsync("replaced below", "the partner's answer");
        var old = "OLD-FORMAT-" + Guid.NewGuid().ToString("N");
        var vault = app.Services.GetRequiredService<KeyVault>();
        await SetAnswerAsync(couple.Inviter.Id, day.Date, LegacyFieldCipher.SealVersion1(vault, KeyOwner.User(couple.Inviter.Id), old, AnswerPrivacy.AnswerPurpose));
        app.Time.Advance(TimeSpan.FromDays(1));

        var mine = await couple.Inviter.Api.GetFromJsonAsync<HistoryDto>("/api/v1/questions/history");
        var partners = await couple.Partner.Api.GetFromJsonAsync<HistoryDto>("/api/v1/questions/history");
        Assert.Equal(old, Assert.Single(mine!.Items).Mine.Text);
        Assert.Equal(old, Assert.Single(partners!.Items).Partner.Text);
        var export = await couple.Inviter.Api.PostAsJsonAsync("/api/v1/me/export", new { password = couple.Inviter.Password });
        Assert.Contains(old, await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<byte[]> AnswerAsync(Guid userId, DateOnly date) =>
        app.WithDbAsync(db => db.Set<Answer>().IgnoreQueryFilters().Where(a => a.UserId == userId && a.Date == date).Select(a => a.Text).SingleAsync());

    private Task<int> SetAnswerAsync(Guid userId, DateOnly date, byte[] text) =>
        app.WithDbAsync(db => db.Set<Answer>().IgnoreQueryFilters().Where(a => a.UserId == userId && a.Date == date)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, text)));
}

public sealed class SqliteSealedRowTests(AttuneApp app) : SealedRowTests(app), IClassFixture<AttuneApp>;

public sealed class PostgresSealedRowTests(PostgresAttuneApp app) : SealedRowTests(app), IClassFixture<PostgresAttuneApp>;
