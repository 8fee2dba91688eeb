using Attune.Data;
using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Attune.Features.Couples;

[EnableRateLimiting(RateLimits.Auth)]
internal sealed class JoinModel(CoupleService couples, CurrentCouple current) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public bool AlreadyInCouple => current.IsInCouple;

    public string ReturnUrl => $"/join/{Uri.EscapeDataString(Code ?? "")}";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!SignedIn)
        {
            return Challenge();
        }

        var (_, failure) = await couples.JoinAsync(User.RequireUserId(), Code, ct);
        switch (failure)
        {
            case null:
                return LocalRedirect("/");
            case JoinFailure.OwnInvitation:
                ModelState.AddModelError(nameof(Code), "This is your own invitation. Send it to your partner instead.");
                break;
            case JoinFailure.AlreadyInCouple:
                ModelState.AddModelError(nameof(Code), "You are already linked with a partner.");
                break;
            default:
                ModelState.AddModelError(nameof(Code), "This code is unknown, already used or expired. Ask your partner for a new one.");
                break;
        }

        return Page();
    }
}
