using Attune.Data;
using Attune.Features.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Accounts;

internal sealed class SignOutModel(SignInManager<AttuneUser> signIn, SessionService sessions, Caller caller) : PageModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Signing out ends the session for good, so a copied cookie is worthless afterwards.
        if (caller.SessionId is { } session)
        {
            await sessions.RevokeAsync(caller, session, ct);
        }

        await signIn.SignOutAsync();
        Shell.BrowserData.ForgetOnSignOut(Response);
        return LocalRedirect("/");
    }
}
