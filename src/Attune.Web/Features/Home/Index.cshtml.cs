using Attune.Data;
using Attune.Features.Accounts;
using Attune.Features.Couples;
using Attune.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Home;

internal sealed class IndexModel(ProfileService profiles, CoupleService couples, CurrentCouple current) : PageModel
{
    public MeResponse? Me { get; private set; }

    public CoupleResponse? Couple { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true || current.UserId is null)
        {
            return;
        }

        Me = await profiles.GetAsync(User.RequireUserId(), ct);
        Couple = await couples.GetAsync(ct);
    }
}
