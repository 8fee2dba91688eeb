using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Attune.Encryption;
using Attune.Features.Quiz;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Api;

public sealed record QuizScoreDto(int Right, int Close, int NotQuite, int Total);

public sealed record QuizItemDto(string QuestionId, string Theme, string Question, string? Answer, string? Guess, string? Mark, string? PreviousAnswer, DateTimeOffset? PreviousAt);

public sealed record QuizRoundDto(Guid Id, string Role, string State, bool PartnerDone, DateTimeOffset CreatedAt, DateTimeOffset? RevealedAt, List<QuizItemDto> Items, QuizScoreDto? Score);

/// <summary>The know-me quiz: the subject's answers never reach the guesser before the guesses are in; marks, score, retakes.</summary>
public abstract partial class QuizApiTests(AttuneApp app)
{
    [Fact]
    public async Task The_answers_reach_the_guesser_only_after_the_guesses_are_in_and_are_resealed_for_the_couple()
    {
        var (subject, guesser) = await app.CreatePairedCoupleAsync();
        var canary = "QUIZ-" + Guid.NewGuid().ToString("N");
        var round = await StartAsync(subject, "me");
        Assert.Equal(("subject", "your-turn", QuizPicker.RoundSize), (round.Role, round.State, round.Items.Count));
        var answered = await SendAsync(subject, round, n => $"{canary} {n}");
        Assert.Equal(("waiting", $"{canary} 0", (string?)null), (answered.State, answered.Items[0].Answer, answered.Items[0].Guess));

        var first = await app.WithDbAsync(db => db.Set<QuizItem>().IgnoreQueryFilters().FirstAsync(i => i.RoundId == round.Id));
        var cipher = app.Services.GetRequiredService<FieldCipher>();
        Assert.Equal(KeyOwner.User(subject.Id), cipher.OwnerOf(first.Answer!));

        var seen = await (await guesser.Api.GetAsync($"/api/v1/quiz/rounds/{round.Id}")).ReadAsync<QuizRoundDto>();
        Assert.Equal(("guesser", "your-turn", true), (seen.Role, seen.State, seen.PartnerDone));
        Assert.All(seen.Items, i => Assert.Null(i.Answer));
        await SweepAsync(guesser, round.Id, canary);

        // The guesses are the guesser's until the answers are in too; sending them reveals both.
        var guessCanary = "GUESS-" + Guid.NewGuid().ToString("N");
        var revealed = await SendAsync(guesser, round, n => $"{guessCanary} {n}");
        Assert.Equal(("revealed", $"{canary} 3", $"{guessCanary} 3"), (revealed.State, revealed.Items[3].Answer, revealed.Items[3].Guess));
        var both = await (await subject.Api.GetAsync($"/api/v1/quiz/rounds/{round.Id}")).ReadAsync<QuizRoundDto>();
        Assert.Equal(($"{guessCanary} 0", new QuizScoreDto(0, 0, 0, QuizPicker.RoundSize)), (both.Items[0].Guess, both.Score));
        var sealedNow = await app.WithDbAsync(db => db.Set<QuizItem>().IgnoreQueryFilters().FirstAsync(i => i.RoundId == round.Id));
        Assert.Equal((KeyOwner.Couple(first.CoupleId), KeyOwner.Couple(first.CoupleId)), (cipher.OwnerOf(sealedNow.Answer!), cipher.OwnerOf(sealedNow.Guess!)));
        using var pages = await app.PageClientAsync(guesser);
        Assert.Contains(canary, await pages.GetStringAsync($"/quiz/round/{round.Id}"), StringComparison.Ordinal);

        // Each export holds only its owner's words.
        var subjectExport = await (await subject.Api.PostAsJsonAsync("/api/v1/me/export", new { password = subject.Password })).Content.ReadAsStringAsync();
        var guesserExport = await (await guesser.Api.PostAsJsonAsync("/api/v1/me/export", new { password = guesser.Password })).Content.ReadAsStringAsync();
        Assert.True(subjectExport.Contains(canary, StringComparison.Ordinal) && !subjectExport.Contains(guessCanary, StringComparison.Ordinal), "the subject's export");
        Assert.True(guesserExport.Contains(guessCanary, StringComparison.Ordinal) && !guesserExport.Contains(canary, StringComparison.Ordinal), "the guesser's export");
    }

