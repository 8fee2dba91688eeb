using Attune.Data;
using Attune.Encryption;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Attune.Hosting;

/// <summary>
/// Start-up work on state that several instances share (docs/scaling.md): migrations and the question
/// library in the database, the master key, the data-key vault and the first Data Protection key in the
/// key folder. Instances started at the same moment on nothing would each apply the same migration,
/// insert the same library rows and create a Data Protection key of their own (each then protecting
/// tokens with its own key, which the other refuses once ASP.NET Core stops re-reading the ring on an
/// unknown key, two minutes after start). So on PostgreSQL this runs under a lock in the shared database:
/// the first instance does it, the others wait and find it done.
/// </summary>
internal static class FirstStart
{
    /// <summary>Any fixed number: an advisory lock is named by a 64-bit key, and only Attune's start-up takes this one.</summary>
    private const long LockKey = 0x4174_7475_6E65_0001;

    public static async Task PrepareSharedStateAsync(this WebApplication app)
    {
        await using var exclusive = await LockAsync(app.Services);
        await app.MigrateAttuneDatabaseAsync();
        // Both are otherwise made on first use, which two instances could reach at the same moment.
        app.Services.GetRequiredService<KeyVault>();
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(FirstStart)).Protect([]);
    }

    /// <summary>A session-level advisory lock on a connection of its own (PostgreSQL), or null (SQLite: one instance per file).</summary>
    private static async Task<NpgsqlConnection?> LockAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttuneDbContext>();
        if (!db.Database.IsNpgsql())
        {
            return null;
        }

        // Not pooled, so that closing the connection ends the session and with it the lock, also when the
        // process dies; no command timeout, because the wait lasts as long as the other instance's migrations.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString())
        {
            Pooling = false,
            CommandTimeout = 0,
        }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", LockKey);
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}
