using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Listening;

/// <summary>The speaker–listener session on one page: every step posts and comes back here (works without JavaScript).</summary>
internal sealed class IndexModel(ListeningService listening) : PageModel
{
    public ListeningCurrent Current { get; private set; } = new(null, 0, null);

    public async Task OnGetAsync(CancellationToken ct) => Current = await listening.CurrentAsync(ct);

    public Task<IActionResult> OnPostStartAsync(string? mode, string? firstSpeaker, CancellationToken ct) =>
        Run(listening.StartAsync(new ListeningStartRequest(mode, firstSpeaker), ct), ct);

    public Task<IActionResult> OnPostEndTurnAsync(Guid id, CancellationToken ct) => Run(listening.EndTurnAsync(id, ct), ct);

    public Task<IActionResult> OnPostReflectAsync(Guid id, string? text, CancellationToken ct) => Run(listening.ReflectAsync(id, text, ct), ct);

    public Task<IActionResult> OnPostClarifyAsync(Guid id, CancellationToken ct) => Run(listening.ClarifyAsync(id, ct), ct);

    public Task<IActionResult> OnPostRateAsync(Guid id, int? rating, CancellationToken ct) => Run(listening.RateAsync(id, rating, ct), ct);

    public Task<IActionResult> OnPostSwapAsync(Guid id, CancellationToken ct) => Run(listening.SwapAsync(id, ct), ct);

    public Task<IActionResult> OnPostPauseAsync(Guid id, CancellationToken ct) => Run(listening.PauseAsync(id, ct), ct);

    public Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken ct) => Run(listening.ResumeAsync(id, ct), ct);

    public Task<IActionResult> OnPostAppreciateAsync(Guid id, string? text, CancellationToken ct) => Run(listening.AppreciateAsync(id, text, ct), ct);

    public Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct) => Run(listening.EndAsync(id, ct), ct);

    private async Task<IActionResult> Run(Task<Outcome<ListeningView>> action, CancellationToken ct)
    {
        var outcome = await action;
        if (outcome.Succeeded)
        {
            return RedirectToPage();
        }

        ModelState.AddFailure(outcome.Failure!);
        Current = await listening.CurrentAsync(ct);
        return Page();
    }
}
