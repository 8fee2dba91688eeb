using Attune.Data;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Attune.Features.Accounts;

/// <summary>
/// The link in the confirmation mail. GET only shows a button (a mail program that opens links to scan them uses
/// nothing up); POST confirms the address once and signs the person in. A used, expired or altered link gets a kind
/// page with a way to ask for a new one. Paths are not logged (Hosting/QuietLogging), so the token stays out of logs.
/// </summary>
[EnableRateLimiting(RateLimits.Auth)]
internal sealed class ConfirmModel(Registration registration, SignInManager<AttuneUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Works { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid userId, string? token)
    {
        Works = await registration.LinkWorksAsync(userId, token);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid userId, string? token, CancellationToken ct)
    {
        var outcome = await registration.ConfirmAsync(userId, token, ct);
        if (outcome.Value is not { } user)
        {
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: true);
        return LocalRedirect(LocalUrls.OrHome(ReturnUrl));
    }
}
