using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Apologies;

internal sealed class IndexModel(ApologyService apologies) : PageModel
{
    public List<ApologyView> Apologies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Apologies = await apologies.ListAsync(ct);

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, string? answer, CancellationToken ct)
    {
        var answered = await apologies.AnswerAsync(id, answer, ct);
        if (answered.Succeeded)
        {
            return RedirectToPage();
        }

        ModelState.AddFailure(answered.Failure!);
        Apologies = await apologies.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var deleted = await apologies.DeleteAsync(id, ct);
        if (deleted.Succeeded)
        {
            return RedirectToPage();
        }

        ModelState.AddFailure(deleted.Failure!);
        Apologies = await apologies.ListAsync(ct);
        return Page();
    }
}
