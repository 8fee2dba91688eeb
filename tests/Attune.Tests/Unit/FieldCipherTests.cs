using System.Security.Cryptography;
using Attune.Encryption;
using Attune.Tests.Fixtures;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Attune.Tests.Unit;

/// <summary>The encryption-at-rest mechanism on its own, with real key files in a temp folder.</summary>
public sealed class FieldCipherTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "attune-cipher-" + Guid.NewGuid().ToString("N"));
    private const string Row = "answers/a-row";
    private readonly KeyOwner _couple = KeyOwner.Couple(Guid.NewGuid());

    [Theory]
    [InlineData("I was scared when you left for the job in Lyon.")]
    [InlineData("")]
    [InlineData("Ünïcødé 🌙 and 中文 and a\0null")]
    public void A_sealed_value_opens_to_the_same_text(string text)
    {
        var cipher = CreateCipher(_folder);
        var sealedValue = cipher.Seal(_couple, text, "answer", Row);
        Assert.Equal(text, cipher.Open(_couple, sealedValue, "answer", Row));
    }

    [Fact]
    public void Sealing_the_same_text_twice_gives_different_bytes()
    {
        var cipher = CreateCipher(_folder);
        Assert.NotEqual(cipher.Seal(_couple, "same", "answer", Row), cipher.Seal(_couple, "same", "answer", Row));
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
        var sealedValue = cipher.Seal(_couple, "do not touch", "answer", Row);
        var index = position < 0 ? sealedValue.Length - 1 : position;
        sealedValue[index] ^= 0x01;
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(_couple, sealedValue, "answer", Row));
    }

    [Fact]
    public void A_truncated_value_fails_closed()
    {
        var cipher = CreateCipher(_folder);
        var sealedValue = cipher.Seal(_couple, "do not touch", "answer", Row);
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(_couple, sealedValue[..20], "answer", Row));
    }

    [Fact]
    public void A_value_cannot_be_opened_as_another_owners_or_for_another_purpose()
    {
        var cipher = CreateCipher(_folder);
        var sealedValue = cipher.Seal(_couple, "ours", "answer", Row);
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(KeyOwner.Couple(Guid.NewGuid()), sealedValue, "answer", Row));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(KeyOwner.User(_couple.Id), sealedValue, "answer", Row));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(_couple, sealedValue, "journal", Row));
    }

    [Fact]
    public void A_value_copied_into_another_row_fails_closed()
    {
        var cipher = CreateCipher(_folder);
        var owner = KeyOwner.User(Guid.NewGuid());
        var monday = cipher.Seal(owner, "what I said on Monday", "answer", "answers/c/2026-11-23/u");

        Assert.Equal("what I said on Monday", cipher.Open(owner, monday, "answer", "answers/c/2026-11-23/u"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(owner, monday, "answer", "answers/c/2026-11-24/u"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(owner, monday, "answer", ""));
    }

    [Fact]
    public void A_version_1_value_written_by_the_old_code_still_opens()
    {
        var vault = CreateVault(_folder);
        var legacy = LegacyFieldCipher.SealVersion1(vault, _couple, "written last year", "answer");

        // Version 1 carries no row, so any row opens it; owner and purpose are still bound.
        Assert.Equal("written last year", new FieldCipher(vault).Open(_couple, legacy, "answer", Row));
        Assert.Equal("written last year", CreateCipher(_folder).Open(_couple, legacy, "answer", "anything"));
        Assert.ThrowsAny<CryptographicException>(() => CreateCipher(_folder).Open(_couple, legacy, "journal", Row));
    }

    [Fact]
    public void A_version_2_value_cannot_pose_as_version_1_to_shed_its_row()
    {
        var cipher = CreateCipher(_folder);
        var sealedValue = cipher.Seal(_couple, "bound", "answer", Row);
        Assert.Equal(2, sealedValue[0]);

        sealedValue[0] = 1;
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(_couple, sealedValue, "answer", Row));
    }

    [Fact]
    public void The_owner_of_a_value_is_known_until_its_key_is_destroyed()
    {
        var cipher = CreateCipher(_folder);
        var sealedValue = cipher.Seal(_couple, "ours", "custom-question", Row);
        Assert.Equal(_couple, cipher.OwnerOf(sealedValue));

        cipher.Shred(_couple);
        Assert.Null(cipher.OwnerOf(sealedValue));
        Assert.Null(CreateCipher(_folder).OwnerOf(sealedValue));
    }

    [Fact]
    public void Owners_get_different_data_keys()
    {
        var cipher = CreateCipher(_folder);
        var mine = cipher.Seal(KeyOwner.User(Guid.NewGuid()), "x", "journal", Row);
        var yours = cipher.Seal(KeyOwner.User(Guid.NewGuid()), "x", "journal", Row);
        Assert.NotEqual(mine.AsSpan(1, 16).ToArray(), yours.AsSpan(1, 16).ToArray());
    }

    [Fact]
    public void With_a_different_master_key_the_data_keys_cannot_be_unwrapped()
    {
        var sealedValue = CreateCipher(_folder).Seal(_couple, "secret", "answer", Row);
        var other = _folder + "-other";
        Directory.CreateDirectory(other);
        File.Copy(Path.Combine(_folder, "keys.db"), Path.Combine(other, "keys.db"));

        // A fresh master key is generated in the other folder: the copied vault is useless with it.
        var cipher = CreateCipher(other);
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(_couple, sealedValue, "answer", Row));
        Directory.Delete(other, recursive: true);
    }

    [Fact]
    public void After_shredding_nothing_sealed_under_the_key_opens_even_in_a_new_process()
    {
        var cipher = CreateCipher(_folder);
        var sealedValue = cipher.Seal(_couple, "gone", "answer", Row);
        cipher.Shred(_couple);

        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(_couple, sealedValue, "answer", Row));
        Assert.ThrowsAny<CryptographicException>(() => CreateCipher(_folder).Open(_couple, sealedValue, "answer", Row));
    }

    [Fact]
    public void A_value_sealed_in_one_process_opens_in_the_next()
    {
        var sealedValue = CreateCipher(_folder).Seal(_couple, "lasting", "answer", Row);
        Assert.Equal("lasting", CreateCipher(_folder).Open(_couple, sealedValue, "answer", Row));
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
    private static FieldCipher CreateCipher(string folder) => new(CreateVault(folder));

    private static KeyVault CreateVault(string folder)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Encryption:KeyDirectory"] = folder })
            .Build();
        var directory = new KeyDirectory(configuration);
        return new KeyVault(
            new MasterKey(directory),
            directory,
            new MemoryCache(new MemoryCacheOptions()),
            Options.Create(new EncryptionOptions()),
            TimeProvider.System);
    }
}
