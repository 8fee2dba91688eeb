namespace Attune.Features.Activities;

/// <summary>Today's card: the next date the couple planned within the coming week, if any (quiet otherwise).</summary>
internal sealed record PlannedCard(Guid Id, string Title, DateOnly Date, string? Time, bool IsToday);

internal sealed class ActivityCards(PlanService plans)
{
    public const int DaysAhead = 7;

    public async Task<PlannedCard?> PlannedAsync(CancellationToken ct)
    {
        var list = await plans.ListAsync(ct);
        var next = list.Items.Where(p => p.Date is not null).Select(p => (Plan: p, Date: DateOnly.ParseExact(p.Date!, "yyyy-MM-dd")))
            .FirstOrDefault(p => p.Date >= list.Today && p.Date < list.Today.AddDays(DaysAhead));
        return next.Plan is null ? null : new PlannedCard(next.Plan.Id, next.Plan.Title, next.Date, next.Plan.Time, next.Date == list.Today);
    }
}
