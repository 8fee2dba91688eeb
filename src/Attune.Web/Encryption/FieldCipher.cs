using System.Security.Cryptography;
using System.Text;

namespace Attune.Encryption;

/// <summary>
/// The one way intimate free text is stored: AES-256-GCM under the owner's data key.
/// A sealed value is: version (1 byte) | data key id (16 bytes) | nonce | tag | ciphertext.
/// The purpose (e.g. "answer") is bound as associated data, so a value cannot be moved to another field.
/// </summary>
internal sealed class FieldCipher(KeyVault vault)
{
    private const byte Version = 1;
    private const int HeaderSize = 1 + 16;

    public byte[] Seal(KeyOwner owner, string plaintext, string purpose)
    {
        var key = vault.GetOrCreate(owner);
        var header = new byte[HeaderSize];
        header[0] = Version;
        key.Id.TryWriteBytes(header.AsSpan(1));
        var body = Aead.Seal(key.Material, Encoding.UTF8.GetBytes(plaintext), AssociatedData(header, owner, purpose));
        return [.. header, .. body];
    }

    /// <summary>
    /// Opens a value sealed for <paramref name="owner"/>. Fails closed with a
    /// <see cref="CryptographicException"/> when the value was altered, belongs to someone else,
    /// or its key was destroyed.
    /// </summary>
    public string Open(KeyOwner owner, byte[] sealedValue, string purpose)
    {
        ArgumentNullException.ThrowIfNull(sealedValue);
        if (sealedValue.Length < HeaderSize + Aead.Overhead || sealedValue[0] != Version)
        {
            throw new CryptographicException("The sealed value has an unknown format.");
        }

        var header = sealedValue.AsSpan(0, HeaderSize);
        var keyId = new Guid(header[1..]);
        var key = vault.Find(keyId) ?? throw new CryptographicException("The data key for this value no longer exists.");
        if (key.Owner != owner)
        {
            throw new CryptographicException("The value was not sealed for this owner.");
        }

        var plaintext = Aead.Open(key.Material, sealedValue.AsSpan(HeaderSize), AssociatedData(header, owner, purpose));
        return Encoding.UTF8.GetString(plaintext);
    }

    /// <summary>Crypto-shredding: destroys the owner's data key.</summary>
    public void Shred(KeyOwner owner) => vault.Destroy(owner);

    private static byte[] AssociatedData(ReadOnlySpan<byte> header, KeyOwner owner, string purpose) =>
        [.. header, .. Encoding.UTF8.GetBytes($"|{owner}|{purpose}")];
}
