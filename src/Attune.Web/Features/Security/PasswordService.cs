using Attune.Data;
using Attune.Features.Accounts;
using Attune.Hosting;
using Attune.Features.Audit;
using Attune.Features.Sessions;
using Microsoft.AspNetCore.Identity;

namespace Attune.Features.Security;

internal sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>Changing the password signs out every other device at once: whoever knew the old one is out.</summary>
internal sealed class PasswordService(UserManager<AttuneUser> users, PasswordCheck passwords, SessionService sessions, AuditLog audit, IStringLocalizer<SecurityText> t, IStringLocalizer<AccountsText> accounts)
{
    public async Task<Outcome> ChangeAsync(Caller caller, ChangePasswordRequest request, CancellationToken ct)
    {
        var me = caller.UserId;
        if (string.IsNullOrEmpty(request.NewPassword))
        {
            return Failure.Field("newPassword", t["password.new.required"]);
        }

        if (await passwords.ConfirmAsync(caller, request.CurrentPassword) is var confirmed and not Confirmation.Confirmed)
        {
            return confirmed.AsOutcome(accounts, field: "currentPassword").Failure!;
        }

        var result = await users.ChangePasswordAsync(await users.RequireAsync(me), request.CurrentPassword!, request.NewPassword);
        if (!result.Succeeded)
        {
            return Failure.Invalid(new Dictionary<string, string[]> { ["newPassword"] = [.. result.Errors.Select(e => e.Description)] });
        }

        await sessions.RevokeOthersAsync(caller, ct);
        await audit.RecordAsync(AuditKind.PasswordChanged, me);
        return Outcome.Done;
    }
}
