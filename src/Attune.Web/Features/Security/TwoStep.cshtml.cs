using Attune.Data;
using Attune.Features.Accounts;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Security;

internal sealed class TwoStepModel(TwoStepService twoStep, Caller caller, SignInManager<AttuneUser> signIn) : PageModel
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

    [HashesPassword]
    public async Task<IActionResult> OnPostEnableAsync() => await ShowAsync(await twoStep.EnableAsync(Me, Code, Password));

    [HashesPassword]
    public async Task<IActionResult> OnPostRecoveryCodesAsync() => await ShowAsync(await twoStep.RenewRecoveryCodesAsync(Me, Password));

    [HashesPassword]
    public async Task<IActionResult> OnPostDisableAsync()
    {
        var disabled = await twoStep.DisableAsync(Me, Password);
        if (!disabled.Succeeded)
        {
            ModelState.AddFailure(disabled.Failure!);
            return await ShowAsync(default);
        }

        await signIn.RefreshSignInAsync(Me);
        return RedirectToPage("/Security/Index");
    }

    private Guid Me => caller.UserId;

    private async Task<IActionResult> ShowAsync(Outcome<IReadOnlyList<string>> newCodes)
    {
        if (newCodes.Failure is { } failure)
        {
            ModelState.AddFailure(failure);
        }
        else if (newCodes.Value is { } codes)
        {
            await signIn.RefreshSignInAsync(Me);
            NewRecoveryCodes = codes;
        }

        await OnGetAsync();
        return Page();
    }
}
