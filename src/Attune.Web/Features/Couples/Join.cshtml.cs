using Attune.Data;
using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Attune.Features.Couples;

[EnableRateLimiting(RateLimits.Auth)]
internal sealed class JoinModel(CallerScope callers, IServiceProvider services) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public bool AlreadyInCouple => callers.Current?.IsInCouple == true;

    public string ReturnUrl => $"/join/{Uri.EscapeDataString(Code ?? "")}";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!SignedIn)
        {
            return Challenge();
        }

        // Resolved here, not in the constructor: this page is also shown to people who are not signed in.
        var joined = await services.GetRequiredService<CoupleService>().JoinAsync(Code, ct);
        if (joined.Succeeded)
        {
            return LocalRedirect("/");
        }

        ModelState.AddModelError(nameof(Code), joined.Failure!.Detail);
        return Page();
    }
}
