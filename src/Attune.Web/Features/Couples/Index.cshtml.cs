using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Couples;

internal sealed class IndexModel(CoupleService couples, Leaving.LeavingService leaving, PublicUrls urls, IStringLocalizer<CouplesText> t) : PageModel
{
    public CoupleResponse? Couple { get; private set; }

    public InvitationResponse? Invitation { get; private set; }

    /// <summary>The join link as a QR code, as a data: URI (no third-party service, no extra request).</summary>
    public string? QrCodeDataUri { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Set when Attune has no address it trusts for links (see <see cref="PublicUrls"/>).</summary>
    public string? LinkProblem { get; private set; }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (BaseUrl is not { } baseUrl)
        {
            await LoadAsync(ct);
            return Page();
        }

        await couples.CreateInvitationAsync(baseUrl, ct);
        return RedirectToPage();
    }

    [BindProperty]
    public string? TimeZone { get; set; }

    public async Task<IActionResult> OnPostTimeZoneAsync(CancellationToken ct)
    {
        var changed = await couples.SetTimeZoneAsync(TimeZone, ct);
        if (changed.Succeeded)
        {
            return RedirectToPage();
        }

        ModelState.AddFailure(changed.Failure!);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostLeaveAsync(CancellationToken ct)
    {
        await leaving.LeaveCoupleAsync(ct);
        return LocalRedirect("/");
    }

    public IActionResult OnPostJoin() => RedirectToPage("/Couples/Join", new { code = Code });

    private Uri? BaseUrl => urls.BaseFor(Request);

    private async Task LoadAsync(CancellationToken ct)
    {
        Couple = await couples.GetAsync(ct);
        if (Couple is not null)
        {
            return;
        }

        if (BaseUrl is not { } baseUrl)
        {
            LinkProblem = t["link.unknown"];
            return;
        }

        Invitation = await couples.GetOpenInvitationAsync(baseUrl, ct);
        if (Invitation is not null)
        {
            QrCodeDataUri = QrCodes.DataUri(Invitation.Url);
        }
    }
}