    [Fact]
    public async Task The_guesser_marks_their_own_guesses_after_the_reveal_and_the_score_counts_them()
    {
        var (subject, guesser) = await app.CreatePairedCoupleAsync();
        var round = await StartAsync(guesser, "partner");
        Assert.Equal("guesser", round.Role);
        await SendAsync(guesser, round, n => $"guess {n}");
        Assert.Equal(HttpStatusCode.Conflict, (await MarkAsync(guesser, round, "right")).StatusCode);
        await SendAsync(subject, round, n => $"answer {n}");

        Assert.Equal(HttpStatusCode.Conflict, (await MarkAsync(subject, round, "right")).StatusCode);
        var marks = round.Items.Select((item, n) => new { questionId = item.QuestionId, mark = n < 3 ? "right" : n < 5 ? "close" : "not-quite" }).ToList();
        var marked = await (await guesser.Api.PutAsJsonAsync($"/api/v1/quiz/rounds/{round.Id}/marks", new { marks })).ReadAsync<QuizRoundDto>();
        Assert.Equal(new QuizScoreDto(3, 2, QuizPicker.RoundSize - 5, QuizPicker.RoundSize), marked.Score);
        Assert.Equal("close", marked.Items[3].Mark);

        // A mark can change; the subject sees the same score in the list.
        await MarkAsync(guesser, round, "right");
        var listed = (await subject.Api.GetFromJsonAsync<List<QuizRoundDto>>("/api/v1/quiz/rounds"))!.Single();
        Assert.Equal(new QuizScoreDto(4, 1, QuizPicker.RoundSize - 5, QuizPicker.RoundSize), listed.Score);
    }

