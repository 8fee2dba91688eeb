using System.Security.Cryptography;

namespace Attune.Encryption;

/// <summary>AES-256-GCM with a random 96-bit nonce. Layout: nonce | tag | ciphertext.</summary>
internal static class Aead
{
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int Overhead = NonceSize + TagSize;

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var output = new byte[Overhead + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(Overhead), output.AsSpan(NonceSize, TagSize), associatedData);
        return output;
    }

    /// <summary>Throws <see cref="CryptographicException"/> when the value or its context was altered: fail closed.</summary>
    public static byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedValue, ReadOnlySpan<byte> associatedData)
    {
        if (sealedValue.Length < Overhead)
        {
            throw new CryptographicException("The sealed value is truncated.");
        }

        var plaintext = new byte[sealedValue.Length - Overhead];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedValue[..NonceSize], sealedValue[Overhead..], sealedValue.Slice(NonceSize, TagSize), plaintext, associatedData);
        return plaintext;
    }
}
