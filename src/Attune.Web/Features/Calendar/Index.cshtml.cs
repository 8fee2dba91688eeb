using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Calendar;

/// <summary>
/// Me → Calendar link: make, replace or turn off the caller's link. A new link is shown in the answer to the
/// post that made it and never again (only its hash is kept), so this page is not redirected after making one.
/// </summary>
internal sealed class IndexModel(CalendarLinks links, PublicUrls urls, IStringLocalizer<CalendarText> t) : PageModel
{
    public CalendarLinkView Link { get; private set; } = new(false, null, null);

    [TempData]
    public string? Notice { get; set; }

    /// <summary>Set when Attune does not know the address people reach it at, so no link can be made.</summary>
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Link = await links.GetAsync(ct);

    public async Task<IActionResult> OnPostMakeAsync(CancellationToken ct)
    {
        if (urls.BaseFor(Request) is not { } publicBase)
        {
            Problem = t["error.publicurl"];
            Link = await links.GetAsync(ct);
            return Page();
        }

        Link = await links.RegenerateAsync(publicBase, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        await links.RevokeAsync(ct);
        Notice = t["notice.revoked"];
        return RedirectToPage();
    }
}
