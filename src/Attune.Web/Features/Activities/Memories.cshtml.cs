using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Activities;

/// <summary>Under Us: the things the couple tried together, newest first, with the memory notes they kept.</summary>
internal sealed class MemoriesModel(PlanService plans) : PageModel
{
    public IReadOnlyList<PlanView> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await plans.MemoriesAsync(ct);
}
