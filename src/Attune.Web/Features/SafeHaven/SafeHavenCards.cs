using Attune.Features.Couples;

namespace Attune.Features.SafeHaven;

internal sealed record MyHardDayCard(string PartnerName, MySignalView Signal);

internal sealed class SafeHavenCards(SupportRequestService signals, CoupleService couples)
{
    public async Task<PartnerSignalView?> PartnerAsync(CancellationToken ct) => (await signals.ActiveAsync(ct)).Partner;

    public async Task<MyHardDayCard?> MineAsync(CancellationToken ct) =>
        (await signals.ActiveAsync(ct)).Mine is { } mine ? new MyHardDayCard(await PartnerNameAsync(ct), mine) : null;

    public async Task<string> PartnerNameAsync(CancellationToken ct) => (await couples.GetAsync(ct))?.Partner.DisplayName ?? "";
}
