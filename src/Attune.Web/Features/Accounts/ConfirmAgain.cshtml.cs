using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Attune.Features.Accounts;

/// <summary>Asks for a new confirmation link. Says the same for any address: whether it has an account stays unsaid.</summary>
[EnableRateLimiting(RateLimits.Auth)]
internal sealed class ConfirmAgainModel(Registration registration, PublicUrls urls) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public string? SentTo { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (urls.BaseFor(Request) is not { } site)
        {
            ModelState.AddModelError(string.Empty, PublicUrls.UnknownMessage);
            return Page();
        }

        var outcome = await registration.SendLinkAgainAsync(Email, site, ct);
        if (outcome.Failure is { } failure)
        {
            ModelState.AddFailure(failure);
            return Page();
        }

        SentTo = Email!.Trim();
        return Page();
    }
}
