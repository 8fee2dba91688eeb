namespace Attune.Hosting;

/// <summary>The loop of a background worker that runs a round on every tick of a <see cref="PeriodicTimer"/>.</summary>
internal static class Rounds
{
    /// <summary>
    /// Waits for the next tick, then leaves the thread that signalled it before the round runs. A timer's
    /// continuation runs on the thread that ticked it; a round whose database work completes synchronously
    /// (SQLite) would then run inside the clock's own loop. A test clock moved ahead by a day ticks a 30-second
    /// timer 2,880 times in that loop, and each tick ran a whole round (a suite test spent 80 s there).
    /// After leaving, ticks that arrive while a round runs are merged into one, as the timer intends.
    /// </summary>
    public static async ValueTask<bool> NextRoundAsync(this PeriodicTimer timer, CancellationToken ct)
    {
        if (!await timer.WaitForNextTickAsync(ct))
        {
            return false;
        }

        await Task.Yield();
        return true;
    }
}
