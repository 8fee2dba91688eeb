using System.Security.Cryptography;
using Attune.Encryption;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Attune.Tests.Unit;

/// <summary>The encryption-at-rest mechanism on its own, with real key files in a temp folder.</summary>
public sealed class FieldCipherTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "attune-cipher-" + Guid.NewGuid().ToString("N"));
    private readonly KeyOwner _couple = KeyOwner.Couple(Guid.NewGuid());

    [Theory]
    [InlineData("I was scared when you left for the job in Lyon.")]
    [InlineData("")]
    [InlineData("Ünïcødé 🌙 and 中文 and a\0null")]
    public void A_sealed_value_opens_to_the_same_text(string text)
    {
        var cipher = CreateCipher(_folder);
        var sealedValue = cipher.Seal(_couple, text, "answer");
        Assert.Equal(text, cipher.Open(_couple, sealedValue, "answer"));
    }

    [Fact]
    public void Sealing_the_same_text_twice_gives_different_bytes()
    {
        var cipher = CreateCipher(_folder);
        Assert.NotEqual(cipher.Seal(_couple, "same", "answer"), cipher.Seal(_couple, "same", "answer"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(35)]
    [InlineData(-1)]
    public void Changing_any_byte_fails_closed(int position)
    {
        var cipher = CreateCipher(_folder);
        var sealedValue = cipher.Seal(_couple, "do not touch", "answer");
        var index = position < 0 ? sealedValue.Length - 1 : position;
        sealedValue[index] ^= 0x01;
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(_couple, sealedValue, "answer"));
    }

    [Fact]
    public void A_truncated_value_fails_closed()
    {
        var cipher = CreateCipher(_folder);
        var sealedValue = cipher.Seal(_couple, "do not touch", "answer");
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(_couple, sealedValue[..20], "answer"));
    }

    [Fact]
    public void A_value_cannot_be_opened_as_another_owners_or_for_another_purpose()
    {
        var cipher = CreateCipher(_folder);
        var sealedValue = cipher.Seal(_couple, "ours", "answer");
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(KeyOwner.Couple(Guid.NewGuid()), sealedValue, "answer"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(KeyOwner.User(_couple.Id), sealedValue, "answer"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(_couple, sealedValue, "journal"));
    }

    [Fact]
    public void Owners_get_different_data_keys()
    {
        var cipher = CreateCipher(_folder);
        var mine = cipher.Seal(KeyOwner.User(Guid.NewGuid()), "x", "journal");
        var yours = cipher.Seal(KeyOwner.User(Guid.NewGuid()), "x", "journal");
        Assert.NotEqual(mine.AsSpan(1, 16).ToArray(), yours.AsSpan(1, 16).ToArray());
    }

    [Fact]
    public void With_a_different_master_key_the_data_keys_cannot_be_unwrapped()
    {
        var sealedValue = CreateCipher(_folder).Seal(_couple, "secret", "answer");
        var other = _folder + "-other";
        Directory.CreateDirectory(other);
        File.Copy(Path.Combine(_folder, "keys.db"), Path.Combine(other, "keys.db"));

        // A fresh master key is generated in the other folder: the copied vault is useless with it.
        var cipher = CreateCipher(other);
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(_couple, sealedValue, "answer"));
        Directory.Delete(other, recursive: true);
    }

    [Fact]
    public void After_shredding_nothing_sealed_under_the_key_opens_even_in_a_new_process()
    {
        var cipher = CreateCipher(_folder);
        var sealedValue = cipher.Seal(_couple, "gone", "answer");
        cipher.Shred(_couple);

        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(_couple, sealedValue, "answer"));
        Assert.ThrowsAny<CryptographicException>(() => CreateCipher(_folder).Open(_couple, sealedValue, "answer"));
    }

    [Fact]
    public void A_value_sealed_in_one_process_opens_in_the_next()
    {
        var sealedValue = CreateCipher(_folder).Seal(_couple, "lasting", "answer");
        Assert.Equal("lasting", CreateCipher(_folder).Open(_couple, sealedValue, "answer"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A cipher as a fresh process would build it: its own cache, the keys from disk.</summary>
    private static FieldCipher CreateCipher(string folder)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Encryption:KeyDirectory"] = folder })
            .Build();
        var directory = new KeyDirectory(configuration);
        var vault = new KeyVault(
            new MasterKey(directory),
            directory,
            new MemoryCache(new MemoryCacheOptions()),
            Options.Create(new EncryptionOptions()),
            TimeProvider.System);
        return new FieldCipher(vault);
    }
}
