using Attune.Data;
using Attune.Encryption;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Quiz;

internal enum QuizRole
{
    Subject,
    Guesser,
}

internal enum QuizState
{
    YourTurn,
    Waiting,
    Revealed,
}

/// <summary>Who the round is about: "me" (the caller answers) or "partner" (the caller guesses).</summary>
internal sealed record QuizStartRequest(string? Subject);

internal sealed record QuizEntry(string? QuestionId, string? Text);

internal sealed record QuizSubmitRequest(IReadOnlyList<QuizEntry>? Items);

internal sealed record QuizMarkEntry(string? QuestionId, QuizMark? Mark);

internal sealed record QuizMarksRequest(IReadOnlyList<QuizMarkEntry>? Marks);

internal sealed record QuizScore(int Right, int Close, int NotQuite, int Total);

/// <summary>
/// One question as the caller may see it: <c>Answer</c> (the subject's) and <c>Guess</c> are each shown to
/// their writer, and to the other partner only once the round is revealed; so is the previous answer.
/// </summary>
internal sealed record QuizItemView(
    string QuestionId, string Theme, string Question, string? Answer, string? Guess, QuizMark? Mark, string? PreviousAnswer, DateTimeOffset? PreviousAt);

internal sealed record QuizRoundView(
    Guid Id, QuizRole Role, QuizState State, bool PartnerDone, DateTimeOffset CreatedAt, DateTimeOffset? RevealedAt, IReadOnlyList<QuizItemView> Items, QuizScore? Score);

internal sealed record QuizRoundSummary(Guid Id, QuizRole Role, QuizState State, DateTimeOffset CreatedAt, DateTimeOffset? RevealedAt, QuizScore? Score);

/// <summary>
/// The know-me quiz. The reveal rule: until both have sent theirs, the subject's answers are sealed under
/// the subject's key and never opened for the guesser (and the guesses likewise under the guesser's); the
/// second sending re-seals both under the couple's key and opens the round to both.
/// </summary>
internal sealed class QuizService(AttuneDbContext db, Caller caller, FieldCipher cipher, TimeProvider time, IStringLocalizer<QuizText> t)
{
    public const int MaxTextLength = 200;
    public const string AnswerPurpose = "quiz-answer";
    public const string GuessPurpose = "quiz-guess";

    public static string Row(QuizItem i) => $"quiz_items/{i.CoupleId:N}/{i.RoundId:N}/{i.QuestionId}";

    public async Task<Outcome<QuizRoundView>> StartAsync(QuizStartRequest request, CancellationToken ct)
    {
        if (request.Subject is not ("me" or "partner"))
        {
            return Failure.Field("subject", t["error.subject"]);
        }

        var partner = await db.Users.AsNoTracking().Where(u => u.CoupleId == caller.Couple && u.Id != caller.UserId).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (partner is not { } partnerId)
        {
            return Failure.Conflict(t["error.nopartner.title"], t["error.nopartner.detail"]);
        }

        var (subject, guesser) = request.Subject == "me" ? (caller.UserId, partnerId) : (partnerId, caller.UserId);
        if (await db.Set<QuizRound>().AnyAsync(r => r.SubjectId == subject && r.RevealedAt == null, ct))
        {
            return Failure.Conflict(t["error.open.title"], t["error.open.detail"]);
        }

        var asked = await db.Set<QuizItem>().AsNoTracking()
            .Where(i => db.Set<QuizRound>().Any(r => r.Id == i.RoundId && r.SubjectId == subject && r.RevealedAt != null))
            .Select(i => i.QuestionId).Distinct().ToListAsync(ct);
        var round = new QuizRound { CoupleId = caller.Couple, Id = Guid.NewGuid(), SubjectId = subject, GuesserId = guesser, CreatedAt = time.GetUtcNow() };
        db.Add(round);
        var position = 0;
        foreach (var id in QuizPicker.Pick(asked.ToHashSet(StringComparer.Ordinal), Random.Shared))
        {
            db.Add(new QuizItem { CoupleId = round.CoupleId, RoundId = round.Id, QuestionId = id, Position = position++ });
        }

        await db.SaveChangesAsync(ct);
        return (await GetAsync(round.Id, ct)).Value!;
    }

    public async Task<List<QuizRoundSummary>> ListAsync(CancellationToken ct)
    {
        var rounds = await db.Set<QuizRound>().AsNoTracking().OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        var marks = await db.Set<QuizItem>().AsNoTracking().Select(i => new { i.RoundId, i.Mark }).ToListAsync(ct);
        return [.. rounds.Select(r =>
        {
            var state = StateOf(r);
            return new QuizRoundSummary(r.Id, RoleOf(r), state, r.CreatedAt, r.RevealedAt,
                state == QuizState.Revealed ? Score([.. marks.Where(m => m.RoundId == r.Id).Select(m => m.Mark)]) : null);
        })];
    }