    [Fact]
    public async Task A_retake_months_later_shows_the_previous_answer_beside_the_new_one()
    {
        var (subject, guesser) = await app.CreatePairedCoupleAsync();
        var first = await StartAsync(subject, "me");
        await SendAsync(subject, first, n => $"then {n}");
        await SendAsync(guesser, first, n => $"guess {n}");

        app.Time.Advance(TimeSpan.FromDays(120));
        var second = await StartAsync(guesser, "partner");
        var repeated = second.Items.Select(i => i.QuestionId).Intersect(first.Items.Select(i => i.QuestionId)).ToList();
        Assert.Equal(QuizPicker.Repeats, repeated.Count);
        await SendAsync(subject, second, n => $"now {n}");
        Assert.All((await (await subject.Api.GetAsync($"/api/v1/quiz/rounds/{second.Id}")).ReadAsync<QuizRoundDto>()).Items, i => Assert.Null(i.PreviousAnswer));
        var revealed = await SendAsync(guesser, second, n => $"guess {n}");

        foreach (var item in revealed.Items)
        {
            var before = first.Items.FindIndex(i => i.QuestionId == item.QuestionId);
            Assert.Equal(before < 0 ? null : $"then {before}", item.PreviousAnswer);
        }

        using var pages = await app.PageClientAsync(subject);
        var html = await pages.GetStringAsync($"/quiz/round/{second.Id}");
        Assert.Contains("People change", html, StringComparison.Ordinal);
        Assert.Contains($"then {first.Items.FindIndex(i => i.QuestionId == repeated[0])}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_field_errors_and_nothing_is_saved()
    {
        var (subject, guesser) = await app.CreatePairedCoupleAsync();
        Assert.Contains("\"subject\"", await (await subject.Api.PostAsJsonAsync("/api/v1/quiz/rounds", new { subject = "us" })).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var round = await StartAsync(subject, "me");
        Assert.Equal(HttpStatusCode.Conflict, (await guesser.Api.PostAsJsonAsync("/api/v1/quiz/rounds", new { subject = "partner" })).StatusCode);

        var cases = new (Func<int, string> Text, string Field)[]
        {
            (n => n == 2 ? " " : "fine", "items[2].text"),
            (n => n == 0 ? new string('a', QuizService.MaxTextLength + 1) : "fine", "items[0].text"),
        };
        foreach (var (text, field) in cases)
        {
            var response = await subject.Api.PutAsJsonAsync($"/api/v1/quiz/rounds/{round.Id}/mine",
                new { items = round.Items.Select((i, n) => new { questionId = i.QuestionId, text = text(n) }) });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var unknown = await subject.Api.PutAsJsonAsync($"/api/v1/quiz/rounds/{round.Id}/mine", new { items = new[] { new { questionId = "not-a-question", text = "x" } } });
        Assert.Contains("\"items\"", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("your-turn", (await (await subject.Api.GetAsync($"/api/v1/quiz/rounds/{round.Id}")).ReadAsync<QuizRoundDto>()).State);

        await SendAsync(subject, round, n => "once");
        Assert.Equal(HttpStatusCode.Conflict, (await subject.Api.PutAsJsonAsync($"/api/v1/quiz/rounds/{round.Id}/mine",
            new { items = round.Items.Select(i => new { questionId = i.QuestionId, text = "twice" }) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await subject.Api.GetAsync($"/api/v1/quiz/rounds/{Guid.NewGuid()}")).StatusCode);

        // The page shows the same words beside the field and keeps what was typed.
        using var pages = await app.PageClientAsync(guesser);
        var form = await pages.GetStringAsync($"/quiz/round/{round.Id}");
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value };
        for (var n = 0; n < round.Items.Count; n++)
        {
            fields[$"Items[{n}].QuestionId"] = round.Items[n].QuestionId;
            fields[$"Items[{n}].Text"] = n == 1 ? "" : $"kept {n}";
        }

        var page = await (await pages.PostAsync($"/quiz/round/{round.Id}?handler=Send", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();
        Assert.Contains("Please make a guess for this question.", page, StringComparison.Ordinal);
        Assert.Contains("kept 3", page, StringComparison.Ordinal);
    }

    private static async Task<QuizRoundDto> StartAsync(TestUser user, string subject)
    {
        var response = await user.Api.PostAsJsonAsync("/api/v1/quiz/rounds", new { subject });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<QuizRoundDto>();
    }

    private static async Task<QuizRoundDto> SendAsync(TestUser user, QuizRoundDto round, Func<int, string> text)
    {
        var response = await user.Api.PutAsJsonAsync($"/api/v1/quiz/rounds/{round.Id}/mine",
            new { items = round.Items.Select((i, n) => new { questionId = i.QuestionId, text = text(n) }) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<QuizRoundDto>();
    }

    private static Task<HttpResponseMessage> MarkAsync(TestUser user, QuizRoundDto round, string mark) =>
        user.Api.PutAsJsonAsync($"/api/v1/quiz/rounds/{round.Id}/marks", new { marks = new[] { new { questionId = round.Items[3].QuestionId, mark } } });

    /// <summary>Every GET route (ids aimed at the round), the guesser's export, every page and the round's page: none holds the canary.</summary>
    private async Task SweepAsync(TestUser guesser, Guid id, string canary)
    {
        var seen = new List<(string What, string Text)>();
        foreach (var route in ApiRoutes.Of(app).Where(r => r.Method == "GET"))
        {
            var response = await guesser.Api.GetAsync(RouteValue().Replace(route.Pattern, id.ToString()));
            Assert.True((int)response.StatusCode < 500, $"{route.Name} answered {(int)response.StatusCode}");
            seen.Add((route.Name, await response.Content.ReadAsStringAsync()));
        }

        seen.Add(("export", await (await guesser.Api.PostAsJsonAsync("/api/v1/me/export", new { password = guesser.Password })).Content.ReadAsStringAsync()));
        using var pages = await app.PageClientAsync(guesser);
        var paths = PageRoutes.Of(app).Where(p => p is not "/signout" and not "/exit").Append($"/quiz/round/{id}").ToList();
        Assert.Contains("/today", paths);
        foreach (var path in paths)
        {
            seen.Add((path, await (await pages.GetAsync(path)).Content.ReadAsStringAsync()));
        }

        Assert.True(seen.Count > 30, $"only {seen.Count} responses were looked at");
        Assert.Contains(seen, s => s.What == "/today" && s.Text.Contains("A know-me round", StringComparison.Ordinal));
        Assert.All(seen, s => Assert.False(s.Text.Contains(canary, StringComparison.Ordinal), $"{s.What} showed the guesser an answer before the guesses were in"));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class SqliteQuizApiTests(AttuneApp app, ITestOutputHelper output) : QuizApiTests(app.LogsTo(output)), IClassFixture<AttuneApp>;

public sealed class PostgresQuizApiTests(PostgresAttuneApp app, ITestOutputHelper output) : QuizApiTests(app.LogsTo(output)), IClassFixture<PostgresAttuneApp>;
