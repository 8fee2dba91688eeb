using Attune.Data;
using Attune.Features.Calendar;
using Attune.Features.Couples;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.CheckIns;

/// <summary>
/// The couple's check-in day in each partner's feed: an all-day event every week on the day a check-in week
/// starts (Sunday unless the couple chose another), from the couple's first day on. No ratings, no words.
/// </summary>
internal sealed class CheckInCalendarSource(AttuneDbContext db, IStringLocalizer<CheckInsText> text) : ICalendarSource
{
    public async Task<IReadOnlyList<CalendarItem>> ItemsAsync(CalendarOwner owner, CancellationToken cancellationToken)
    {
        if (owner.CoupleId is not { } couple)
        {
            return [];
        }

        // No caller on a feed request: the couple is named explicitly (a place that leaves the scope on purpose).
        var since = await db.Set<Couple>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Id == couple).Select(c => (DateTimeOffset?)c.Since).SingleOrDefaultAsync(cancellationToken);
        if (since is null)
        {
            return [];
        }

        var day = await db.Set<CheckInSchedule>().IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.CoupleId == couple).Select(s => (DayOfWeek?)s.Day).SingleOrDefaultAsync(cancellationToken) ?? CheckInWeek.DefaultDay;
        var start = Accounts.TimeZones.LocalDate(since.Value, Accounts.TimeZones.Find(owner.TimeZone));
        return [new CalendarItem($"checkin-day-{couple}", text["calendar.title"], start, null, TimeSpan.FromDays(1), new CalendarRepeat([day]))];
    }
}
