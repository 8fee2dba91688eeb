using System.Text;
using Attune.Encryption;

namespace Attune.Tests.Fixtures;

/// <summary>
/// FieldCipher.Seal as it was before sealed values were bound to their row (format version 1), byte for
/// byte: version 1 | data key id | nonce | tag | ciphertext, with header, owner and purpose as associated
/// data. Values like these are in databases written by earlier versions and must still open.
/// </summary>
internal static class LegacyFieldCipher
{
    public static byte[] SealVersion1(KeyVault vault, KeyOwner owner, string plaintext, string purpose)
    {
        var key = vault.GetOrCreate(owner);
        var header = new byte[1 + 16];
        header[0] = 1;
        key.Id.TryWriteBytes(header.AsSpan(1));
        var body = Aead.Seal(key.Material, Encoding.UTF8.GetBytes(plaintext), [.. header, .. Encoding.UTF8.GetBytes($"|{owner}|{purpose}")]);
        return [.. header, .. body];
    }
}
