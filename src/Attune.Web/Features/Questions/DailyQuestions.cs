using System.Globalization;
using Attune.Data;
using Attune.Encryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attune.Features.Questions;

internal sealed record QuestionView(string Id, string Text, QuestionCategory Category, int Depth);

/// <summary>The couple's time zone and depth level, and the caller's own depth setting.</summary>
internal sealed record CoupleState(string TimeZone, int Level, int MyMaxDepth);

/// <summary>
/// The couple's day as one read found it: its question, the couple, the day's answers and reactions (sealed, as
/// stored), and the days at the couple's level on which both answered, counted up to the number that invites one
/// level deeper (0 when no invitation is possible: the couple is at the deepest level or my setting is above it).
/// </summary>
internal sealed record TodayRead(DailyQuestion Day, CoupleState Couple, IReadOnlyList<Answer> Answers, IReadOnlyList<Reaction> Reactions, int RevealsAtLevel);

/// <summary>Assigns each couple its question of the day and shows question texts (library or custom).</summary>
internal sealed class DailyQuestions(AttuneDbContext db, QuestionLibrary library, FieldCipher cipher, IOptions<QuestionsOptions> options, TimeProvider time)
{
    public const string CustomPrefix = "custom:";

    private sealed record StateRow(string TimeZone, int Level, int MyMaxDepth, DateOnly? Latest, int RevealsAtLevel);

    private sealed record DayRow(DailyQuestion Day, List<Answer> Answers, List<Reaction> Reactions);

    // What every view of the day needs but the day itself, in one statement: the couple's zone and level, my depth
    // setting, the latest day the couple was given (its day never goes backwards), and, for a view, the reveals at the
    // couple's level when an invitation one level deeper is possible (DepthLadder's rule; a write's checks skip them).
    private static readonly PerModel<Func<AttuneDbContext, Guid, Guid, int, bool, Task<StateRow?>>> StateQuery = new(() =>
        EF.CompileAsyncQuery((AttuneDbContext db, Guid coupleId, Guid me, int revealsBeforeDeeper, bool countReveals) =>
            db.Set<Couples.Couple>().AsNoTracking().Where(c => c.Id == coupleId)
                .Select(c => new
                {
                    c.TimeZone,
                    c.QuestionLevel,
                    Mine = db.Users.Where(u => u.Id == me).Select(u => u.MaxQuestionDepth).First(),
                })
                .Select(c => new StateRow(
                    c.TimeZone,
                    c.QuestionLevel,
                    c.Mine,
                    db.Set<DailyQuestion>().Where(d => d.CoupleId == coupleId).Max(d => (DateOnly?)d.Date),
                    countReveals && c.QuestionLevel < Depths.Deepest && c.Mine <= c.QuestionLevel
                        ? db.Set<DailyQuestion>()
                            .Where(d => d.Depth == c.QuestionLevel && db.Set<Answer>().Count(a => a.Date == d.Date) == 2)
                            .OrderBy(d => d.Date)
                            .Take(revealsBeforeDeeper)
                            .Count()
                        : 0))
                .FirstOrDefault()));

    // The day with its answers and reactions, in one statement: at most two of each, so one query joining both
    // (AsSingleQuery, said so that EF Core does not warn about it) returns at most four rows.
    private static readonly PerModel<Func<AttuneDbContext, DateOnly, Task<DayRow?>>> DayQuery = new(() =>
        EF.CompileAsyncQuery((AttuneDbContext db, DateOnly date) =>
            db.Set<DailyQuestion>().AsNoTracking().AsSingleQuery().Where(d => d.Date == date)
                .Select(d => new DayRow(
                    d,
                    db.Set<Answer>().Where(a => a.Date == d.Date).ToList(),
                    db.Set<Reaction>().Where(r => r.Date == d.Date).ToList()))
                .FirstOrDefault()));

    /// <summary>
    /// The couple's question for its local today, assigned on first request. Safe when both partners ask at once.
    /// <paramref name="forView"/> false (a write's checks): <see cref="TodayRead.RevealsAtLevel"/> is not counted (0).
    /// </summary>
    public async Task<TodayRead> EnsureTodayAsync(Guid coupleId, Guid me, CancellationToken ct, bool forView = true)
    {
        var (read, couple, date, reveals) = await LoadAsync(coupleId, me, null, forView);
        if (read is not null)
        {
            return read;
        }

        var existing = await AssignAsync(coupleId, couple, date, ct);
        return new TodayRead(existing, couple, [], [], reveals);
    }

    /// <summary>The day the couple was given on <paramref name="date"/>, as it is now (after a write); null if none.</summary>
    public async Task<TodayRead?> ReadAsync(Guid coupleId, Guid me, DateOnly date) => (await LoadAsync(coupleId, me, date, countReveals: true)).Read;

