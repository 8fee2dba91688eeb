using System.Globalization;
using Attune.Data;
using Attune.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Activities;

/// <summary>
/// Planned dates in each partner's calendar feed. Titles only: a library idea by its title in the owner's language,
/// an own idea as the generic "A date together" (the couple's own words never go into a feed). Done items leave it.
/// </summary>
internal sealed class ActivitiesCalendarSource(
    AttuneDbContext db, IStringLocalizer<ActivityIdeasText> ideas, IStringLocalizer<ActivitiesText> text) : ICalendarSource
{
    public static readonly TimeSpan TimedDuration = TimeSpan.FromHours(2);

    public async Task<IReadOnlyList<CalendarItem>> ItemsAsync(CalendarOwner owner, CancellationToken cancellationToken)
    {
        if (owner.CoupleId is not { } couple)
        {
            return [];
        }

        // The feed has no signed-in caller, so no couple filter: this reads the owner's couple by its id, and only titles.
        var planned = await db.Set<ActivityPlan>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.CoupleId == couple && p.PlannedDate != null && p.DoneOn == null)
            .Select(p => new { p.Id, p.ActivityKey, Date = p.PlannedDate!.Value, p.PlannedTime })
            .ToListAsync(cancellationToken);
        var titles = Localized(owner.Culture, planned.Select(p => p.ActivityKey));
        return [.. planned.OrderBy(p => p.Date).ThenBy(p => p.PlannedTime).Select(p => new CalendarItem(
            $"activity-{p.Id:N}", titles[p.ActivityKey ?? ""], p.Date, p.PlannedTime,
            p.PlannedTime is null ? TimeSpan.FromDays(1) : TimedDuration))];
    }

    /// <summary>Titles in the owner's language; the localizers read the current UI culture, so it is set around the lookups only.</summary>
    private Dictionary<string, string> Localized(CultureInfo culture, IEnumerable<string?> keys)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            var titles = new Dictionary<string, string>(StringComparer.Ordinal) { [""] = text["calendar.own"] };
            foreach (var key in keys.OfType<string>().Distinct())
            {
                titles[key] = ideas[$"idea.{key}"];
            }

            return titles;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
