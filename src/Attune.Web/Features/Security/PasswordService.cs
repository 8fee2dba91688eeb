using Attune.Features.Accounts;
using Attune.Features.Audit;
using Attune.Features.Sessions;
using Microsoft.AspNetCore.Identity;

namespace Attune.Features.Security;

internal sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>Changing the password signs out every other device at once: whoever knew the old one is out.</summary>
internal sealed class PasswordService(UserManager<AttuneUser> users, PasswordCheck passwords, SessionService sessions, AuditLog audit)
{
    public async Task<Dictionary<string, string[]>> ChangeAsync(Guid me, Guid? keepSession, ChangePasswordRequest request, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.NewPassword))
        {
            return new() { ["newPassword"] = ["Please choose a new password."] };
        }

        if (await passwords.ConfirmAsync(me, request.CurrentPassword) is var confirmed and not Confirmation.Confirmed)
        {
            return new() { ["currentPassword"] = [confirmed.Message()] };
        }

        var result = await users.ChangePasswordAsync(await users.RequireAsync(me), request.CurrentPassword!, request.NewPassword);
        if (!result.Succeeded)
        {
            return new() { ["newPassword"] = [.. result.Errors.Select(e => e.Description)] };
        }

        await sessions.RevokeOthersAsync(me, keepSession, ct);
        await audit.RecordAsync(AuditKind.PasswordChanged, me);
        return [];
    }
}
