using System.Security.Cryptography;

namespace Attune.Encryption;

/// <summary>
/// The key-encryption key. It lives in a file outside the database (by default ./data/keys/master.key)
/// and is created on first start. It only ever wraps and unwraps data keys.
/// </summary>
internal sealed class MasterKey
{
    private const string FileName = "master.key";
    private readonly byte[] _key;

    public MasterKey(KeyDirectory directory)
    {
        var path = Path.Combine(directory.Path, FileName);
        if (!File.Exists(path))
        {
            CreateKeyFile(path);
        }

        var text = File.ReadAllText(path).Trim();
        var parts = text.Split(':', 2);
        if (parts.Length != 2)
        {
            throw new InvalidOperationException($"The master key file {path} is not in the expected 'id:base64' form.");
        }

        Id = parts[0];
        _key = Convert.FromBase64String(parts[1]);
        if (_key.Length != 32)
        {
            throw new InvalidOperationException($"The master key in {path} must be 256 bits.");
        }
    }

    /// <summary>Stored beside each wrapped data key so a future rotation knows which key wrapped it.</summary>
    public string Id { get; }

    public byte[] Wrap(ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> associatedData) =>
        Aead.Seal(_key, dataKey, associatedData);

    public byte[] Unwrap(ReadOnlySpan<byte> wrapped, ReadOnlySpan<byte> associatedData) =>
        Aead.Open(_key, wrapped, associatedData);

    private static void CreateKeyFile(string path)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write($"{id}:{key}\n");
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; use theirs.
        }
    }
}

/// <summary>The resolved key folder, created with owner-only permissions.</summary>
internal sealed class KeyDirectory
{
    public KeyDirectory(IConfiguration configuration)
    {
        Path = Resolve(configuration);
    }

    public string Path { get; }

    /// <summary>Encryption:KeyDirectory, or "keys" under the data directory; created owner-only if missing.</summary>
    public static string Resolve(IConfiguration configuration)
    {
        var attune = configuration.GetSection(Data.AttuneOptions.Section).Get<Data.AttuneOptions>() ?? new Data.AttuneOptions();
        var encryption = configuration.GetSection(EncryptionOptions.Section).Get<EncryptionOptions>() ?? new EncryptionOptions();
        var path = System.IO.Path.GetFullPath(encryption.KeyDirectory ?? System.IO.Path.Combine(attune.ResolveDataDirectory(), "keys"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
