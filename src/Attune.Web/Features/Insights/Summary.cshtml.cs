using Attune.Features.Couples;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Insights;

/// <summary>The printable summary for a counsellor; without both partners' yes it sends the person back to the consent.</summary>
internal sealed class SummaryModel(CounsellingService counselling, CoupleService couples) : PageModel
{
    public CounsellorSummary Summary { get; private set; } = null!;

    public string PartnerName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var summary = await counselling.SummaryAsync(ct);
        if (!summary.Succeeded)
        {
            return LocalRedirect("/check-in/counselling#summary");
        }

        Summary = summary.Value!;
        PartnerName = (await couples.GetAsync(ct))?.Partner.DisplayName ?? "";
        return Page();
    }
}
