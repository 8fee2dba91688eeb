using Attune.Data;
using Attune.Features.Accounts;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Security;

[HashesPassword]
internal sealed class TwoStepModel(TwoStepService twoStep, CurrentCouple current, SignInManager<AttuneUser> signIn) : PageModel
{
    public TwoStepStatus Status { get; private set; } = new(false, 0);

    public TwoStepSetup? Setup { get; private set; }

    /// <summary>Shown once, right after they are made; they are never shown again.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public async Task OnGetAsync()
    {
        Status = await twoStep.StatusAsync(Me);
        Setup = Status.Enabled ? null : await twoStep.SetupAsync(Me);
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var (codes, errors) = await twoStep.EnableAsync(Me, Code, Password);
        foreach (var (field, messages) in errors)
        {
            ModelState.AddModelError(field == "code" ? nameof(Code) : nameof(Password), messages[0]);
        }

        return await ShowAsync(codes);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var codes = await twoStep.RenewRecoveryCodesAsync(Me, Password);
        if (codes is null)
        {
            ModelState.AddModelError(nameof(Password), "That password is not right.");
        }

        return await ShowAsync(codes);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (!await twoStep.DisableAsync(Me, Password))
        {
            ModelState.AddModelError(nameof(Password), "That password is not right.");
            return await ShowAsync(null);
        }

        await signIn.RefreshSignInAsync(Me);
        return RedirectToPage("/Security/Index");
    }

    private Guid Me => current.UserId!.Value;

    private async Task<IActionResult> ShowAsync(IReadOnlyList<string>? newCodes)
    {
        if (newCodes is not null)
        {
            await signIn.RefreshSignInAsync(Me);
        }

        NewRecoveryCodes = newCodes ?? [];
        await OnGetAsync();
        return Page();
    }
}
