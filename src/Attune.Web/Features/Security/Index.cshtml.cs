using Attune.Data;
using Attune.Features.Accounts;
using Attune.Features.Audit;
using Attune.Features.Sessions;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Security;

[HashesPassword]
internal sealed class IndexModel(
    SessionService sessions, PasswordService passwords, TwoStepService twoStep, Passkeys.PasskeyService passkeys, AttuneDbContext db, CurrentCouple current,
    SignInManager<AttuneUser> signIn, RecentSignIn recent) : PageModel
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
        var me = current.UserId!.Value;
        Sessions = await sessions.ListAsync(me, current.SessionId, ct);
        Activity = await AuditLog.ListAsync(db, me, ct);
        TwoStep = await twoStep.StatusAsync(me);
        Passkeys = await passkeys.ListAsync(me);
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync(string id, string? confirmPassword, CancellationToken ct)
    {
        if (await recent.CheckAsync(current.UserId!.Value, confirmPassword) is var confirmed and not Confirmation.Confirmed)
        {
            PasskeyProblem = confirmed.Message();
            await OnGetAsync(ct);
            return Page();
        }

        Notice = await passkeys.RemoveAsync(current.UserId!.Value, id) ? "The passkey is removed." : "That passkey was already removed.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        if (id == current.SessionId)
        {
            return RedirectToPage();
        }

        Notice = await sessions.RevokeAsync(current.UserId!.Value, id, ct) ? "That device is signed out." : "That device was already signed out.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeOthersAsync(CancellationToken ct)
    {
        var count = await sessions.RevokeOthersAsync(current.UserId!.Value, current.SessionId, ct);
        Notice = count == 1 ? "1 other device is signed out." : $"{count} other devices are signed out.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        var me = current.UserId!.Value;
        var errors = await passwords.ChangeAsync(me, current.SessionId, Password, ct);
        if (errors.Count == 0)
        {
            // The password change renewed the security stamp; re-issue this browser's cookie in the same session.
            await signIn.RefreshSignInAsync(me);
            Notice = "Your password is changed, and every other device is signed out.";
            return RedirectToPage();
        }

        foreach (var (field, messages) in errors)
        {
            ModelState.AddModelError(field == "currentPassword" ? "Password.CurrentPassword" : "Password.NewPassword", messages[0]);
        }

        await OnGetAsync(ct);
        return Page();
    }
}
