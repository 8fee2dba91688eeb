using Attune.Features.Couples;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Questions;

internal sealed class TodayModel(TodayService today, CoupleService couples, DepthLadder ladder) : PageModel
{
    public TodayResponse Today { get; private set; } = null!;

    public string PartnerName { get; private set; } = "your partner";

    [BindProperty]
    public string? AnswerText { get; set; }

    [BindProperty]
    public string? ReplyText { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct)
    {
        var answered = await today.AnswerAsync(AnswerText, ct);
        if (answered.Succeeded)
        {
            return RedirectToPage();
        }

        // The answer box shows the message, whichever rule refused it; a final answer is shown as saved.
        ModelState.AddModelError(nameof(AnswerText), answered.Failure!.Detail);
        return await LoadAsync(ct, keepInput: answered.Failure != TodayService.AlreadyRevealed);
    }

    public async Task<IActionResult> OnPostReactAsync(string? kind, CancellationToken ct)
    {
        var reacted = await today.ReactAsync(kind, ReplyText, ct);
        if (reacted.Succeeded)
        {
            return RedirectToPage();
        }

        ModelState.AddModelError(nameof(ReplyText), reacted.Failure!.Detail);
        return await LoadAsync(ct, keepInput: true);
    }

    public async Task<IActionResult> OnPostDepthAsync(int? maxDepth, CancellationToken ct)
    {
        await ladder.SetMineAsync(maxDepth, ct);
        return RedirectToPage();
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct, bool keepInput = false)
    {
        Today = await today.GetAsync(ct);
        PartnerName = (await couples.GetAsync(ct))?.Partner.DisplayName ?? PartnerName;
        if (!keepInput)
        {
            AnswerText = Today.Mine?.Text;
            ReplyText = Today.Reactions.Mine?.Text;
        }

        return Page();
    }
}
