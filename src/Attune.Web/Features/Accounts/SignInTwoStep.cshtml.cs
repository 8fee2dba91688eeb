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
internal sealed class SignInTwoStepModel(SignInManager<AttuneUser> signIn, IStringLocalizer<AccountsText> t) : PageModel
{
    [BindProperty]
    [Display(Name = "twostep.code")]
    [Required(ErrorMessage = "twostep.code.required")]
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
            ? t["twostep.paused", PasswordRules.LockoutMinutes]
            : t["twostep.wrong"]);
        return Page();
    }
}
