using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Attune.Encryption;

/// <summary>
/// Holds one data key per couple and per user, wrapped by the <see cref="MasterKey"/>, in a small
/// SQLite file in the key folder (not in the application database). Destroying a key there makes
/// every value sealed under it unreadable, including copies in older database backups.
/// </summary>
internal sealed class KeyVault
{
    private readonly MasterKey _masterKey;
    private readonly IMemoryCache _cache;
    private readonly TimeSpan _cacheDuration;
    private readonly string _connectionString;
    private readonly TimeProvider _time;

    public KeyVault(MasterKey masterKey, KeyDirectory directory, IMemoryCache cache, IOptions<EncryptionOptions> options, TimeProvider time)
    {
        _masterKey = masterKey;
        _time = time;
        _cache = cache;
        _cacheDuration = options.Value.KeyCacheDuration;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory.Path, "keys.db"),
            Pooling = true,
        }.ToString();
        using var connection = Open();
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS data_keys (
                id BLOB PRIMARY KEY,
                owner TEXT NOT NULL UNIQUE,
                master_key_id TEXT NOT NULL,
                wrapped BLOB NOT NULL,
                created_at TEXT NOT NULL)
            """);
    }

    /// <summary>The owner's data key, created on first use.</summary>
    public DataKey GetOrCreate(KeyOwner owner)
    {
        var cacheKey = ("owner", owner);
        if (_cache.TryGetValue(cacheKey, out DataKey? cached) && cached is not null)
        {
            return cached;
        }

        using var connection = Open();
        var key = Read(connection, "owner", owner.ToString());
        if (key is null)
        {
            var id = Guid.NewGuid();
            var material = RandomNumberGenerator.GetBytes(32);
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO data_keys (id, owner, master_key_id, wrapped, created_at)
                VALUES ($id, $owner, $master, $wrapped, $created) ON CONFLICT (owner) DO NOTHING
                """;
            insert.Parameters.AddWithValue("$id", id.ToByteArray());
            insert.Parameters.AddWithValue("$owner", owner.ToString());
            insert.Parameters.AddWithValue("$master", _masterKey.Id);
            insert.Parameters.AddWithValue("$wrapped", _masterKey.Wrap(material, WrapContext(id, owner)));
            insert.Parameters.AddWithValue("$created", _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
            CryptographicOperations.ZeroMemory(material);

            // Read back: if another request created the key at the same moment, both use the winner.
            key = Read(connection, "owner", owner.ToString())
                  ?? throw new CryptographicException($"The data key for {owner} could not be created.");
        }

        Remember(key);
        return key;
    }

    /// <summary>Creates the missing keys of many owners in one transaction (bulk imports, the benchmark's data generator).</summary>
    public void Prepare(IEnumerable<KeyOwner> owners)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO data_keys (id, owner, master_key_id, wrapped, created_at) " +
                             "VALUES ($id, $owner, $master, $wrapped, $created) ON CONFLICT (owner) DO NOTHING";
        var id = insert.Parameters.Add("$id", SqliteType.Blob);
        var owner = insert.Parameters.Add("$owner", SqliteType.Text);
        var wrapped = insert.Parameters.Add("$wrapped", SqliteType.Blob);
        insert.Parameters.AddWithValue("$master", _masterKey.Id);
        insert.Parameters.AddWithValue("$created", _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var keyOwner in owners)
        {
            var keyId = Guid.NewGuid();
            var material = RandomNumberGenerator.GetBytes(32);
            id.Value = keyId.ToByteArray();
            owner.Value = keyOwner.ToString();
            wrapped.Value = _masterKey.Wrap(material, WrapContext(keyId, keyOwner));
            insert.ExecuteNonQuery();
            CryptographicOperations.ZeroMemory(material);
        }

        transaction.Commit();
    }

    /// <summary>The data key with this id, or null when it was destroyed (crypto-shredded).</summary>
    public DataKey? Find(Guid keyId)
    {
        if (_cache.TryGetValue(("id", keyId), out DataKey? cached) && cached is not null)
        {
            return cached;
        }

        using var connection = Open();
        var key = Read(connection, "id", keyId.ToByteArray());
        if (key is not null)
        {
            Remember(key);
        }

        return key;
    }

    /// <summary>Destroys the owner's data key. Values sealed under it can never be opened again.</summary>
    public void Destroy(KeyOwner owner)
    {
        using var connection = Open();
        var key = Read(connection, "owner", owner.ToString());
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM data_keys WHERE owner = $owner";
        delete.Parameters.AddWithValue("$owner", owner.ToString());
        delete.ExecuteNonQuery();
        _cache.Remove(("owner", owner));
        if (key is not null)
        {
            _cache.Remove(("id", key.Id));
        }
    }

    private static byte[] WrapContext(Guid id, KeyOwner owner) =>
        Encoding.UTF8.GetBytes($"attune-data-key|{id:N}|{owner}");

    private void Remember(DataKey key)
    {
        var options = new MemoryCacheEntryOptions { SlidingExpiration = _cacheDuration };
        _cache.Set(("owner", key.Owner), key, options);
        _cache.Set(("id", key.Id), key, options);
    }

    // column is "id" or "owner": both are unique.
    private DataKey? Read(SqliteConnection connection, string column, object value)
    {
        using var select = connection.CreateCommand();
        select.CommandText = column == "id"
            ? "SELECT id, owner, wrapped FROM data_keys WHERE id = $value"
            : "SELECT id, owner, wrapped FROM data_keys WHERE owner = $value";
        select.Parameters.AddWithValue("$value", value);
        using var reader = select.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var id = new Guid((byte[])reader[0]);
        var owner = ParseOwner(reader.GetString(1));
        var material = _masterKey.Unwrap((byte[])reader[2], WrapContext(id, owner));
        return new DataKey(id, owner, material);
    }

    private static KeyOwner ParseOwner(string text)
    {
        var parts = text.Split(':', 2);
        var kind = Enum.Parse<KeyOwnerKind>(parts[0], ignoreCase: true);
        return new KeyOwner(kind, Guid.ParseExact(parts[1], "N"));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // secure_delete overwrites a destroyed key's bytes instead of leaving them in free pages.
        Execute(connection, "PRAGMA secure_delete = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>An unwrapped data key, held only in memory.</summary>
internal sealed record DataKey(Guid Id, KeyOwner Owner, byte[] Material);
