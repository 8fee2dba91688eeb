using System.ComponentModel.DataAnnotations;
using Attune.Data;
using Attune.Features.Accounts;
using Attune.Features.Sessions;
using Attune.Hosting;
using Microsoft.Extensions.Options;

namespace Attune.Features.Security;

internal sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// How long after signing in (or entering the password again) this device may change how the
    /// person signs in without the password. Zero asks for the password every time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RecentSignIn { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// The one rule for every change to how someone signs in (two-step set-up, turning it on or off,
/// recovery codes, passkeys): the password again, or a sign-in on this device within
/// <see cref="SecurityOptions.RecentSignIn"/>. A session alone is not enough: the phone may be
/// unlocked in someone else's hand. A password given is always checked, even inside the window.
/// </summary>
internal sealed class RecentSignIn(PasswordCheck passwords, SessionProofs proofs, IOptions<SecurityOptions> options, TimeProvider time, IStringLocalizer<AccountsText> t)
{
    public async Task<Confirmation> CheckAsync(Caller caller, string? password)
    {
        if (!string.IsNullOrEmpty(password))
        {
            return await passwords.ConfirmAsync(caller, password);
        }

        return await IsRecentAsync(caller) ? Confirmation.Confirmed : Confirmation.PasswordNeeded;
    }

    /// <summary><see cref="CheckAsync"/> as an outcome: a refusal is a field error on "password" in the request's language.</summary>
    public async Task<Outcome> ConfirmAsync(Caller caller, string? password) => (await CheckAsync(caller, password)).AsOutcome(t);

    /// <summary>True when this device signed in, or entered the password, within the window.</summary>
    public async Task<bool> IsRecentAsync(Caller caller) =>
        caller.SessionId is { } session
        && await proofs.VerifiedAtAsync(caller.UserId, session) is { } verifiedAt
        && time.GetUtcNow() - verifiedAt < options.Value.RecentSignIn;
}
