using Attune.Data;
using Microsoft.Extensions.Time.Testing;

namespace Attune.Tests.Unit;

/// <summary>
/// The bookkeeping behind the session and Today caches: a change always makes entries made before it
/// stale, and the table forgets idle keys without ever letting an old entry become current again.
/// </summary>
public sealed class ChangeStampsTests
{
    [Fact]
    public void A_change_always_gives_a_stamp_the_key_never_had_before_even_after_it_was_forgotten()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var stamps = new ChangeStamps(time);
        var couple = Guid.NewGuid();
        var seen = new HashSet<long> { stamps.Current(couple) };

        for (var round = 0; round < 50; round++)
        {
            stamps.Change(couple);
            Assert.True(seen.Add(stamps.Current(couple)), $"round {round}: stamp {stamps.Current(couple)} came back");
            time.Advance(ChangeStamps.ForgetAfter + TimeSpan.FromMinutes(1));
            stamps.Sweep(time.GetUtcNow() - ChangeStamps.ForgetAfter);
            Assert.Equal(0, stamps.Current(couple)); // forgotten: every entry made under the old stamp has expired
        }
    }

    [Fact]
    public void Sweeping_keeps_recently_changed_keys_and_forgets_idle_ones_so_the_table_stays_bounded()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var stamps = new ChangeStamps(time);
        var idle = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid()).ToList();
        idle.ForEach(stamps.Change);
        time.Advance(ChangeStamps.ForgetAfter + TimeSpan.FromSeconds(1));
        var active = Guid.NewGuid();
        stamps.Change(active);
        var activeStamp = stamps.Current(active);

        stamps.Sweep(time.GetUtcNow() - ChangeStamps.ForgetAfter);

        Assert.Equal(1, stamps.Count);
        Assert.Equal(activeStamp, stamps.Current(active));
    }

    [Fact]
    public void Changes_sweep_by_themselves_so_no_caller_has_to_remember_to()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var stamps = new ChangeStamps(time);
        for (var i = 0; i < 5000; i++)
        {
            stamps.Change(Guid.NewGuid());
        }

        time.Advance(ChangeStamps.ForgetAfter + TimeSpan.FromSeconds(1));
        for (var i = 0; i < 5000; i++)
        {
            stamps.Change(Guid.NewGuid());
        }

        Assert.True(stamps.Count <= 5000, $"{stamps.Count} keys kept: idle keys were never swept");
    }
}
