using Attune.Data;
using Attune.Features.Accounts;
using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Home;

internal sealed class IndexModel(ProfileService profiles, CurrentCouple current) : PageModel
{
    public MeResponse? Me { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true || current.UserId is null)
        {
            return Page();
        }

        // For a couple, today's question is home.
        if (current.IsInCouple)
        {
            return LocalRedirect("/today");
        }

        Me = await profiles.GetAsync(User.RequireUserId(), ct);
        return Page();
    }
}
