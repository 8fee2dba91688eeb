using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Desires;

/// <summary>Desires: the couple's switch, one's own 18+ confirmation, then the list with one's own marks and the matches.</summary>
internal sealed class IndexModel(DesireService desires) : PageModel
{
    /// <summary>The form's marks by item id ("yes", "maybe", "no"; empty: not marked).</summary>
    [BindProperty]
    public Dictionary<string, string?> Marks { get; set; } = [];

    [BindProperty]
    public bool Confirm { get; set; }

    public DesiresView View { get; private set; } = new(false, false, [], []);

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        View = await desires.GetAsync(ct);
    }

    public Task<IActionResult> OnPostSwitchAsync(bool enabled, CancellationToken ct) =>
        DoneAsync(desires.SwitchAsync(new DesireSwitchRequest(enabled), ct), "/desires", ct);

    public Task<IActionResult> OnPostAdultAsync(CancellationToken ct) =>
        DoneAsync(desires.ConfirmAdultAsync(new DesireAdultRequest(Confirm), ct), "/desires", ct);

    public Task<IActionResult> OnPostMarksAsync(CancellationToken ct) =>
        DoneAsync(desires.MarkAllAsync(Marks, ct), "/desires?saved=true#matches", ct);

    private async Task<IActionResult> DoneAsync(Task<Outcome<DesiresView>> work, string next, CancellationToken ct)
    {
        var outcome = await work;
        if (outcome.Succeeded)
        {
            return Redirect(next);
        }

        ModelState.AddFailure(outcome.Failure!);
        View = await desires.GetAsync(ct);
        return Page();
    }
}
