using Attune.Features.Couples;

namespace Attune.Features.Appreciation;

/// <summary>Today's card with what the partner wrote and the caller has not put in the jar yet.</summary>
internal sealed record NewAppreciationsCard(string PartnerName, IReadOnlyList<AppreciationView> Items);

/// <summary>Today's card for writing one; <c>SharedThisWeek</c> is the couple's figure.</summary>
internal sealed record WriteAppreciationCard(string PartnerName, int SharedThisWeek);

internal sealed class AppreciationCards(AppreciationService appreciations, CoupleService couples)
{
    public async Task<NewAppreciationsCard?> NewAsync(CancellationToken ct) =>
        await appreciations.NewForMeAsync(ct) is { Count: > 0 } items ? new NewAppreciationsCard(await PartnerAsync(ct), items) : null;

    public async Task<WriteAppreciationCard?> WriteAsync(CancellationToken ct) =>
        new(await PartnerAsync(ct), await appreciations.SharedThisWeekAsync(ct));

    public Task<string> PartnerAsync(CancellationToken ct) => couples.PartnerNameAsync(ct);
}