    private async Task<(TodayRead? Read, CoupleState Couple, DateOnly Date, int Reveals)> LoadAsync(Guid coupleId, Guid me, DateOnly? date, bool countReveals)
    {
        var state = await StateQuery.For(db)(db, coupleId, me, options.Value.RevealsBeforeDeeper, countReveals)
            ?? throw new InvalidOperationException("The couple is not there.");
        var couple = new CoupleState(state.TimeZone, state.Level, state.MyMaxDepth);
        var day = date ?? CoupleDay.Today(time, couple.TimeZone, state.Latest);
        var row = await DayQuery.For(db)(db, day);
        return (row is null ? null : new TodayRead(row.Day, couple, row.Answers, row.Reactions, state.RevealsAtLevel), couple, day, state.RevealsAtLevel);
    }

    private async Task<DailyQuestion> AssignAsync(Guid coupleId, CoupleState couple, DateOnly date, CancellationToken ct)
    {
        // The pick reads the couple's past days and questions: done before the lock, so that the lock (on SQLite the
        // one write lock of the whole database) is held only to check and insert. Its inputs change only when a day
        // is assigned, and a day assigned meanwhile is found under the lock below and used instead.
        var candidates = library.All.Select(q => new Candidate(q.Id, q.Category, q.Depth)).ToList();
        var custom = await db.Set<CustomQuestion>().AsNoTracking()
            .Where(q => q.RemovedAt == null)
            .Select(q => new { q.Id, q.Category, q.Depth })
            .ToListAsync(ct);
        candidates.AddRange(custom.Select(q => new Candidate(CustomId(q.Id), q.Category, q.Depth)));
        var (question, cycle) = QuestionPicker.Pick(coupleId, date, couple.Level, candidates, await PastDaysAsync(date, ct));

        // Both partners may open a new day at the same moment. The couple's row is locked first (a row lock on
        // PostgreSQL, the write lock on SQLite), so the second waits and then finds the first one's day: no
        // duplicate insert, no error in the log. This runs once per couple and day.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<Couples.Couple>().Where(c => c.Id == coupleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.QuestionLevel, c => c.QuestionLevel), ct);
        var existing = await db.Set<DailyQuestion>().AsNoTracking().FirstOrDefaultAsync(d => d.Date == date, ct);
        if (existing is not null)
        {
            return existing;
        }

        var day = new DailyQuestion
        {
            CoupleId = coupleId,
            Date = date,
            QuestionId = question.Id,
            Category = question.Category,
            Depth = question.Depth,
            Cycle = cycle,
            AssignedAt = time.GetUtcNow(),
        };
        db.Add(day);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return day;
    }

    /// <summary>The text of the questions of these days, in one query for custom ones; the library's in the request's language.</summary>
    public async Task<Dictionary<string, QuestionView>> DescribeAsync(Guid coupleId, IEnumerable<DailyQuestion> days, CancellationToken ct)
    {
        var ids = days.Select(d => d.QuestionId).Distinct(StringComparer.Ordinal).ToList();
        var customIds = ids.Where(i => i.StartsWith(CustomPrefix, StringComparison.Ordinal))
            .Select(i => Guid.Parse(i[CustomPrefix.Length..])).ToList();
        var custom = customIds.Count == 0
            ? []
            : await db.Set<CustomQuestion>().AsNoTracking().Where(q => customIds.Contains(q.Id)).ToListAsync(ct);
        var result = custom.ToDictionary(
            q => CustomId(q.Id),
            q => new QuestionView(CustomId(q.Id), OpenCustom(coupleId, q), q.Category, q.Depth),
            StringComparer.Ordinal);

        foreach (var id in ids.Where(i => !result.ContainsKey(i)))
        {
            if (library.Find(id) is { } entry)
            {
                result[id] = new QuestionView(entry.Id, library.Text(entry, CultureInfo.CurrentUICulture), entry.Category, entry.Depth);
            }
            else if (await db.Set<LibraryQuestion>().AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, ct) is { } retired)
            {
                result[id] = new QuestionView(retired.Id, retired.Text, retired.Category, retired.Depth);
            }
        }

        return result;
    }

    public static string CustomId(Guid id) => $"{CustomPrefix}{id:D}";

    public string OpenCustom(Guid coupleId, CustomQuestion question) =>
        coupleId == question.CoupleId
            ? CustomQuestionText.Open(cipher, question)
            : throw new System.Security.Cryptography.CryptographicException("The question belongs to another couple.");

    private async Task<PastDays> PastDaysAsync(DateOnly date, CancellationToken ct)
    {
        var days = db.Set<DailyQuestion>().AsNoTracking();
        var cycle = await days.MaxAsync(d => (int?)d.Cycle, ct) ?? 0;
        var used = await days.Where(d => d.Cycle == cycle).Select(d => d.QuestionId).ToListAsync(ct);
        var yesterday = date.AddDays(-1);
        var yesterdays = await days.Where(d => d.Date == yesterday).Select(d => (QuestionCategory?)d.Category).FirstOrDefaultAsync(ct);
        return new PastDays(cycle, used.ToHashSet(StringComparer.Ordinal), yesterdays);
    }
}
