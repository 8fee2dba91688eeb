using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Rituals;

/// <summary>The form behind adding and editing a ritual (both pages bind it as <c>Input</c>).</summary>
internal sealed class RitualInput
{
    public string? Template { get; set; }

    public string? Title { get; set; }

    public List<string> Days { get; set; } = [];

    public string? Time { get; set; }

    public int? DurationMinutes { get; set; }

    public RitualRequest ToRequest() => new(Template == "custom" ? null : Template, Title, Days, Time, DurationMinutes);
}

/// <summary>Rituals under Together: the couple's rituals (start one now, edit, remove), add from a template or custom, the month's screen-free minutes.</summary>
internal sealed class RitualsModel(RitualService rituals) : PageModel
{
    [BindProperty]
    public RitualInput Input { get; set; } = new() { Template = "no-phone-dinner", Days = ["monday"], Time = "19:00", DurationMinutes = 30 };

    public RitualList List { get; private set; } = new([], [], 0, "Etc/UTC");

    public Guid? Running { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var added = await rituals.AddAsync(Input.ToRequest(), ct);
        if (!added.Succeeded)
        {
            ModelState.AddFailure(added.Failure!, nameof(Input));
            await LoadAsync(ct);
            return Page();
        }

        return Redirect($"/rituals#r-{added.Value!.Id:N}");
    }

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct)
    {
        var started = await rituals.StartAsync(id, ct);
        return started.Succeeded ? Redirect($"/rituals/session?id={started.Value!.Id}") : RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        await rituals.RemoveAsync(id, ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        List = await rituals.ListAsync(ct);
        Running = await rituals.RunningAsync(ct);
    }
}
