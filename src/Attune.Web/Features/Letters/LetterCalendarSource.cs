using Attune.Data;
using Attune.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Letters;

/// <summary>
/// Timed letters in both partners' feeds: "A love letter opens" at its opening time (the recipient already sees
/// that a letter waits and when it opens; the writer chose the time). No text, no writer, nothing of a
/// "together" letter (it has no time). Letters that opened more than <see cref="KeptFor"/> ago drop out.
/// </summary>
internal sealed class LetterCalendarSource(AttuneDbContext db, TimeProvider time, IStringLocalizer<LettersText> text) : ICalendarSource
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    public async Task<IReadOnlyList<CalendarItem>> ItemsAsync(CalendarOwner owner, CancellationToken cancellationToken)
    {
        if (owner.CoupleId is not { } couple)
        {
            return [];
        }

        var since = time.GetUtcNow() - KeptFor;
        // No caller on a feed request: the couple is named explicitly (a place that leaves the scope on purpose).
        var rows = await db.Set<Letter>().IgnoreQueryFilters().AsNoTracking()
            .Where(l => l.CoupleId == couple && l.OpensAt != null && l.OpensAt >= since)
            .Select(l => new { l.Id, OpensAt = l.OpensAt!.Value })
            .ToListAsync(cancellationToken);
        var zone = Accounts.TimeZones.Find(owner.TimeZone);
        return
        [
            .. rows.Select(l =>
            {
                var local = TimeZoneInfo.ConvertTime(l.OpensAt, zone).DateTime;
                return new CalendarItem($"letter-{l.Id}", text["calendar.title"], DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local),
                    TimeSpan.FromMinutes(15), AlarmBefore: TimeSpan.Zero);
            }),
        ];
    }
}
