using Attune.Data;
using Attune.Features.Accounts;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Security;

[StatementBudget(10, "Identity reads the user, its tokens and its recovery codes separately, and the recent sign-in check reads the session (measured 10).")]
internal sealed class TwoStepModel(TwoStepService twoStep, RecentSignIn recent, Caller caller, SignInManager<AttuneUser> signIn, IStringLocalizer<AccountsText> accounts) : PageModel
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
        ConfirmFirst = !Status.Enabled && !await recent.IsRecentAsync(caller);
        Setup = Status.Enabled || ConfirmFirst ? null : await twoStep.SetupAsync(Me);
    }

    [HashesPassword]
    public async Task<IActionResult> OnPostConfirmAsync()
    {
        await ConfirmedAsync();
        return await ShowAsync(default);
    }

    [HashesPassword]
    public async Task<IActionResult> OnPostEnableAsync() =>
        await ShowAsync(await ConfirmedAsync() ? await twoStep.EnableAsync(Me, Code) : default);

    [HashesPassword]
    public async Task<IActionResult> OnPostRecoveryCodesAsync() =>
        await ShowAsync(await ConfirmedAsync() ? await twoStep.RenewRecoveryCodesAsync(Me) : default);

    [HashesPassword]
    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (!await ConfirmedAsync())
        {
            return await ShowAsync(default);
        }

        await twoStep.DisableAsync(Me);
        await signIn.RefreshSignInAsync(Me);
        return RedirectToPage("/Security/Index");
    }

    private Guid Me => caller.UserId;

    /// <summary>The password field, or a recent sign-in on this device; a refusal is shown on the password field.</summary>
    private async Task<bool> ConfirmedAsync()
    {
        var confirmed = (await recent.CheckAsync(caller, Password)).AsOutcome(accounts, field: nameof(Password));
        if (confirmed.Failure is { } refused)
        {
            ModelState.AddFailure(refused);
        }

        return confirmed.Succeeded;
    }

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
