using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Questions;

/// <summary>
/// Takes the question card's forms (answer, react, depth). Success goes back to Today; a refusal shows
/// the card here with the message beside the field and the typed words kept.
/// </summary>
internal sealed class QuestionModel(QuestionCards cards, TodayService today, DepthLadder ladder) : PageModel
{
    public QuestionCard Card { get; private set; } = null!;

    [BindProperty]
    public string? AnswerText { get; set; }

    [BindProperty]
    public string? ReplyText { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Card = await cards.LoadAsync(ct);

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct)
    {
        var answered = await today.AnswerAsync(AnswerText, ct);
        if (answered.Succeeded)
        {
            return LocalRedirect("/today");
        }

        // The answer box shows the message, whichever rule refused it; a final answer is shown as saved.
        ModelState.AddModelError(nameof(AnswerText), answered.Failure!.Detail);
        Card = answered.Failure == today.AlreadyRevealed
            ? await cards.LoadAsync(ct)
            : await cards.LoadAsync(ct, (AnswerText, ReplyText));
        return Page();
    }

    public async Task<IActionResult> OnPostReactAsync(string? kind, CancellationToken ct)
    {
        var reacted = await today.ReactAsync(kind, ReplyText, ct);
        if (reacted.Succeeded)
        {
            return LocalRedirect("/today");
        }

        ModelState.AddModelError(nameof(ReplyText), reacted.Failure!.Detail);
        Card = await cards.LoadAsync(ct, (AnswerText, ReplyText));
        return Page();
    }

    public async Task<IActionResult> OnPostDepthAsync(int? maxDepth, CancellationToken ct)
    {
        await ladder.SetMineAsync(maxDepth, ct);
        return LocalRedirect("/today");
    }
}
