using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Appreciation;

/// <summary>The write form with its nudge. An unsent text is never stored: it only travels back into this form.</summary>
internal sealed record AppreciationForm(string PartnerName, string? Text, NudgeResponse? Nudge);

internal sealed class WriteModel(AppreciationService appreciations, AppreciationCards cards) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    public AppreciationForm Form { get; private set; } = new("", null, null);

    public async Task OnGetAsync(CancellationToken ct) => Form = new(await cards.PartnerAsync(ct), null, null);

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        var sent = await appreciations.AddAsync(Text, ct);
        if (sent.Succeeded)
        {
            return RedirectToPage("/Appreciation/Jar", null, null, "sent");
        }

        ModelState.AddFailure(sent.Failure!);
        Form = new(await cards.PartnerAsync(ct), Text, null);
        return Page();
    }

    public async Task<IActionResult> OnPostNudgeAsync(CancellationToken ct)
    {
        var nudge = appreciations.Nudge(Text);
        if (!nudge.Succeeded)
        {
            ModelState.AddFailure(nudge.Failure!);
        }

        Form = new(await cards.PartnerAsync(ct), Text, nudge.Value);
        return Page();
    }
}
