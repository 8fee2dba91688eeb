using System.Globalization;
using Attune.Data;
using Attune.Features.Accounts;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Personal;

/// <summary>
/// A month of time for me and time for us. "Me" is the person's own logs (minutes, and days with something
/// logged); "us" is what the app already knows the two did together: finished screen-free ritual sessions
/// (minutes, the couple's one figure) and weeks both checked in. Nothing is scored or compared to a target.
/// </summary>
internal sealed record BalanceView(string Month, int MeMinutes, int MeDays, int UsMinutes, int CheckInsTogether, string PreviousMonth, string? NextMonth);

internal sealed class PersonalBalance(AttuneDbContext db, Caller caller, PersonalService personal, TimeProvider time, IStringLocalizer<PersonalText> t)
{
    public const string MonthFormat = "yyyy-MM";

    public async Task<Outcome<BalanceView>> MonthAsync(string? month, CancellationToken ct)
    {
        var today = await personal.TodayAsync(ct);
        var current = new DateOnly(today.Year, today.Month, 1);
        var first = current;
        if (!string.IsNullOrEmpty(month))
        {
            if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first) || first > current || first.Year < 2000)
            {
                return Failure.Field("month", t["error.month"]);
            }
        }

        var last = first.AddMonths(1).AddDays(-1);
        var logs = await db.Set<PersonalLog>().AsNoTracking().Where(l => l.UserId == caller.UserId && l.Date >= first && l.Date <= last)
            .Select(l => new { l.Date, l.Minutes }).ToListAsync(ct);
        var (usMinutes, checkIns) = caller.IsInCouple ? await TogetherAsync(first, ct) : (0, 0);
        return new BalanceView(first.ToString(MonthFormat, CultureInfo.InvariantCulture), logs.Sum(l => l.Minutes ?? 0), logs.Select(l => l.Date).Distinct().Count(),
            usMinutes, checkIns, first.AddMonths(-1).ToString(MonthFormat, CultureInfo.InvariantCulture),
            first < current ? first.AddMonths(1).ToString(MonthFormat, CultureInfo.InvariantCulture) : null);
    }

    /// <summary>Screen-free minutes of finished ritual sessions that started in the couple's local month, and weeks of that month both partners checked in.</summary>
    private async Task<(int Minutes, int CheckIns)> TogetherAsync(DateOnly first, CancellationToken ct)
    {
        var zone = TimeZones.Find(await db.Set<Couples.Couple>().AsNoTracking().Select(c => c.TimeZone).FirstOrDefaultAsync(ct) ?? "Etc/UTC");
        DateTimeOffset Utc(DateOnly day)
        {
            var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }

        var (from, to, now) = (Utc(first), Utc(first.AddMonths(1)), time.GetUtcNow());
        var sessions = await db.Set<Rituals.RitualSession>().AsNoTracking().Where(s => s.StartedAt >= from && s.StartedAt < to && s.EndsAt <= now)
            .Select(s => new { s.StartedAt, s.EndsAt }).ToListAsync(ct);
        var last = first.AddMonths(1).AddDays(-1);
        var weeks = await db.Set<CheckIns.CheckIn>().AsNoTracking().Where(c => c.Week >= first && c.Week <= last && c.SubmittedAt != null)
            .Select(c => new { c.Week, c.UserId }).ToListAsync(ct);
        return ((int)sessions.Sum(s => (s.EndsAt - s.StartedAt).TotalMinutes), weeks.GroupBy(w => w.Week).Count(g => g.Select(w => w.UserId).Distinct().Count() == 2));
    }
}
