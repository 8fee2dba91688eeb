using System.Text;
using Attune.Features.Couples;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Insights;

internal sealed class TrendsModel(InsightData data, CoupleService couples) : PageModel
{
    public TrendsResponse Trends { get; private set; } = null!;

    public string PartnerName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Trends = Insights.Trends.From(await data.LoadAsync(ct));
        PartnerName = (await couples.GetAsync(ct))?.Partner.DisplayName ?? "";
    }

    /// <summary>My own answers only, as numbers.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(Encoding.UTF8.GetBytes(Insights.Trends.Csv(await data.LoadAsync(ct))), "text/csv; charset=utf-8", "attune-check-ins.csv");
}
