using Attune.Data;
using System.ComponentModel.DataAnnotations;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Attune.Features.Accounts;

[EnableRateLimiting(RateLimits.Auth)]
internal sealed class RegisterModel(UserManager<AttuneUser> users, SignInManager<AttuneUser> signIn, TimeProvider time) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [HashesPassword]
    public async Task<IActionResult> OnPostAsync()
    {
        if (ProfileService.Validate(Input.DisplayName, Input.TimeZone) is { Count: > 0 } errors)
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
    [Display(Name = "Your name")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Please enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Please enter a valid e-mail address, such as name@example.com.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Please choose a password.")]
    [StringLength(PasswordRules.MaxLength, MinimumLength = PasswordRules.MinLength,
        ErrorMessage = "Your password needs between {2} and {1} characters.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Display(Name = "Time zone")]
    public string? TimeZone { get; set; } = TimeZones.Default;
}