    public async Task<Outcome<QuizRoundView>> GetAsync(Guid id, CancellationToken ct)
    {
        var round = await db.Set<QuizRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return NotFound();
        }

        var items = await db.Set<QuizItem>().AsNoTracking().Where(i => i.RoundId == id).OrderBy(i => i.Position).ToListAsync(ct);
        var revealed = round.RevealedAt is not null;
        var previous = revealed ? await PreviousAnswersAsync(round, ct) : [];
        var role = RoleOf(round);
        var views = items.Select(i => new QuizItemView(
            i.QuestionId, QuizQuestions.Theme(i.QuestionId), t[$"question.{i.QuestionId}"],
            role == QuizRole.Subject || revealed ? Open(round, i.Answer, round.SubjectId, AnswerPurpose, i) : null,
            role == QuizRole.Guesser || revealed ? Open(round, i.Guess, round.GuesserId, GuessPurpose, i) : null,
            revealed ? i.Mark : null,
            previous.GetValueOrDefault(i.QuestionId).Text, previous.GetValueOrDefault(i.QuestionId).At)).ToList();
        var partnerDone = role == QuizRole.Subject ? round.GuessedAt is not null : round.AnsweredAt is not null;
        return new QuizRoundView(round.Id, role, StateOf(round), partnerDone, round.CreatedAt, round.RevealedAt, views,
            revealed ? Score([.. items.Select(i => i.Mark)]) : null);
    }

    /// <summary>The subject sends their answers, or the guesser their guesses: every question, once. The second to send reveals the round.</summary>
    public async Task<Outcome<QuizRoundView>> SubmitAsync(Guid id, QuizSubmitRequest request, CancellationToken ct)
    {
        var round = await db.Set<QuizRound>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return NotFound();
        }

        var subject = RoleOf(round) == QuizRole.Subject;
        if ((subject ? round.AnsweredAt : round.GuessedAt) is not null)
        {
            return Failure.Conflict(t["error.sent.title"], t["error.sent.detail"]);
        }

        var items = await db.Set<QuizItem>().Where(i => i.RoundId == id).OrderBy(i => i.Position).ToListAsync(ct);
        if (Validate(items, request, subject) is { } failure)
        {
            return failure;
        }

        var texts = (request.Items ?? []).ToDictionary(e => e.QuestionId!.Trim(), e => e.Text!.Trim(), StringComparer.Ordinal);
        var owner = KeyOwner.User(caller.UserId);
        foreach (var item in items)
        {
            if (subject)
            {
                item.Answer = cipher.Seal(owner, texts[item.QuestionId], AnswerPurpose, Row(item));
            }
            else
            {
                item.Guess = cipher.Seal(owner, texts[item.QuestionId], GuessPurpose, Row(item));
            }
        }

        var now = time.GetUtcNow();
        if (subject)
        {
            round.AnsweredAt = now;
        }
        else
        {
            round.GuessedAt = now;
        }

        await db.SaveChangesAsync(ct);
        await RevealIfReadyAsync(id, ct);
        return (await GetAsync(id, ct)).Value!;
    }

    /// <summary>The guesser marks their own guesses against the real answers (right, close, not quite), after the reveal; marks can change.</summary>
    public async Task<Outcome<QuizRoundView>> MarkAsync(Guid id, QuizMarksRequest request, CancellationToken ct)
    {
        var round = await db.Set<QuizRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return NotFound();
        }

        if (round.RevealedAt is null || RoleOf(round) != QuizRole.Guesser)
        {
            return Failure.Conflict(t["error.mark.title"], t["error.mark.detail"]);
        }

        var items = await db.Set<QuizItem>().Where(i => i.RoundId == id).ToListAsync(ct);
        var marks = request.Marks ?? [];
        if (marks.Count == 0 || marks.Any(m => m?.Mark is null || m.QuestionId is null || !items.Any(i => i.QuestionId == m.QuestionId)))
        {
            return Failure.Field("marks", t["error.marks"]);
        }

        foreach (var mark in marks)
        {
            items.First(i => i.QuestionId == mark!.QuestionId).Mark = mark!.Mark;
        }

        await db.SaveChangesAsync(ct);
        return (await GetAsync(id, ct)).Value!;
    }

    /// <summary>Rounds where the caller's part is still to do, for the Today card (null: none).</summary>
    public async Task<List<QuizRoundSummary>?> WaitingForMeAsync(CancellationToken ct) =>
        (await ListAsync(ct)).Where(r => r.State == QuizState.YourTurn).ToList() is { Count: > 0 } waiting ? waiting : null;

    private Failure? Validate(List<QuizItem> items, QuizSubmitRequest request, bool subject)
    {
        var entries = request.Items ?? [];
        var errors = new Dictionary<string, string[]>();
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var qid = entry?.QuestionId?.Trim() ?? "";
            if (!items.Any(i => i.QuestionId == qid) || given.ContainsKey(qid))
            {
                return Failure.Field("items", t["error.items.unknown"]);
            }

            given[qid] = entry!.Text?.Trim() ?? "";
        }

        for (var n = 0; n < items.Count; n++)
        {
            var text = given.GetValueOrDefault(items[n].QuestionId, "");
            if (text.Length == 0)
            {
                errors[$"items[{n}].text"] = [t[subject ? "error.answer.empty" : "error.guess.empty"]];
            }
            else if (text.Length > MaxTextLength)
            {
                errors[$"items[{n}].text"] = [t["error.text.long", MaxTextLength]];
            }
        }

        return errors.Count > 0 ? Failure.Invalid(errors) : null;
    }

    /// <summary>
    /// Once both have sent, re-seal answers and guesses under the couple's key and mark the round revealed,
    /// in one write. Read after this caller's own write is saved: of two sendings at the same moment, the
    /// later commit sees both. Safe to run twice: a value already under the couple's key is opened as such.
    /// </summary>
    private async Task RevealIfReadyAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var round = await db.Set<QuizRound>().FirstAsync(r => r.Id == id, ct);
        if (round is not { AnsweredAt: not null, GuessedAt: not null, RevealedAt: null })
        {
            return;
        }

        var couple = KeyOwner.Couple(round.CoupleId);
        foreach (var item in await db.Set<QuizItem>().Where(i => i.RoundId == id).ToListAsync(ct))
        {
            item.Answer = cipher.Seal(couple, Open(round, item.Answer, round.SubjectId, AnswerPurpose, item)!, AnswerPurpose, Row(item));
            item.Guess = cipher.Seal(couple, Open(round, item.Guess, round.GuesserId, GuessPurpose, item)!, GuessPurpose, Row(item));
        }

        round.RevealedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The latest earlier answer of the same subject to each question, from rounds revealed before this one
    /// (both partners have seen those already).
    /// </summary>
    private async Task<Dictionary<string, (string? Text, DateTimeOffset? At)>> PreviousAnswersAsync(QuizRound round, CancellationToken ct)
    {
        var earlier = await db.Set<QuizRound>().AsNoTracking()
            .Where(r => r.SubjectId == round.SubjectId && r.RevealedAt != null && r.CreatedAt < round.CreatedAt).ToListAsync(ct);
        var ids = earlier.Select(r => r.Id).ToList();
        var items = await db.Set<QuizItem>().AsNoTracking().Where(i => ids.Contains(i.RoundId)).ToListAsync(ct);
        var result = new Dictionary<string, (string?, DateTimeOffset?)>(StringComparer.Ordinal);
        foreach (var r in earlier.OrderBy(r => r.CreatedAt))
        {
            foreach (var item in items.Where(i => i.RoundId == r.Id && i.Answer is not null))
            {
                result[item.QuestionId] = (Open(r, item.Answer, r.SubjectId, AnswerPurpose, item), r.RevealedAt);
            }
        }

        return result;
    }

    /// <summary>Opens a value under its writer's key (before the reveal) or the couple's (after); any other owner fails closed.</summary>
    private string? Open(QuizRound round, byte[]? value, Guid writer, string purpose, QuizItem item)
    {
        if (value is null)
        {
            return null;
        }

        var owner = cipher.OwnerOf(value);
        if (owner != KeyOwner.User(writer) && owner != KeyOwner.Couple(round.CoupleId))
        {
            throw new System.Security.Cryptography.CryptographicException("A quiz value is sealed under an unexpected key.");
        }

        return cipher.Open(owner.Value, value, purpose, Row(item));
    }

    private QuizRole RoleOf(QuizRound r) => r.SubjectId == caller.UserId ? QuizRole.Subject : QuizRole.Guesser;

    private QuizState StateOf(QuizRound r) =>
        r.RevealedAt is not null ? QuizState.Revealed
        : (RoleOf(r) == QuizRole.Subject ? r.AnsweredAt : r.GuessedAt) is null ? QuizState.YourTurn
        : QuizState.Waiting;

    private static QuizScore Score(IReadOnlyList<QuizMark?> marks) =>
        new(marks.Count(m => m == QuizMark.Right), marks.Count(m => m == QuizMark.Close), marks.Count(m => m == QuizMark.NotQuite), marks.Count);

    private Failure NotFound() => Failure.NotFound(t["error.notfound.title"], t["error.notfound.detail"]);
}
