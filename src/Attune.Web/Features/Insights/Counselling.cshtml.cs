using Attune.Features.Couples;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Insights;

internal sealed class CounsellingModel(CounsellingService counselling, CoupleService couples) : PageModel
{
    public ConsentView Consent { get; private set; } = null!;

    public string PartnerName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Consent = await counselling.ConsentAsync(ct);
        PartnerName = (await couples.GetAsync(ct))?.Partner.DisplayName ?? "";
    }

    public async Task<IActionResult> OnPostConsentAsync(bool consent, CancellationToken ct)
    {
        await counselling.SetConsentAsync(consent, ct);
        return LocalRedirect("/check-in/counselling#summary");
    }
}
