using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Rituals;

/// <summary>Changes one ritual's title, days, time or duration.</summary>
internal sealed class EditRitualModel(RitualService rituals) : PageModel
{
    [BindProperty]
    public RitualInput Input { get; set; } = new();

    public IReadOnlyList<TemplateView> Templates { get; private set; } = [];

    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is null)
        {
            return Redirect("/rituals");
        }

        Id = id;
        var found = await rituals.GetAsync(id.Value, ct);
        if (!found.Succeeded)
        {
            return NotFound();
        }

        var r = found.Value!;
        Input = new RitualInput
        {
            Template = r.Template ?? "custom",
            Title = r.Template is null ? r.Title : null,
            Days = [.. r.Days],
            Time = r.Time,
            DurationMinutes = r.DurationMinutes,
        };
        Templates = rituals.Templates();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var saved = await rituals.UpdateAsync(id, Input.ToRequest(), ct);
        if (saved.Failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }

        if (!saved.Succeeded)
        {
            ModelState.AddFailure(saved.Failure!, nameof(Input));
            Templates = rituals.Templates();
            return Page();
        }

        return Redirect($"/rituals#r-{id:N}");
    }
}
