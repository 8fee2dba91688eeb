using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Attune.Data;

/// <summary>
/// The app database's per-connection settings. <c>secure_delete</c>: deleted rows (ciphertext of a left couple
/// or a deleted account) are overwritten instead of lingering in free space and free pages. <c>synchronous =
/// NORMAL</c> (the file runs in WAL mode): a commit is written to the log but not flushed to the disk each time,
/// only at checkpoints; a crash of the process loses nothing acknowledged, a power cut can lose the last
/// commits (ADR 0011: on this machine a flush takes 4.6 ms, which capped all writes at about 220 a second).
/// Pragmas belong to a connection, and Microsoft.Data.Sqlite pools connections: they run once per physical
/// connection (recognised by its native handle), not on every open. Measured on a pooled open plus one small query: the pragma on every open
/// added 2–6 µs (a third or more of that path); once per handle was within the noise of no pragma at all.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    // Weak: a handle closed by the pool is collected and its entry goes with it.
    private readonly ConditionalWeakTable<sqlite3, object> _done = [];

    private SqlitePragmas()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = Pragma(connection);
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = Pragma(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private bool IsNew(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _done.TryAdd(handle, true);

    private static DbCommand Pragma(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete = ON; PRAGMA synchronous = NORMAL;";
        return command;
    }
}
