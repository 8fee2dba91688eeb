using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Quiz;

/// <summary>The know-me quiz under Together: start a round about me or about my partner, and every round so far.</summary>
internal sealed class QuizModel(QuizService quiz) : PageModel
{
    public IReadOnlyList<QuizRoundSummary> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rounds = await quiz.ListAsync(ct);

    public async Task<IActionResult> OnPostStartAsync(string? subject, CancellationToken ct)
    {
        var started = await quiz.StartAsync(new QuizStartRequest(subject), ct);
        if (started.Value is { } round)
        {
            return Redirect($"/quiz/round/{round.Id}");
        }

        ModelState.AddFailure(started.Failure!);
        Rounds = await quiz.ListAsync(ct);
        return Page();
    }
}
