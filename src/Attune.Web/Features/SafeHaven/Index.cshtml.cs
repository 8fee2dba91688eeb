using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.SafeHaven;

/// <summary>The safe haven: tell the partner it is a hard day, answer theirs, and say how you like to be supported.</summary>
internal sealed class IndexModel(SupportRequestService signals, SupportPreferencesService preferences, SafeHavenCards cards) : PageModel
{
    [BindProperty]
    public int? Intensity { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public List<string> Ways { get; set; } = [];

    [BindProperty]
    public string? WhatHelps { get; set; }

    public string PartnerName { get; private set; } = "";

    public ActiveSignalsView Active { get; private set; } = new(null, null);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mine = await preferences.GetMineAsync(ct);
        (Ways, WhatHelps) = ([.. mine.Ways.Select(SupportNames.Name)], mine.WhatHelps);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostSignalAsync(CancellationToken ct)
    {
        var sent = await signals.SignalAsync(new SupportSignalRequest(Note, Intensity), ct);
        if (sent.Succeeded)
        {
            return Redirect("/safe-haven#signal");
        }

        ModelState.AddFailure(sent.Failure!);
        var mine = await preferences.GetMineAsync(ct);
        (Ways, WhatHelps) = ([.. mine.Ways.Select(SupportNames.Name)], mine.WhatHelps);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreferencesAsync(CancellationToken ct)
    {
        var saved = await preferences.SetMineAsync(new SupportPreferencesRequest(Ways, WhatHelps), ct);
        if (saved.Succeeded)
        {
            return Redirect("/safe-haven#preferences");
        }

        ModelState.AddFailure(saved.Failure!);
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
        var mine = await preferences.GetMineAsync(ct);
        (Ways, WhatHelps) = ([.. mine.Ways.Select(SupportNames.Name)], mine.WhatHelps);
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
