using Attune.Data;
using Attune.Features.Accounts;
using Attune.Features.Audit;
using Attune.Features.Sessions;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Security;

internal sealed class IndexModel(
    SessionService sessions, PasswordService passwords, TwoStepService twoStep, Passkeys.PasskeyService passkeys, AttuneDbContext db, Caller caller,
    SignInManager<AttuneUser> signIn, RecentSignIn recent, IStringLocalizer<SecurityText> t, IStringLocalizer<AccountsText> accounts) : PageModel
{
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public IReadOnlyList<AuditEntry> Activity { get; private set; } = [];

    public TwoStepStatus TwoStep { get; private set; } = new(false, 0);

    public IReadOnlyList<Passkeys.PasskeyView> Passkeys { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    /// <summary>Why a passkey was not removed (the password was needed, or wrong).</summary>
    public string? PasskeyProblem { get; private set; }

    [BindProperty]
    public ChangePasswordRequest Password { get; set; } = new(null, null);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = caller.UserId;
        Sessions = await sessions.ListAsync(caller, ct);
        Activity = await AuditLog.ListAsync(db, me, ct);
        TwoStep = await twoStep.StatusAsync(me);
        Passkeys = await passkeys.ListAsync(me);
    }

    [HashesPassword]
    public async Task<IActionResult> OnPostRemovePasskeyAsync(string id, string? confirmPassword, CancellationToken ct)
    {
        if (await recent.CheckAsync(caller, confirmPassword) is var confirmed and not Confirmation.Confirmed)
        {
            PasskeyProblem = confirmed.Message(accounts);
            await OnGetAsync(ct);
            return Page();
        }

        Notice = await passkeys.RemoveAsync(caller.UserId, id) ? t["notice.passkey.removed"] : t["notice.passkey.gone"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        if (id == caller.SessionId)
        {
            return RedirectToPage();
        }

        Notice = await sessions.RevokeAsync(caller, id, ct) ? t["notice.device.out"] : t["notice.device.gone"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeOthersAsync(CancellationToken ct)
    {
        var count = await sessions.RevokeOthersAsync(caller, ct);
        Notice = count == 1 ? t["notice.others.one"] : t["notice.others.many", count];
        return RedirectToPage();
    }

    [HashesPassword]
    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        var changed = await passwords.ChangeAsync(caller, Password, ct);
        if (changed.Succeeded)
        {
            // The password change renewed the security stamp; re-issue this browser's cookie in the same session.
            await signIn.RefreshSignInAsync(caller.UserId);
            Notice = t["notice.password"];
            return RedirectToPage();
        }

        ModelState.AddFailure(changed.Failure!, nameof(Password));

        await OnGetAsync(ct);
        return Page();
    }
}
