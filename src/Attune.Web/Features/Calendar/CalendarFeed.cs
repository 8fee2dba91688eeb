using System.Globalization;
using Attune.Data;
using Attune.Features.Couples;
using Attune.Hosting;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Calendar;

/// <summary>
/// Builds the iCalendar file behind a secret link (RFC 5545, with Ical.Net). It runs without a signed-in person:
/// the token names the owner, whose couple, zone and saved language it reads once; then every registered
/// <see cref="ICalendarSource"/> adds its items, with the owner's language as the current UI culture.
/// </summary>
internal sealed class CalendarFeed(AttuneDbContext db, IEnumerable<ICalendarSource> sources, TimeProvider time, IStringLocalizer<CalendarText> text)
{
    /// <summary>The owner of a token, or null for a token nobody holds (unknown, replaced or revoked).</summary>
    public async Task<CalendarOwner?> OwnerAsync(string token, CancellationToken ct)
    {
        var hash = CalendarLinks.Hash(token);
        var owner = await (
            from link in db.Set<CalendarLink>().AsNoTracking()
            join user in db.Users.AsNoTracking() on link.UserId equals user.Id
            where link.TokenHash == hash
            select new { user.Id, user.CoupleId, user.TimeZone, user.Language }).SingleOrDefaultAsync(ct);
        if (owner is null)
        {
            return null;
        }

        // No caller here: the couple row is read by the owner's couple id (a place that leaves the scope on purpose).
        var zone = owner.CoupleId is { } couple
            ? await db.Set<Couple>().IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == couple).Select(c => c.TimeZone).SingleOrDefaultAsync(ct)
            : null;
        var language = owner.Language is { } saved && Localization.SupportedCultures.Contains(saved) ? saved : Localization.SupportedCultures[0];
        return new CalendarOwner(owner.Id, owner.CoupleId, zone ?? owner.TimeZone, CultureInfo.GetCultureInfo(language));
    }

    /// <summary>The owner's calendar as iCalendar text. The culture set here stays inside this call (async locals flow down, not back).</summary>
    public async Task<string> BuildAsync(CalendarOwner owner, CancellationToken ct)
    {
        CultureInfo.CurrentCulture = owner.Culture;
        CultureInfo.CurrentUICulture = owner.Culture;
        var items = new List<CalendarItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.ItemsAsync(owner, ct));
        }

        var now = time.GetUtcNow();
        var today = Accounts.TimeZones.LocalDate(now, Accounts.TimeZones.Find(owner.TimeZone));
        var calendar = new Ical.Net.Calendar { ProductId = "-//Attune//Calendar feed//EN" };
        calendar.AddProperty("X-WR-CALNAME", text["feed.name"]);
        calendar.AddProperty("X-WR-TIMEZONE", owner.TimeZone);
        // A VTIMEZONE for the whole span, from the earliest event on (also when there is none: a calendar needs a component).
        var starts = items.Select(FirstDate).Append(today);
        calendar.AddTimeZone(owner.TimeZone, starts.Min().ToDateTime(TimeOnly.MinValue), includeHistoricalData: false);
        var stamp = new CalDateTime(now.UtcDateTime, "UTC", true);
        foreach (var item in items.OrderBy(i => i.Uid, StringComparer.Ordinal))
        {
            calendar.Events.Add(Event(item, owner.TimeZone, stamp));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Event(CalendarItem item, string zone, CalDateTime stamp)
    {
        var date = FirstDate(item);
        var e = new CalendarEvent { Uid = $"{item.Uid}@attune", Summary = item.Title, DtStamp = stamp, Class = "PRIVATE" };
        if (item.Time is { } at)
        {
            var end = date.ToDateTime(at) + item.Duration;
            e.DtStart = new CalDateTime(date, at, zone);
            e.DtEnd = new CalDateTime(DateOnly.FromDateTime(end), TimeOnly.FromDateTime(end), zone);
        }
        else
        {
            e.DtStart = new CalDateTime(date);
            e.DtEnd = new CalDateTime(date.AddDays(Math.Max(1, (int)Math.Ceiling(item.Duration.TotalDays))));
            e.Transparency = "TRANSPARENT";
        }

        if (item.Repeat is { } repeat)
        {
            var rule = new RecurrenceRule(Ical.Net.FrequencyType.Weekly) { ByDay = [.. repeat.Days.Distinct().Select(d => new WeekDay(d))] };
            if (repeat.Until is { } until)
            {
                // With a zoned start, UNTIL is a UTC time (RFC 5545, 3.3.10): the end of the last local day.
                rule.Until = item.Time is null
                    ? new CalDateTime(until)
                    : new CalDateTime(TimeZoneInfo.ConvertTimeToUtc(until.ToDateTime(new TimeOnly(23, 59, 59)), Accounts.TimeZones.Find(zone)), "UTC", true);
            }

            e.RecurrenceRule = rule;
        }

        if (item.AlarmBefore is { } before)
        {
            e.Alarms.Add(new Alarm
            {
                Action = Ical.Net.AlarmAction.Display,
                Description = item.Title,
                Trigger = new Trigger(Duration.FromTimeSpanExact(-before)),
            });
        }

        return e;
    }

    /// <summary>A repeating item starts on its first matching weekday (RFC 5545 leaves a start outside the rule undefined).</summary>
    private static DateOnly FirstDate(CalendarItem item)
    {
        if (item.Repeat is not { Days.Count: > 0 } repeat)
        {
            return item.Date;
        }

        var date = item.Date;
        while (!repeat.Days.Contains(date.DayOfWeek))
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
