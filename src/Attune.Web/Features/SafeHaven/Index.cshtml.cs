using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.SafeHaven;

/// <summary>The safe haven: tell the partner it is a hard day, and answer theirs.</summary>
internal sealed class IndexModel(SupportRequestService signals, SafeHavenCards cards) : PageModel
{
    [BindProperty]
    public int? Intensity { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public string PartnerName { get; private set; } = "";

    public ActiveSignalsView Active { get; private set; } = new(null, null);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSignalAsync(CancellationToken ct)
    {
        var sent = await signals.SignalAsync(new SupportSignalRequest(Note, Intensity), ct);
        if (sent.Succeeded)
        {
            return Redirect("/safe-haven#signal");
        }

        ModelState.AddFailure(sent.Failure!);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRespondAsync(Guid id, string? kind, string? text, CancellationToken ct)
    {
        var sent = await signals.RespondAsync(id, new SupportResponseRequest(kind, text), ct);
        if (sent.Succeeded)
        {
            return Redirect("/today");
        }

        ModelState.AddFailure(sent.Failure!);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        await signals.CloseAsync(id, ct);
        return Redirect("/today");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        PartnerName = await cards.PartnerNameAsync(ct);
        Active = await signals.ActiveAsync(ct);
    }
}
