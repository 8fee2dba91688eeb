using Attune.Features.Couples;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Questions;

internal sealed class HistoryModel(HistoryService history, CoupleService couples, IStringLocalizer<QuestionsText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Before { get; set; }

    public HistoryResponse? History { get; private set; }

    public string PartnerName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PartnerName = (await couples.GetAsync(ct))?.Partner.DisplayName ?? t["partner.fallback"];
        // An unknown category in the address shows every category rather than an error.
        var category = QuestionCategories.TryParse(Category, out _) ? Category : null;
        History = (await history.GetAsync(category, Before, HistoryService.DefaultLimit, ct)).Value;
        return Page();
    }
}
