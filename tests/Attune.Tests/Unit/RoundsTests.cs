using Attune.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Attune.Tests.Unit;

/// <summary>
/// A background worker's rounds (mail, audit pruning) leave the clock's thread before they run, so a clock moved
/// far ahead merges its ticks instead of running a round per period inside its own loop.
/// </summary>
public sealed class RoundsTests
{
    [Fact]
    public async Task A_clock_moved_a_day_ahead_runs_a_round_or_two_not_one_per_period()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), time);
        var rounds = 0;
        var loop = Task.Run(async () =>
        {
            while (await timer.NextRoundAsync(CancellationToken.None))
            {
                Interlocked.Increment(ref rounds); // a round whose work completes synchronously, as SQLite's does
            }
        });

        // A first round, so that the loop is waiting on the timer when the clock jumps.
        time.Advance(TimeSpan.FromSeconds(30));
        while (Volatile.Read(ref rounds) == 0)
        {
            await Task.Delay(10);
        }

        await Task.Delay(100);
        time.Advance(TimeSpan.FromDays(1)); // 2,880 periods
        timer.Dispose();
        await loop.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.InRange(rounds, 2, 4);
    }
}
