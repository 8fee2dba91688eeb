using Attune.Data;
using Attune.Features.Sessions;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Attune.Features.Accounts;

/// <summary>Whether the person at this device proved who they are, before a grave action or a change to how they sign in.</summary>
internal enum Confirmation
{
    Confirmed,

    /// <summary>No password was given, and the last sign-in on this device is not recent (see Security/RecentSignIn).</summary>
    PasswordNeeded,
    WrongPassword,

    /// <summary>This device entered too many wrong passwords in a row and must wait.</summary>
    TooManyWrongPasswords,
}

/// <summary>
/// Re-entering the password from a signed-in device (export, deletion, password and sign-in changes).
/// The account's lockout is not asked: it stops strangers guessing at the sign-in, and must not stop
/// the owner's own session from leaving safely. Wrong passwords still count towards that lockout, and
/// each device has a budget of its own (<see cref="SessionProofs"/>), as large as the sign-in's.
/// </summary>
internal sealed class PasswordCheck(UserManager<AttuneUser> users, SessionProofs proofs)
{
    public async Task<Confirmation> ConfirmAsync(Caller caller, string? password)
    {
        var me = caller.UserId;
        var user = await users.FindByIdAsync(me.ToString());
        if (user is null || string.IsNullOrEmpty(password))
        {
            return Confirmation.WrongPassword;
        }

        var session = caller.SessionId;
        if (session is { } paused && await proofs.IsPausedAsync(me, paused))
        {
            return Confirmation.TooManyWrongPasswords;
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            if (session is { } proved)
            {
                await proofs.ProvedAsync(proved);
            }

            return Confirmation.Confirmed;
        }

        await users.AccessFailedAsync(user);
        return session is { } failed && await proofs.FailedAsync(me, failed) ? Confirmation.TooManyWrongPasswords : Confirmation.WrongPassword;
    }
}

/// <summary>How a refused confirmation reads, on a page and in the API: one wording for both.</summary>
internal static class ConfirmationAnswers
{
    /// <summary>The message for the password field; <paramref name="why"/> says what needs it (already in the request's language).</summary>
    public static string Message(this Confirmation refused, IStringLocalizer<AccountsText> t, string? why = null) => refused switch
    {
        Confirmation.PasswordNeeded => Join(t["confirm.needed"], why),
        Confirmation.WrongPassword => Join(t["confirm.wrong"], why),
        Confirmation.TooManyWrongPasswords => t["confirm.paused", PasswordRules.LockoutMinutes],
        _ => "",
    };

    /// <summary>
    /// The outcome of a confirmation: done, or a failure with a field error on <paramref name="field"/>
    /// (403 when the password is needed and missing, else 400).
    /// </summary>
    public static Outcome AsOutcome(this Confirmation confirmation, IStringLocalizer<AccountsText> t, string? why = null, string field = "password")
    {
        if (confirmation == Confirmation.Confirmed)
        {
            return Outcome.Done;
        }

        var fields = new Dictionary<string, string[]> { [field] = [confirmation.Message(t, why)] };
        return confirmation == Confirmation.PasswordNeeded
            ? new Failure(FailureKind.Forbidden, t["confirm.title"], t["confirm.detail"], fields)
            : Failure.Invalid(fields);
    }

    private static string Join(string message, string? why) => why is null ? message : $"{message} {why}";
}
