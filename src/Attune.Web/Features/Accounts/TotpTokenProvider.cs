using Attune.Data;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Attune.Features.Accounts;

/// <summary>
/// Authenticator-app codes (RFC 6238, 30-second steps, one step of drift either way) on the app's
/// <see cref="TimeProvider"/>. Unlike Identity's built-in provider, a code works only once: the last
/// accepted step is remembered, so a code seen over someone's shoulder cannot be replayed.
/// </summary>
internal sealed class TotpTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<AttuneUser>
{
    public const string Name = "AttuneTotp";

    /// <summary>What the code field accepts as typed: six digits, perhaps grouped as "123 456".</summary>
    public const int MaxTypedLength = 9;
    private const string LastStep = "last-step";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AttuneUser> manager, AttuneUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>Codes come from the person's app, never from the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AttuneUser> manager, AttuneUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AttuneUser> manager, AttuneUser user)
    {
        var code = Normalise(token);
        if (code is null || await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, VerificationWindow.RfcSpecifiedNetworkDelay))
        {
            return false;
        }

        var last = await manager.GetAuthenticationTokenAsync(user, Name, LastStep);
        if (long.TryParse(last, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
        {
            return false;
        }

        await manager.SetAuthenticationTokenAsync(user, Name, LastStep, step.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>Six digits; spaces and dashes people type from their app are ignored.</summary>
    public static string? Normalise(string? token)
    {
        var code = (token ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return code.Length == 6 && code.All(char.IsAsciiDigit) ? code : null;
    }
}
