using Attune.Data;
using Attune.Features.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
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
internal sealed class PasswordCheck(UserManager<AttuneUser> users, SessionProofs proofs, CurrentCouple current)
{
    public async Task<Confirmation> ConfirmAsync(Guid me, string? password)
    {
        var user = await users.FindByIdAsync(me.ToString());
        if (user is null || string.IsNullOrEmpty(password))
        {
            return Confirmation.WrongPassword;
        }

        var session = current.SessionId;
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
    /// <summary>The message for the password field; <paramref name="why"/> says what needs it (e.g. "Your export needs your current password.").</summary>
    public static string Message(this Confirmation refused, string? why = null) => refused switch
    {
        Confirmation.PasswordNeeded => Join("Please enter your password to confirm it's you.", why),
        Confirmation.WrongPassword => Join("That password is not right.", why),
        Confirmation.TooManyWrongPasswords =>
            $"Too many wrong passwords on this device. For your safety, please try again in {PasswordRules.LockoutMinutes} minutes.",
        _ => "",
    };

    /// <summary>403 when the password is needed and missing, else 400; either way with a field error on <paramref name="field"/>.</summary>
    public static ProblemHttpResult Problem(this Confirmation refused, string? why = null, string field = "password")
    {
        var needed = refused == Confirmation.PasswordNeeded;
        return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [refused.Message(why)] })
        {
            Status = needed ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest,
            Title = needed ? "Please confirm it's you" : "One or more validation errors occurred.",
            Detail = needed
                ? "Changing how you sign in needs your password again: send it as \"password\", or sign in again first."
                : refused.Message(why),
        });
    }

    private static string Join(string message, string? why) => why is null ? message : $"{message} {why}";
}
