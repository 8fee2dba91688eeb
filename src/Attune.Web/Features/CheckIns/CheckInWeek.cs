namespace Attune.Features.CheckIns;

/// <summary>
/// A couple's check-in week: it starts on the couple's chosen day, in the couple's own time zone, and runs
/// seven local days (so a daylight-saving change moves nothing: weeks are counted in local dates).
/// </summary>
internal static class CheckInWeek
{
    public const DayOfWeek DefaultDay = DayOfWeek.Sunday;

    /// <summary>The first day of the week that holds the couple's local today.</summary>
    public static DateOnly Start(DateOnly localToday, DayOfWeek day) =>
        localToday.AddDays(-(((int)localToday.DayOfWeek - (int)day + 7) % 7));

    /// <summary>
    /// The current week. Like the couple's day it never goes backwards: moving the time zone west or the
    /// check-in day later cannot reopen a week that already began (its check-ins may be revealed).
    /// </summary>
    public static DateOnly Current(TimeProvider time, string timeZone, DayOfWeek day, DateOnly? latestStarted)
    {
        var start = Start(Questions.CoupleDay.Today(time, timeZone), day);
        return latestStarted > start ? latestStarted.Value : start;
    }
}
