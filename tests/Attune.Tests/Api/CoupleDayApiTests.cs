using System.Net;
using System.Net.Http.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Api;

/// <summary>
/// A couple's day never goes backwards. Moving the couple's time zone across the date line and back
/// must not reopen a day that has ended: a partner could then answer a missed day and read the other's
/// answer to it. On SQLite and PostgreSQL, with the fake clock.
/// </summary>
public abstract class CoupleDayApiTests(AttuneApp app)
{
    // At 10:30 UTC it is already tomorrow on Kiritimati (UTC+14) and still yesterday in Pago Pago (UTC-11).
    private const string Ahead = "Pacific/Kiritimati";
    private const string Behind = "Pacific/Pago_Pago";

    [Fact]
    public async Task A_day_that_ended_stays_ended_when_the_time_zone_moves_back_and_the_day_resumes_when_the_date_catches_up()
    {
        var utcDate = MoveClockToHalfPastTenUtc();
        var (inviter, partner) = await app.CreatePairedCoupleAsync();
        var canary = "CANARY-" + Guid.NewGuid().ToString("N");

        await SetZoneAsync(inviter, Behind);
        var missed = await inviter.TodayAsync();
        Assert.Equal(utcDate.AddDays(-1), missed.Date);
        Assert.Equal(HttpStatusCode.OK, (await inviter.AnswerAsync(canary)).StatusCode);

        await SetZoneAsync(inviter, Ahead);
        Assert.Equal(utcDate.AddDays(1), (await partner.TodayAsync()).Date);

        // Back west: the missed day does not come back, for either partner.
        await SetZoneAsync(partner, Behind);
        var today = await partner.TodayAsync();
        Assert.Equal(utcDate.AddDays(1), today.Date);
        Assert.Equal(utcDate.AddDays(1), (await inviter.TodayAsync()).Date);
        var answered = await (await partner.AnswerAsync("the partner's answer")).ReadAsync<TodayDto>();
        Assert.Equal((utcDate.AddDays(1), false), (answered.Date, answered.Revealed));
        Assert.DoesNotContain(canary, await partner.Api.GetStringAsync("/api/v1/today"), StringComparison.Ordinal);
        Assert.DoesNotContain(canary, await partner.Api.GetStringAsync("/api/v1/questions/history"), StringComparison.Ordinal);
        using var partnerBrowser = await app.PageClientAsync(partner);
        Assert.DoesNotContain(canary, await partnerBrowser.GetStringAsync("/today"), StringComparison.Ordinal);

        // Pago Pago's own calendar reaches that day two days later; only the day after is new.
        app.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(utcDate.AddDays(1), (await partner.TodayAsync()).Date);
        Assert.Equal("the partner's answer", (await partner.TodayAsync()).Mine?.Text);
        app.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(utcDate.AddDays(2), (await partner.TodayAsync()).Date);
    }

    [Fact]
    public async Task Moving_east_starts_the_later_day_at_once_and_moving_west_again_keeps_it()
    {
        var utcDate = MoveClockToHalfPastTenUtc();
        var (inviter, partner) = await app.CreatePairedCoupleAsync();
        await SetZoneAsync(inviter, Ahead);
        await (inviter, partner).BothAnswerAsync();
        await SetZoneAsync(inviter, Behind);

        var today = await inviter.TodayAsync();
        Assert.Equal(utcDate.AddDays(1), today.Date);
        Assert.True(today.Revealed);
        Assert.Equal(HttpStatusCode.Conflict, (await inviter.AnswerAsync("a second answer to the same day")).StatusCode);
    }

    /// <summary>Moves the fake clock forward to the next 10:30 UTC and returns that UTC date.</summary>
    private DateOnly MoveClockToHalfPastTenUtc()
    {
        var now = app.Time.GetUtcNow();
        var target = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddHours(10.5);
        if (target < now)
        {
            target = target.AddDays(1);
        }

        app.Time.SetUtcNow(target);
        return DateOnly.FromDateTime(target.UtcDateTime);
    }

    private static async Task SetZoneAsync(TestUser user, string timeZone) =>
        Assert.Equal(HttpStatusCode.OK, (await user.Api.PutAsJsonAsync("/api/v1/couple", new { timeZone })).StatusCode);
}

public sealed class SqliteCoupleDayApiTests(AttuneApp app) : CoupleDayApiTests(app), IClassFixture<AttuneApp>;

public sealed class PostgresCoupleDayApiTests(PostgresAttuneApp app) : CoupleDayApiTests(app), IClassFixture<PostgresAttuneApp>;
