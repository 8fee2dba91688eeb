using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Exercises;

/// <summary>
/// An evening of questions on one device: choose a set and start; then one question at a time, with whose turn it is
/// to read first, forward and back, and finish whenever the couple likes.
/// </summary>
internal sealed class EveningModel(EveningService evenings, Couples.CoupleService couples) : PageModel
{
    [BindProperty]
    public int? Set { get; set; } = 1;

    /// <summary>Where the page was when a button was pressed, so a repeated press does not skip a question.</summary>
    [BindProperty]
    public int? At { get; set; }

    public EveningView? Evening { get; private set; }

    /// <summary>On the start page: the couple's evening still going, to continue.</summary>
    public Guid? Open { get; private set; }

    public string PartnerName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } evening)
        {
            return await LoadAsync(evening, ct) ? Page() : NotFound();
        }

        Open = await evenings.OpenAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var started = await evenings.StartAsync(new EveningRequest(Set), ct);
        if (!started.Succeeded)
        {
            ModelState.AddFailure(started.Failure!);
            Open = await evenings.OpenAsync(ct);
            return Page();
        }

        return Redirect($"/exercises/evening?id={started.Value!.Id}");
    }

    public Task<IActionResult> OnPostNextAsync(Guid id, CancellationToken ct) => ChangeAsync(id, evenings.MoveAsync(id, 1, At, ct), ct);

    public Task<IActionResult> OnPostPreviousAsync(Guid id, CancellationToken ct) => ChangeAsync(id, evenings.MoveAsync(id, -1, At, ct), ct);

    public Task<IActionResult> OnPostFinishAsync(Guid id, CancellationToken ct) => ChangeAsync(id, evenings.FinishAsync(id, ct), ct);

    private async Task<IActionResult> ChangeAsync(Guid id, Task<Outcome<EveningView>> change, CancellationToken ct)
    {
        var changed = await change;
        if (changed.Failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }

        if (!changed.Succeeded)
        {
            ModelState.AddFailure(changed.Failure!);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return Redirect($"/exercises/evening?id={id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await evenings.GetAsync(id, ct);
        if (!found.Succeeded)
        {
            return false;
        }

        Evening = found.Value!;
        PartnerName = await couples.PartnerNameAsync(ct);
        return true;
    }
}
