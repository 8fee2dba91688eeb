using Attune.Data;
using Microsoft.AspNetCore.Identity;

namespace Attune.Features.Accounts;

/// <summary>Re-entering the password before a grave action (export, deletion).</summary>
internal static class PasswordCheck
{
    /// <summary>True when the password is the account's; a wrong one counts towards lockout like a sign-in.</summary>
    public static async Task<bool> ConfirmAsync(UserManager<AttuneUser> users, Guid me, string? password)
    {
        var user = await users.FindByIdAsync(me.ToString());
        if (user is null || string.IsNullOrEmpty(password) || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return true;
        }

        await users.AccessFailedAsync(user);
        return false;
    }
}
