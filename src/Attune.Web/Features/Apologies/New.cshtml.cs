using Attune.Features.Coach;
using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Apologies;

/// <summary>The guided apology. "Check with the coach" shows the gentle start-up coach's notes per part, as help; it never blocks sending.</summary>
internal sealed class NewModel(ApologyService apologies, GentleCoach coach) : PageModel
{
    [BindProperty]
    public string? WhatHappened { get; set; }

    [BindProperty]
    public string? MyPart { get; set; }

    [BindProperty]
    public string? Impact { get; set; }

    [BindProperty]
    public string? NextTime { get; set; }

    public Dictionary<string, List<FindingView>> Notes { get; } = [];

    public bool Checked { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var written = await apologies.WriteAsync(new ApologyRequest(WhatHappened, MyPart, Impact, NextTime), ct);
        if (written.Succeeded)
        {
            return Redirect("/apologies");
        }

        ModelState.AddFailure(written.Failure!);
        return Page();
    }

    public IActionResult OnPostCheck()
    {
        Checked = true;
        foreach (var (part, value) in ApologyService.Parts.Zip([WhatHappened, MyPart, Impact, NextTime]))
        {
            if (!string.IsNullOrWhiteSpace(value) && coach.Check(value) is { Succeeded: true } result && result.Value!.Findings.Count > 0)
            {
                Notes[part] = result.Value.Findings;
            }
        }

        return Page();
    }
}
