using Attune.Data;
using Attune.Encryption;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Attune.Features.Security;

/// <summary>
/// Identity's EF Core user store, except that the authenticator key and the recovery codes are sealed
/// under the person's own data key (bound to their AspNetUserTokens row), so a database backup alone holds
/// neither, and deleting the account (which destroys that key) shreds them in every copy. Identity reads
/// and writes both only through <see cref="GetTokenAsync"/> and <see cref="SetTokenAsync"/> (setup,
/// sign-in, redeeming and counting codes), so sealing there covers every path. A value stored in plain
/// text before this store existed is still read, and sealed the first time it is read.
/// </summary>
internal sealed class SealedTwoStepStore(AttuneDbContext db, FieldCipher cipher, IdentityErrorDescriber? describer = null)
    : UserStore<AttuneUser, IdentityRole<Guid>, AttuneDbContext, Guid>(db, describer)
{
    public const string Purpose = "two-step-secret";

    // Identity's own names for the two secrets (UserStoreBase's private constants).
    private const string IdentityProvider = "[AspNetUserStore]";
    private const string AuthenticatorKey = "AuthenticatorKey";
    private const string RecoveryCodes = "RecoveryCodes";

    // Base32 keys and recovery codes never contain ':', so a plain value cannot look sealed.
    private const string SealedPrefix = "sealed:";

    public override Task SetTokenAsync(AttuneUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var stored = value is not null && IsSecret(loginProvider, name) ? Seal(cipher, user.Id, name, value) : value;
        return base.SetTokenAsync(user, loginProvider, name, stored, cancellationToken);
    }

    public override async Task<string?> GetTokenAsync(AttuneUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        if (stored is null || !IsSecret(loginProvider, name))
        {
            return stored;
        }

        if (stored.StartsWith(SealedPrefix, StringComparison.Ordinal))
        {
            return Open(cipher, user.Id, name, stored);
        }

        // Written before secrets were sealed: seal it now, so it does not stay readable in the database.
        await SetTokenAsync(user, loginProvider, name, stored, cancellationToken);
        await SaveChanges(cancellationToken);
        return stored;
    }

    /// <summary>The stored form of a secret: the prefix and the sealed value in Base64.</summary>
    public static string Seal(FieldCipher cipher, Guid userId, string name, string value) =>
        SealedPrefix + Convert.ToBase64String(cipher.Seal(KeyOwner.User(userId), value, Purpose, Row(userId, name)));

    /// <summary>Fails closed (<see cref="System.Security.Cryptography.CryptographicException"/>) like <see cref="FieldCipher.Open"/>.</summary>
    public static string Open(FieldCipher cipher, Guid userId, string name, string stored) =>
        cipher.Open(KeyOwner.User(userId), Convert.FromBase64String(stored[SealedPrefix.Length..]), Purpose, Row(userId, name));

    private static bool IsSecret(string loginProvider, string name) =>
        loginProvider == IdentityProvider && (name is AuthenticatorKey or RecoveryCodes);

    private static string Row(Guid userId, string name) => $"AspNetUserTokens/{userId:N}/{IdentityProvider}/{name}";
}
