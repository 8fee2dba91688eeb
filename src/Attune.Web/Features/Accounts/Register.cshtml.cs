using Attune.Data;
using System.ComponentModel.DataAnnotations;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Attune.Features.Accounts;

[EnableRateLimiting(RateLimits.Auth)]
internal sealed class RegisterModel(Registration registration, SignInManager<AttuneUser> signIn, PublicUrls urls, IStringLocalizer<AccountsText> t) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set once the form was accepted: the page then says "check your mail", the same for any address.</summary>
    public string? SentTo { get; private set; }

    [HashesPassword]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ProfileService.Validate(t, Input.DisplayName, Input.TimeZone) is { Count: > 0 } errors)
        {
            ModelState.AddFailure(Failure.Invalid(errors), nameof(Input));
        }

        var site = urls.BaseFor(Request);
        if (site is null)
        {
            ModelState.AddModelError(string.Empty, PublicUrls.UnknownMessage);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await registration.RegisterAsync(
            new NewAccount(Input.Email, Input.Password, Input.DisplayName, Input.TimeZone), site!, LocalUrls.IsLocal(ReturnUrl) ? ReturnUrl : null, ct);
        if (outcome.Failure is { } failure)
        {
            ModelState.AddFailure(failure, nameof(Input));
            return Page();
        }

        if (outcome.Value is { EmailConfirmed: true } confirmed)
        {
            // Only where addresses need no confirming (Attune:Accounts:RequireConfirmedEmail off).
            await signIn.SignInAsync(confirmed, isPersistent: true);
            return LocalRedirect(LocalUrls.OrHome(ReturnUrl));
        }

        SentTo = Input.Email.Trim();
        return Page();
    }
}

internal sealed class RegisterInput
{
    [Display(Name = "field.name")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "email.required")]
    [EmailAddress(ErrorMessage = "email.invalid")]
    [Display(Name = "field.email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "password.choose")]
    [StringLength(PasswordRules.MaxLength, MinimumLength = PasswordRules.MinLength,
        ErrorMessage = "password.length")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Display(Name = "field.timezone")]
    public string? TimeZone { get; set; } = TimeZones.Default;
}
