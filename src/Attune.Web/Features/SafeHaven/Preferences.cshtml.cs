using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.SafeHaven;

/// <summary>Me → "When I'm having a hard day": how the person likes to be supported, shown to the partner only with an open signal.</summary>
internal sealed class PreferencesModel(SupportPreferencesService preferences, SafeHavenCards cards) : PageModel
{
    [BindProperty]
    public List<string> Ways { get; set; } = [];

    [BindProperty]
    public string? WhatHelps { get; set; }

    public string PartnerName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mine = await preferences.GetMineAsync(ct);
        (Ways, WhatHelps) = ([.. mine.Ways.Select(SupportNames.Name)], mine.WhatHelps);
        PartnerName = await cards.PartnerNameAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var saved = await preferences.SetMineAsync(new SupportPreferencesRequest(Ways, WhatHelps), ct);
        if (saved.Succeeded)
        {
            return RedirectToPage(null, null, null, "preferences-heading");
        }

        ModelState.AddFailure(saved.Failure!);
        PartnerName = await cards.PartnerNameAsync(ct);
        return Page();
    }
}
