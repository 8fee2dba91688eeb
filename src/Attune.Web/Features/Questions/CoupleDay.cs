using Attune.Features.Accounts;

namespace Attune.Features.Questions;

/// <summary>A couple's "day" is its own local calendar day, in the couple's IANA time zone.</summary>
internal static class CoupleDay
{
    public static DateOnly Today(TimeProvider time, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZones.Find(timeZone)).DateTime);
}
