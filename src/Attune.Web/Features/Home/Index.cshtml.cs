using Attune.Data;
using Attune.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Home;

internal sealed class IndexModel(ProfileService profiles, CallerScope callers) : PageModel
{
    public MeResponse? Me { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (callers.Current is not { } caller)
        {
            return Page();
        }

        // For a couple, today's question is home.
        if (caller.IsInCouple)
        {
            return LocalRedirect("/today");
        }

        Me = await profiles.GetAsync(caller, ct);
        return Page();
    }
}
