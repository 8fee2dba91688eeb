using Attune.Data;
using System.ComponentModel.DataAnnotations;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Attune.Features.Accounts;

[EnableRateLimiting(RateLimits.Auth)]
internal sealed class RegisterModel(UserManager<AttuneUser> users, SignInManager<AttuneUser> signIn, TimeProvider time, IStringLocalizer<AccountsText> t) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [HashesPassword]
    public async Task<IActionResult> OnPostAsync()
    {
        if (ProfileService.Validate(t, Input.DisplayName, Input.TimeZone) is { Count: > 0 } errors)
        {
            ModelState.AddFailure(Failure.Invalid(errors), nameof(Input));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = new AttuneUser
        {
            UserName = Input.Email.Trim(),
            Email = Input.Email.Trim(),
            DisplayName = Input.DisplayName!.Trim(),
            TimeZone = Input.TimeZone!,
            CreatedAt = time.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = PasswordRules.IsAbout(error) ? "Input.Password" : "Input.Email";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: true);
        return LocalRedirect(LocalUrls.OrHome(ReturnUrl));
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
