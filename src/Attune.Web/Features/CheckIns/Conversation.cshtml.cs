using Attune.Features.Couples;
using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.CheckIns;

/// <summary>The guided conversation for a revealed week: appreciations, what went well, concerns with listening reminders, wishes.</summary>
internal sealed class ConversationModel(CheckInService checkIns, CoupleService couples) : PageModel
{
    public CheckInWeekView View { get; private set; } = null!;

    public string PartnerName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostDoneAsync(string? week, CancellationToken ct)
    {
        var done = await checkIns.MarkDoneAsync(week, ct);
        if (done.Succeeded)
        {
            return LocalRedirect("/check-in/conversation");
        }

        ModelState.AddFailure(done.Failure!);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        View = await checkIns.GetCurrentAsync(ct);
        PartnerName = (await couples.GetAsync(ct))?.Partner.DisplayName ?? "";
    }
}
