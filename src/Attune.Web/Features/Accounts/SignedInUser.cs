using Attune.Data;
using Microsoft.AspNetCore.Identity;

namespace Attune.Features.Accounts;

/// <summary>Loading the signed-in person's account, and re-issuing their browser's cookie, from their id.</summary>
internal static class SignedInUser
{
    /// <summary>The caller's account. Behind authorization it always exists: deleting it deletes its sessions.</summary>
    public static async Task<AttuneUser> RequireAsync(this UserManager<AttuneUser> users, Guid id) =>
        await users.FindByIdAsync(id.ToString()) ?? throw new InvalidOperationException("The signed-in account no longer exists.");

    /// <summary>
    /// After a change that renews the security stamp (password, two-step), re-issue this browser's cookie
    /// in the same session, so the stamp check does not sign it out later.
    /// </summary>
    public static async Task RefreshSignInAsync(this SignInManager<AttuneUser> signIn, Guid id) =>
        await signIn.RefreshSignInAsync(await signIn.UserManager.RequireAsync(id));
}
