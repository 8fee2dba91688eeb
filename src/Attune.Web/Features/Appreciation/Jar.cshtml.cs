using Attune.Features.Couples;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Appreciation;

/// <summary>The appreciation jar under Us: pinned first, then everything newest first, filtered by who wrote it.</summary>
internal sealed class JarModel(AppreciationService appreciations, CoupleService couples) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Before { get; set; }

    public string PartnerName { get; private set; } = "";

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public IReadOnlyList<AppreciationView> Pinned { get; private set; } = [];

    public AppreciationList List { get; private set; } = new([], null, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        From = From is "me" or "partner" ? From : null;
        var couple = await couples.GetAsync(ct);
        (PartnerName, Zone) = (couple?.Partner.DisplayName ?? "", Accounts.TimeZones.Find(couple?.TimeZone ?? "Etc/UTC"));
        // Opening the jar puts the partner's new appreciations in it: they leave Today.
        await appreciations.MarkReadAsync(ct);
        var direction = From switch { "me" => "sent", "partner" => "received", _ => null };
        var list = await appreciations.ListAsync(direction, null, Before, ct);
        if (!list.Succeeded)
        {
            return RedirectToPage();
        }

        List = list.Value!;
        Pinned = Before is null ? await appreciations.PinnedAsync(ct) : [];
        return Page();
    }

    public async Task<IActionResult> OnPostKeepAsync(CancellationToken ct)
    {
        await appreciations.MarkReadAsync(ct);
        return Redirect("/today");
    }

    public async Task<IActionResult> OnPostFavouriteAsync(Guid id, bool favourite, CancellationToken ct)
    {
        await appreciations.SetFavouriteAsync(id, favourite, ct);
        return RedirectToPage(null, null, new { From, Before }, $"a-{id:N}");
    }

    public string Date(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture);
}
