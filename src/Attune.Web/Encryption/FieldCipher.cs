using System.Security.Cryptography;
using System.Text;

namespace Attune.Encryption;

/// <summary>
/// The one way intimate free text is stored: AES-256-GCM under the owner's data key.
/// A sealed value is: version (1 byte) | data key id (16 bytes) | nonce | tag | ciphertext.
/// Bound as associated data: the header, the owner, the purpose (e.g. "answer") and the row the value
/// belongs to (e.g. "answers/{couple}/{date}/{user}"), so a value cannot be moved to another owner, field
/// or row. Version 1 values, written before rows were bound, still open (they carry no row); every
/// write seals version 2, and the version byte is itself bound, so a version 2 value cannot pose as one.
/// </summary>
internal sealed class FieldCipher(KeyVault vault)
{
    private const byte OwnerAndPurpose = 1;
    private const byte OwnerPurposeAndRow = 2;
    private const int HeaderSize = 1 + 16;

    public byte[] Seal(KeyOwner owner, string plaintext, string purpose, string row)
    {
        var key = vault.GetOrCreate(owner);
        var header = new byte[HeaderSize];
        header[0] = OwnerPurposeAndRow;
        key.Id.TryWriteBytes(header.AsSpan(1));
        var body = Aead.Seal(key.Material, Encoding.UTF8.GetBytes(plaintext), AssociatedData(header, owner, purpose, row));
        return [.. header, .. body];
    }

    /// <summary>
    /// Opens a value sealed for <paramref name="owner"/>, <paramref name="purpose"/> and <paramref name="row"/>.
    /// Fails closed with a <see cref="CryptographicException"/> when the value was altered, belongs to
    /// someone else, another field or another row, or its key was destroyed.
    /// </summary>
    public string Open(KeyOwner owner, byte[] sealedValue, string purpose, string row)
    {
        var key = KeyOf(sealedValue) ?? throw new CryptographicException("The data key for this value no longer exists.");
        if (key.Owner != owner)
        {
            throw new CryptographicException("The value was not sealed for this owner.");
        }

        var header = sealedValue.AsSpan(0, HeaderSize);
        var boundRow = header[0] == OwnerPurposeAndRow ? row : null;
        var plaintext = Aead.Open(key.Material, sealedValue.AsSpan(HeaderSize), AssociatedData(header, owner, purpose, boundRow));
        return Encoding.UTF8.GetString(plaintext);
    }

    /// <summary>
    /// Whose key a value is sealed under; null when that key was destroyed. Says nothing of the value's
    /// integrity (only <see cref="Open"/> checks that); an unknown format fails closed as in Open.
    /// </summary>
    public KeyOwner? OwnerOf(byte[] sealedValue) => KeyOf(sealedValue)?.Owner;

    /// <summary>Crypto-shredding: destroys the owner's data key. Safe to repeat.</summary>
    public void Shred(KeyOwner owner) => vault.Destroy(owner);

    private DataKey? KeyOf(byte[] sealedValue)
    {
        ArgumentNullException.ThrowIfNull(sealedValue);
        if (sealedValue.Length < HeaderSize + Aead.Overhead || sealedValue[0] is not (OwnerAndPurpose or OwnerPurposeAndRow))
        {
            throw new CryptographicException("The sealed value has an unknown format.");
        }

        return vault.Find(new Guid(sealedValue.AsSpan(1, 16)));
    }

    // Purposes are constants without '|', and the row comes last, so the parts cannot run into each other.
    private static byte[] AssociatedData(ReadOnlySpan<byte> header, KeyOwner owner, string purpose, string? row) =>
        [.. header, .. Encoding.UTF8.GetBytes(row is null ? $"|{owner}|{purpose}" : $"|{owner}|{purpose}|{row}")];
}
