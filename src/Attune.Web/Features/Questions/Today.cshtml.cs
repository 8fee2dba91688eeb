using Attune.Features.Couples;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Questions;

internal sealed class TodayModel(TodayService today, CoupleService couples, DepthLadder ladder) : PageModel
{
    public TodayResponse? Today { get; private set; }

    public string PartnerName { get; private set; } = "your partner";

    [BindProperty]
    public string? AnswerText { get; set; }

    [BindProperty]
    public string? ReplyText { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct)
    {
        var text = AnswerText?.Trim() ?? "";
        if (text.Length is 0 or > QuestionsOptions.MaxAnswerLength)
        {
            ModelState.AddModelError(nameof(AnswerText), text.Length == 0
                ? "Please write your answer before saving."
                : $"Please keep your answer to {QuestionsOptions.MaxAnswerLength} characters or fewer.");
            return await LoadAsync(ct, keepInput: true);
        }

        var (_, failure) = await today.AnswerAsync(text, ct);
        if (failure == TodayFailure.AlreadyRevealed)
        {
            ModelState.AddModelError(nameof(AnswerText), "You have both answered, so today's answers are now final.");
            return await LoadAsync(ct);
        }

        return failure is null ? RedirectToPage() : LocalRedirect("/");
    }

    public async Task<IActionResult> OnPostReactAsync(string? kind, CancellationToken ct)
    {
        var reply = ReplyText?.Trim();
        if (!ReactionKinds.TryParse(kind, out var parsed) || reply?.Length > QuestionsOptions.MaxReplyLength)
        {
            ModelState.AddModelError(nameof(ReplyText), $"Please pick a reaction and keep a reply to {QuestionsOptions.MaxReplyLength} characters.");
            return await LoadAsync(ct, keepInput: true);
        }

        await today.ReactAsync(parsed, reply, ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDepthAsync(int maxDepth, CancellationToken ct)
    {
        if (maxDepth is >= 1 and <= 3)
        {
            await ladder.SetMineAsync(maxDepth, ct);
        }

        return RedirectToPage();
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct, bool keepInput = false)
    {
        Today = await today.GetAsync(ct);
        if (Today is null)
        {
            return LocalRedirect("/");
        }

        PartnerName = (await couples.GetAsync(ct))?.Partner.DisplayName ?? PartnerName;
        if (!keepInput)
        {
            AnswerText = Today.Mine?.Text;
            ReplyText = Today.Reactions.Mine?.Text;
        }

        return Page();
    }
}
