using Attune.Features.Couples;

namespace Attune.Features.SafeHaven;

internal sealed record MyHardDayCard(string PartnerName, MySignalView Signal);

internal sealed class SafeHavenCards(SupportRequestService signals, CoupleService couples)
{
    // Both hard-day cards show on the same Today page: the open signals are read once for the two.
    private Task<ActiveSignalsView>? _active;

    public async Task<PartnerSignalView?> PartnerAsync(CancellationToken ct) => (await ActiveAsync(ct)).Partner;

    public async Task<MyHardDayCard?> MineAsync(CancellationToken ct) =>
        (await ActiveAsync(ct)).Mine is { } mine ? new MyHardDayCard(await PartnerNameAsync(ct), mine) : null;

    public Task<string> PartnerNameAsync(CancellationToken ct) => couples.PartnerNameAsync(ct);

    private Task<ActiveSignalsView> ActiveAsync(CancellationToken ct) => _active ??= signals.ActiveAsync(ct);
}
