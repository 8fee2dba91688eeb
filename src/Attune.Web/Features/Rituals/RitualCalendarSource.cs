using Attune.Data;
using Attune.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Rituals;

/// <summary>
/// The couple's rituals in each partner's calendar feed: weekly on their days, at their local time, with a
/// reminder 15 minutes before. A template's title is its localized name; a custom ritual is only "A ritual of
/// ours" (its own title is the couple's words, sealed, and never leaves the app).
/// </summary>
internal sealed class RitualCalendarSource(AttuneDbContext db, IStringLocalizer<RitualsText> text) : ICalendarSource
{
    public static readonly TimeSpan Reminder = TimeSpan.FromMinutes(15);

    public async Task<IReadOnlyList<CalendarItem>> ItemsAsync(CalendarOwner owner, CancellationToken cancellationToken)
    {
        if (owner.CoupleId is not { } couple)
        {
            return [];
        }

        // No caller on a feed request: the couple is named explicitly (a place that leaves the scope on purpose).
        var rows = await db.Set<Ritual>().IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.CoupleId == couple)
            .Select(r => new { r.Id, r.Template, r.Days, r.LocalTime, r.DurationMinutes, r.CreatedAt })
            .ToListAsync(cancellationToken);
        var zone = Accounts.TimeZones.Find(owner.TimeZone);
        return
        [
            .. rows.Where(r => r.Days != 0).Select(r => new CalendarItem(
                $"ritual-{r.Id}",
                RitualTemplates.Find(r.Template) is { } template ? text[$"template.{template.Key}"] : text["calendar.custom"],
                Accounts.TimeZones.LocalDate(r.CreatedAt, zone),
                r.LocalTime,
                TimeSpan.FromMinutes(r.DurationMinutes),
                new CalendarRepeat(RitualService.DaysOf(r.Days)),
                Reminder)),
        ];
    }
}
