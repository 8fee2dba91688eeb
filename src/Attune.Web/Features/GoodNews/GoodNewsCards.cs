using Attune.Features.Couples;

namespace Attune.Features.GoodNews;

/// <summary>Today's card: the partner's good news the caller has not answered yet, with the guide.</summary>
internal sealed record GoodNewsCard(string PartnerName, IReadOnlyList<GoodNewsView> Items);

internal sealed class GoodNewsCards(GoodNewsService news, CoupleService couples)
{
    public async Task<GoodNewsCard?> WaitingAsync(CancellationToken ct) =>
        await news.WaitingForMeAsync(ct) is { Count: > 0 } items ? new GoodNewsCard(await PartnerAsync(ct), items) : null;

    public Task<string> PartnerAsync(CancellationToken ct) => couples.PartnerNameAsync(ct);
}
