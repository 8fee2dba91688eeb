using Attune.Features.CheckIns;
using Microsoft.Extensions.Time.Testing;

namespace Attune.Tests.Unit;

/// <summary>Check-in weeks in the couple's own time zone, across a daylight-saving change.</summary>
public sealed class CheckInWeekTests
{
    [Theory]
    [InlineData("2026-11-22T10:59:00Z", "Pacific/Auckland", "2026-11-16")] // Sunday 23:59 in Auckland (UTC+13)
    [InlineData("2026-11-22T11:00:00Z", "Pacific/Auckland", "2026-11-23")] // Monday 00:00 there
    [InlineData("2026-11-23T04:59:00Z", "America/New_York", "2026-11-16")] // still Sunday evening in New York
    [InlineData("2026-11-23T05:00:00Z", "America/New_York", "2026-11-23")]
    public void A_week_starts_at_local_midnight_of_the_chosen_day(string utc, string zone, string expected)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CheckInWeek.Current(time, zone, DayOfWeek.Monday, null));
    }

    [Fact]
    public void Across_the_spring_daylight_saving_change_a_week_still_starts_at_local_midnight()
    {
        // Europe/Berlin moves to summer time on Sunday 28 March 2027; the week after starts Monday 29 March, 00:00 CEST = 22:00 UTC.
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 28, 21, 59, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2027, 3, 22), CheckInWeek.Current(time, "Europe/Berlin", DayOfWeek.Monday, null));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DateOnly(2027, 3, 29), CheckInWeek.Current(time, "Europe/Berlin", DayOfWeek.Monday, null));

        // The week before the change started at 00:00 CET = 23:00 UTC on Sunday 21 March.
        time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 21, 22, 59, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2027, 3, 15), CheckInWeek.Current(time, "Europe/Berlin", DayOfWeek.Monday, null));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DateOnly(2027, 3, 22), CheckInWeek.Current(time, "Europe/Berlin", DayOfWeek.Monday, null));
    }

    [Fact]
    public void A_week_never_goes_back_when_the_zone_moves_west_or_the_day_changes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)); // a Wednesday
        Assert.Equal(new DateOnly(2026, 11, 22), CheckInWeek.Current(time, "Etc/UTC", DayOfWeek.Sunday, null));
        Assert.Equal(new DateOnly(2026, 11, 22), CheckInWeek.Current(time, "Etc/UTC", DayOfWeek.Thursday, new DateOnly(2026, 11, 22)));
        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new DateOnly(2026, 11, 26), CheckInWeek.Current(time, "Etc/UTC", DayOfWeek.Thursday, new DateOnly(2026, 11, 22)));
    }
}
