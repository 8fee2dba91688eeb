using Attune.Data;
using System.ComponentModel.DataAnnotations;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Attune.Features.Accounts;

/// <summary>The second step of signing in: a code from the authenticator app, or one recovery code.</summary>
[EnableRateLimiting(RateLimits.Auth)]
internal sealed class SignInTwoStepModel(SignInManager<AttuneUser> signIn) : PageModel
{
    [BindProperty]
    [Display(Name = "Code from your app, or a recovery code")]
    [Required(ErrorMessage = "Please enter the code your app shows, or one of your recovery codes.")]
    [StringLength(64)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Accounts/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            // The first step expired (or never happened): start again with the password.
            return RedirectToPage("/Accounts/SignIn");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Code.Trim();
        var result = TotpTokenProvider.Normalise(code) is { } digits
            ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            return LocalRedirect(LocalUrls.OrHome(ReturnUrl));
        }

        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? "Too many attempts. For your safety this account is paused for 15 minutes."
            : "That code did not work. Codes change every 30 seconds; each recovery code works once.");
        return Page();
    }
}
