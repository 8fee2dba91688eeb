using System.Buffers.Text;
using System.Security.Cryptography;

namespace Attune.Features.Reminders;

/// <summary>
/// An unsubscribe link's token: the person's id, the kind and an HMAC over both under the person's own random secret
/// (<see cref="ReminderSettings.Secret"/>), so it works without signing in, for that person and kind only, and
/// cannot be made for someone else. URL-safe base64, 44 characters.
/// </summary>
internal static class UnsubscribeTokens
{
    private const int MacLength = 16;

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(32);

    public static string Make(Guid userId, ReminderKind kind, byte[] secret)
    {
        var payload = Payload(userId, kind);
        return Base64Url.EncodeToString([.. payload, .. Mac(secret, payload)]);
    }

    /// <summary>Reads the claimed person and kind; the caller still checks the MAC with <see cref="Verify"/>.</summary>
    public static bool TryRead(string? token, out Guid userId, out ReminderKind kind)
    {
        userId = Guid.Empty;
        kind = default;
        if (token is null || token.Length > 64 || !Base64Url.IsValid(token))
        {
            return false;
        }

        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length != 17 + MacLength || !Enum.IsDefined((ReminderKind)bytes[16]))
        {
            return false;
        }

        userId = new Guid(bytes.AsSpan(0, 16));
        kind = (ReminderKind)bytes[16];
        return true;
    }

    public static bool Verify(string token, byte[] secret)
    {
        var bytes = Base64Url.DecodeFromChars(token);
        return secret.Length > 0 && CryptographicOperations.FixedTimeEquals(Mac(secret, bytes.AsSpan(0, 17).ToArray()), bytes.AsSpan(17));
    }

    private static byte[] Payload(Guid userId, ReminderKind kind) => [.. userId.ToByteArray(), (byte)kind];

    private static byte[] Mac(byte[] secret, byte[] payload) => HMACSHA256.HashData(secret, payload)[..MacLength];
}
