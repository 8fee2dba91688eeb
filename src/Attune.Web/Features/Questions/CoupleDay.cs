using Attune.Features.Accounts;

namespace Attune.Features.Questions;

/// <summary>A couple's "day" is its own local calendar day, in the couple's IANA time zone.</summary>
internal static class CoupleDay
{
    public static DateOnly Today(TimeProvider time, string timeZone) =>
        TimeZones.LocalDate(time.GetUtcNow(), TimeZones.Find(timeZone));

    /// <summary>
    /// The couple's day never goes backwards: moving the time zone west cannot bring back a day that has
    /// ended (a missed day would reopen, and answering it would reveal the partner's answer to it). So
    /// today is the local date, or the latest day already given to the couple if that is later.
    /// </summary>
    public static DateOnly Today(TimeProvider time, string timeZone, DateOnly? latestAssigned) =>
        Today(time, timeZone) is var local && latestAssigned > local ? latestAssigned.Value : local;
}
