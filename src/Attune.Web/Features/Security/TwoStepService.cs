using System.Text;
using Attune.Data;
using Attune.Features.Accounts;
using Attune.Features.Audit;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Attune.Features.Security;

internal sealed record TwoStepStatus(bool Enabled, int RecoveryCodesLeft);

internal sealed record TwoStepSetup(string SharedKey, string AuthenticatorUri, string QrCode);

internal sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);

/// <summary>
/// Two-step sign-in with an authenticator app, and the one-time recovery codes that back it up.
/// Its callers (endpoints and pages) first make sure, through <see cref="RecentSignIn"/>, that the owner is at the device.
/// </summary>
internal sealed class TwoStepService(UserManager<AttuneUser> users, AuditLog audit, IStringLocalizer<SecurityText> t)
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "Attune";

    public async Task<TwoStepStatus> StatusAsync(Guid me)
    {
        var user = await users.RequireAsync(me);
        return new TwoStepStatus(await users.GetTwoFactorEnabledAsync(user), await users.CountRecoveryCodesAsync(user));
    }

    /// <summary>
    /// The key to scan. It is kept until two-step sign-in is on, so reloading does not break a scan in progress.
    /// With two-step sign-in on, a new key replaces the active one at once (moving to a new phone): the
    /// old app stops working, so that is a security event. Callers confirm it is the owner first (RecentSignIn).
    /// </summary>
    public async Task<TwoStepSetup> SetupAsync(Guid me)
    {
        var user = await users.RequireAsync(me);
        var key = await users.GetAuthenticatorKeyAsync(user);
        var replacing = await users.GetTwoFactorEnabledAsync(user);
        if (string.IsNullOrEmpty(key) || replacing)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        if (replacing)
        {
            await audit.RecordAsync(AuditKind.AuthenticatorKeyReplaced, me);
        }

        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6&period=30";
        return new TwoStepSetup(Group(key), uri, QrCodes.DataUri(uri));
    }

    /// <summary>Turns two-step sign-in on once a code from the app proves the scan worked; returns fresh recovery codes.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> EnableAsync(Guid me, string? code)
    {
        var user = await users.RequireAsync(me);
        if (TotpTokenProvider.Normalise(code) is not { } digits
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            return Failure.Field("code", t["twostep.code.wrong"]);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordAsync(AuditKind.TwoStepEnabled, me);
        return Outcome.Of<IReadOnlyList<string>>([.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []]);
    }

    public async Task DisableAsync(Guid me)
    {
        var user = await users.RequireAsync(me);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await audit.RecordAsync(AuditKind.TwoStepDisabled, me);
    }

    /// <summary>New recovery codes replace the old ones; they come with two-step sign-in, so not while it is off.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> RenewRecoveryCodesAsync(Guid me)
    {
        var user = await users.RequireAsync(me);
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return Failure.Conflict(t["twostep.off.title"], t["twostep.off.detail"]);
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await audit.RecordAsync(AuditKind.RecoveryCodesRenewed, me);
        return Outcome.Of<IReadOnlyList<string>>([.. codes ?? []]);
    }

    /// <summary>Groups of four are easier to type from the screen.</summary>
    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
