using Attune.Data;
using Attune.Features.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Shell;

/// <summary>The daily home for everyone signed in: a greeting, then the cards features registered for this person.</summary>
internal sealed class TodayModel(Caller caller, ProfileService profiles, TodayCards cards) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public IReadOnlyList<LoadedCard> Cards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        DisplayName = (await profiles.GetAsync(caller, ct))?.DisplayName ?? "";
        Cards = await cards.LoadAsync(caller, HttpContext.RequestServices, ct);
    }
}
