using Attune.Features.Questions;

namespace Attune.Features.Rituals;

/// <summary>Today's card: the ritual planned for today in the couple's time zone (the earliest still to come), if any.</summary>
internal sealed record TonightCard(Guid Id, string Title, string Time, int DurationMinutes);

internal sealed class RitualCards(RitualService rituals, TimeProvider time)
{
    public async Task<TonightCard?> TonightAsync(CancellationToken ct)
    {
        var list = await rituals.ListAsync(ct);
        var day = RitualService.DayNames[((int)CoupleDay.Today(time, list.TimeZone).DayOfWeek + 6) % 7];
        var next = list.Items.Where(r => r.Days.Contains(day)).OrderBy(r => r.Time, StringComparer.Ordinal).FirstOrDefault();
        return next is null ? null : new TonightCard(next.Id, next.Title, next.Time, next.DurationMinutes);
    }
}
