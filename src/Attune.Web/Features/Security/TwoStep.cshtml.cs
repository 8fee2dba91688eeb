using Attune.Data;
using Attune.Features.Accounts;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Security;

[HashesPassword]
internal sealed class TwoStepModel(TwoStepService twoStep, RecentSignIn recent, CurrentCouple current, SignInManager<AttuneUser> signIn) : PageModel
{
    public TwoStepStatus Status { get; private set; } = new(false, 0);

    public TwoStepSetup? Setup { get; private set; }

    /// <summary>The key to scan is shown only after a recent sign-in or the password (RecentSignIn): whoever sees it could copy it.</summary>
    public bool ConfirmFirst { get; private set; }

    /// <summary>Shown once, right after they are made; they are never shown again.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public async Task OnGetAsync()
    {
        Status = await twoStep.StatusAsync(Me);
        ConfirmFirst = !Status.Enabled && !await recent.IsRecentAsync(Me);
        Setup = Status.Enabled || ConfirmFirst ? null : await twoStep.SetupAsync(Me);
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        await ConfirmedAsync();
        return await ShowAsync(null);
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (!await ConfirmedAsync())
        {
            return await ShowAsync(null);
        }

        var (codes, errors) = await twoStep.EnableAsync(Me, Code);
        foreach (var (field, messages) in errors)
        {
            ModelState.AddModelError(field == "code" ? nameof(Code) : nameof(Password), messages[0]);
        }

        return await ShowAsync(codes);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync() =>
        await ShowAsync(await ConfirmedAsync() ? await twoStep.RenewRecoveryCodesAsync(Me) : null);

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (!await ConfirmedAsync())
        {
            return await ShowAsync(null);
        }

        await twoStep.DisableAsync(Me);
        await signIn.RefreshSignInAsync(Me);
        return RedirectToPage("/Security/Index");
    }

    private Guid Me => current.UserId!.Value;

    /// <summary>The password field, or a recent sign-in on this device; a refusal is shown on the password field.</summary>
    private async Task<bool> ConfirmedAsync()
    {
        var confirmed = await recent.CheckAsync(Me, Password);
        if (confirmed != Confirmation.Confirmed)
        {
            ModelState.AddModelError(nameof(Password), confirmed.Message());
        }

        return confirmed == Confirmation.Confirmed;
    }

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
