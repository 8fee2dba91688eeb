using System.Globalization;
using System.Security.Cryptography;
using Attune.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Attune.Features.Accounts;

/// <summary>
/// The token in an address-confirmation link, made and checked through Identity
/// (<c>GenerateEmailConfirmationTokenAsync</c>/<c>ConfirmEmailAsync</c>). Identity's own data-protector provider
/// reads the system clock; this one reads <see cref="TimeProvider"/>, so a link's age is the app's time (and the
/// tests' fake clock). The token names the account, the purpose, when it was made and the security stamp, sealed
/// with Data Protection; it is URL-safe as it is.
/// </summary>
internal sealed class ConfirmationTokens(IDataProtectionProvider protection, TimeProvider time) : IUserTwoFactorTokenProvider<AttuneUser>
{
    public const string Name = "AttuneConfirmation";

    /// <summary>How long a confirmation link works.</summary>
    public static readonly TimeSpan Lifespan = TimeSpan.FromDays(2);

    private readonly IDataProtector _protector = protection.CreateProtector("Attune.Accounts.ConfirmationTokens");

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AttuneUser> manager, AttuneUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<AttuneUser> manager, AttuneUser user)
    {
        var stamp = await manager.GetSecurityStampAsync(user);
        var made = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var payload = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', user.Id.ToString("N"), purpose, made, stamp));
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AttuneUser> manager, AttuneUser user)
    {
        string[] parts;
        try
        {
            parts = System.Text.Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('\n');
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }

        if (parts.Length != 4 || parts[0] != user.Id.ToString("N") || parts[1] != purpose
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age >= TimeSpan.Zero && age <= Lifespan && parts[3] == await manager.GetSecurityStampAsync(user);
    }
}
