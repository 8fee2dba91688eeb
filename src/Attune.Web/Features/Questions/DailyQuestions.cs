using System.Globalization;
using Attune.Data;
using Attune.Encryption;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Questions;

internal sealed record QuestionView(string Id, string Text, QuestionCategory Category, int Depth);

/// <summary>The couple's time zone and depth level, and the caller's own depth setting.</summary>
internal sealed record CoupleState(string TimeZone, int Level, int MyMaxDepth);

/// <summary>Assigns each couple its question of the day and shows question texts (library or custom).</summary>
internal sealed class DailyQuestions(AttuneDbContext db, QuestionLibrary library, FieldCipher cipher, TimeProvider time)
{
    public const string CustomPrefix = "custom:";

    /// <summary>The couple's question for its local today, assigned on first request. Safe when both partners ask at once.</summary>
    public async Task<(DailyQuestion Day, CoupleState Couple)> EnsureTodayAsync(Guid coupleId, Guid me, CancellationToken ct)
    {
        // One statement for what every view of the day needs: the couple's zone and level, my depth setting,
        // and the latest day the couple was given (its day never goes backwards).
        var state = await db.Set<Couples.Couple>().AsNoTracking().Where(c => c.Id == coupleId)
            .Select(c => new
            {
                Couple = new CoupleState(c.TimeZone, c.QuestionLevel, db.Users.Where(u => u.Id == me).Select(u => u.MaxQuestionDepth).First()),
                Latest = db.Set<DailyQuestion>().Where(d => d.CoupleId == coupleId).Max(d => (DateOnly?)d.Date),
            })
            .SingleAsync(ct);
        var couple = state.Couple;
        var date = CoupleDay.Today(time, couple.TimeZone, state.Latest);
        var existing = await db.Set<DailyQuestion>().AsNoTracking().FirstOrDefaultAsync(d => d.Date == date, ct);
        if (existing is not null)
        {
            return (existing, couple);
        }

        // Both partners may open a new day at the same moment. The couple's row is locked first (a row lock on
        // PostgreSQL, the write lock on SQLite), so the second waits and then finds the first one's day: no
        // duplicate insert, no error in the log. This runs once per couple and day.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<Couples.Couple>().Where(c => c.Id == coupleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.QuestionLevel, c => c.QuestionLevel), ct);
        existing = await db.Set<DailyQuestion>().AsNoTracking().FirstOrDefaultAsync(d => d.Date == date, ct);
        if (existing is not null)
        {
            return (existing, couple);
        }

        var candidates = library.All.Select(q => new Candidate(q.Id, q.Category, q.Depth)).ToList();
        var custom = await db.Set<CustomQuestion>().AsNoTracking()
            .Where(q => q.RemovedAt == null)
            .Select(q => new { q.Id, q.Category, q.Depth })
            .ToListAsync(ct);
        candidates.AddRange(custom.Select(q => new Candidate(CustomId(q.Id), q.Category, q.Depth)));

        var (question, cycle) = QuestionPicker.Pick(coupleId, date, couple.Level, candidates, await PastDaysAsync(date, ct));
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
        return (day, couple);
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
