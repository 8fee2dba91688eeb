using Attune.Data;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Exercises;

internal sealed record EveningRequest(int? Set);

/// <summary>
/// Where an evening is, as the caller sees it: the position (0–35), the set (1–3) and the question in it (1–12), its words in the
/// request's language, and who reads it first (<c>YouReadFirst</c>; the partner otherwise).
/// </summary>
internal sealed record EveningView(
    Guid Id, int Position, int Set, int Question, int Sets, int QuestionsPerSet, string Text, Guid ReaderId, bool YouReadFirst,
    bool IsFirst, bool IsLast, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, bool Finished);

/// <summary>
/// An evening of questions: three sets of twelve, each deeper than the last, read aloud in turns on one device.
/// The state is the couple's (either partner moves it); nothing they say is stored.
/// </summary>
internal sealed class EveningService(AttuneDbContext db, Caller caller, TimeProvider time, IStringLocalizer<ExercisesText> t)
{
    public const int Sets = 3;
    public const int QuestionsPerSet = 12;
    public const int Total = Sets * QuestionsPerSet;

    /// <summary>The question's words: keys <c>evening.q.{set}.{number}</c> in ExercisesText (1-based).</summary>
    public string QuestionText(int position) => t[$"evening.q.{(position / QuestionsPerSet) + 1}.{(position % QuestionsPerSet) + 1}"];

    /// <summary>
    /// Starts an evening at the first question of a set (1 unless chosen). The first reader alternates between
    /// evenings: whoever did not read first last time begins; the very first evening, the one who starts it.
    /// </summary>
    public async Task<Outcome<EveningView>> StartAsync(EveningRequest request, CancellationToken ct)
    {
        var set = request.Set ?? 1;
        if (set is < 1 or > Sets)
        {
            return Failure.Field("set", t["error.set", Sets]);
        }

        if (await OpenAsync(ct) is not null)
        {
            return Failure.Conflict(t["error.open.title"], t["error.open.detail"]);
        }

        var me = caller.UserId;
        var partner = await db.Users.Where(u => u.CoupleId == caller.Couple && u.Id != me).Select(u => u.Id).FirstAsync(ct);
        var last = await db.Set<EveningSession>().AsNoTracking().OrderByDescending(s => s.StartedAt)
            .Select(s => (Guid?)s.FirstReaderId).FirstOrDefaultAsync(ct);
        var first = last == me ? partner : me;
        var now = time.GetUtcNow();
        var evening = new EveningSession
        {
            CoupleId = caller.Couple, Id = Guid.NewGuid(), StartedBy = me, FirstReaderId = first, SecondReaderId = first == me ? partner : me,
            Position = (set - 1) * QuestionsPerSet, StartedAt = now, UpdatedAt = now,
        };
        db.Add(evening);
        await db.SaveChangesAsync(ct);
        return View(evening);
    }

    public async Task<Outcome<EveningView>> GetAsync(Guid id, CancellationToken ct)
    {
        var evening = await db.Set<EveningSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return evening is null ? NotFound() : View(evening);
    }

    /// <summary>The couple's evening that is not finished yet, if any.</summary>
    public async Task<Guid?> OpenAsync(CancellationToken ct) =>
        await db.Set<EveningSession>().AsNoTracking().Where(s => s.FinishedAt == null).OrderByDescending(s => s.StartedAt)
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// One question forward (+1) or back (-1). <paramref name="from"/> is where the page was when the button was
    /// pressed: a second press of the same button (a double tap, a resent form) does not skip a question.
    /// </summary>
    public async Task<Outcome<EveningView>> MoveAsync(Guid id, int step, int? from, CancellationToken ct)
    {
        var evening = await db.Set<EveningSession>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (evening is null)
        {
            return NotFound();
        }

        if (evening.FinishedAt is not null)
        {
            return Failure.Conflict(t["error.finished.title"], t["error.finished.detail"]);
        }

        if (from is { } seen && seen != evening.Position)
        {
            return View(evening);
        }

        var to = evening.Position + step;
        if (to is < 0 or >= Total)
        {
            return Failure.Conflict(t["error.edge.title"], t[step > 0 ? "error.edge.last" : "error.edge.first"]);
        }

        evening.Position = to;
        evening.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return View(evening);
    }

    public async Task<Outcome<EveningView>> FinishAsync(Guid id, CancellationToken ct)
    {
        var evening = await db.Set<EveningSession>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (evening is null)
        {
            return NotFound();
        }

        if (evening.FinishedAt is null)
        {
            evening.FinishedAt = evening.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        return View(evening);
    }

    /// <summary>Readers take turns: the first reader on even positions, the other on odd ones.</summary>
    public static Guid ReaderAt(EveningSession evening, int position) =>
        position % 2 == 0 ? evening.FirstReaderId : evening.SecondReaderId;

    private EveningView View(EveningSession s)
    {
        var reader = ReaderAt(s, s.Position);
        return new EveningView(
            s.Id, s.Position, (s.Position / QuestionsPerSet) + 1, (s.Position % QuestionsPerSet) + 1, Sets, QuestionsPerSet, QuestionText(s.Position),
            reader, reader == caller.UserId, s.Position == 0, s.Position == Total - 1, s.StartedAt, s.FinishedAt, s.FinishedAt is not null);
    }

    private Failure NotFound() => Failure.NotFound(t["error.notfound.title"], t["error.notfound.detail"]);
}
