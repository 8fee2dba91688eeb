using Attune.Data;
using Microsoft.AspNetCore.Identity;

namespace Attune.Features.Accounts;

/// <summary>
/// A failed sign-in says nothing about whether the account exists or is locked: one answer, and one
/// password hash's worth of time, for an unknown e-mail, a wrong password and a paused account alike.
/// (For a relationship app, that an address has an account is itself something to keep.)
/// </summary>
internal static class SameAnswer
{
    /// <summary>
    /// What the API says for any failed sign-in, unless the password was right and a second step is due, or the
    /// password was right and the address is not confirmed yet (only who knows the password learns that).
    /// </summary>
    public static string Detail(SignInResult result) => result switch
    {
        { RequiresTwoFactor: true } => nameof(SignInResult.RequiresTwoFactor),
        { IsNotAllowed: true } => "AddressNotConfirmed",
        _ => "Failed",
    };

    /// <summary>What the sign-in page says to everyone: it tells an owner who may be paused when to try again, and a stranger nothing.</summary>
    public static string PageMessage(IStringLocalizer<AccountsText> t) =>
        t["signin.failed", PasswordRules.LockoutAttempts, PasswordRules.LockoutMinutes];

    /// <summary>
    /// Checks the password against the account's hash (or, without an account, a hash of nobody's) and
    /// ignores the outcome: it costs what a real check costs where Identity would answer without one.
    /// </summary>
    public static void SpendHash(UserManager<AttuneUser> users, NobodysHash nobodys, AttuneUser? user, string password)
    {
        var hash = user?.PasswordHash ?? nobodys.MadeBy(users.PasswordHasher);
        users.PasswordHasher.VerifyHashedPassword(user ?? new AttuneUser(), hash, password);
    }
}

/// <summary>
/// A hash of nobody's password, made once per app by the app's own hasher, so checking it costs what checking a real
/// one costs. One per app, not per process: two apps in one process (the tests' hosts) may hash at different costs.
/// </summary>
internal sealed class NobodysHash
{
    private string? _hash;

    public string MadeBy(IPasswordHasher<AttuneUser> hasher) =>
        _hash ??= hasher.HashPassword(new AttuneUser(), Guid.NewGuid().ToString());
}
