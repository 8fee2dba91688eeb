using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Attune.Features.Passkeys;

/// <summary>
/// Whether this client started the ceremony it is finishing. Identity keeps a ceremony's challenge in
/// its short-lived two-factor cookie and throws when asked to finish one that was never started, has
/// expired or was of the other kind, which would be a 500 on an anonymous route. Asking first makes it
/// an ordinary refusal.
/// </summary>
internal static class PasskeyCeremony
{
    public const string Attestation = "Attestation";
    public const string Assertion = "Assertion";

    // Identity's own names (SignInManager's PasskeyOperation item). Were they to change, every ceremony
    // would be refused, never accepted unchecked, and PasskeyApiTests would show it.
    private const string OperationKey = "PasskeyOperation";

    public static async Task<bool> IsUnderwayAsync(HttpContext context, string operation) =>
        (await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme)).Properties?.Items
            .TryGetValue(OperationKey, out var underway) == true
        && underway == operation;
}
