using Attune.Data;
using System.ComponentModel.DataAnnotations;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Attune.Features.Accounts;

[EnableRateLimiting(RateLimits.Auth)]
internal sealed class SignInModel(SignInManager<AttuneUser> signIn, IStringLocalizer<AccountsText> t) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Where to go after signing in, judged here for the form and the passkey script alike.</summary>
    public string ReturnTo => LocalUrls.OrHome(ReturnUrl);

    [HashesPassword]
    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnTo);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/SignInTwoStep", new { ReturnUrl, Input.RememberMe });
        }

        if (result.IsNotAllowed)
        {
            // Only with the right password: the address waits for its link, and a new one is on its way.
            ModelState.AddModelError(string.Empty, t["address.first"]);
            return Page();
        }

        // The same words whether the account is unknown, the password wrong or the account paused.
        ModelState.AddModelError(string.Empty, SameAnswer.PageMessage(t));
        return Page();
    }
}

internal sealed class SignInInput
{
    [Required(ErrorMessage = "email.required")]
    [Display(Name = "field.email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "password.required")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Display(Name = "signin.remember")]
    public bool RememberMe { get; set; }
}
