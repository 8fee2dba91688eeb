using Microsoft.Data.Sqlite;

namespace Attune.Features.Backups;

/// <summary>Consistent copies of a live SQLite database, and restoring one, both through SQLite itself.</summary>
internal static class SqliteBackup
{
    /// <summary>VACUUM INTO: a consistent, compacted copy taken while the app keeps running.</summary>
    public static async Task<BackupOutcome> CopyAsync(string liveConnectionString, string target)
    {
        if (File.Exists(target))
        {
            return BackupOutcome.Refused($"{target} already exists; choose a new file name.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using (var live = Open(liveConnectionString, SqliteOpenMode.ReadWrite))
        {
            await live.OpenAsync();
            await using var vacuum = live.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target";
            vacuum.Parameters.AddWithValue("$target", target);
            await vacuum.ExecuteNonQueryAsync();
        }

        var (migrations, problem) = await CheckAsync(target);
        return problem is not null
            ? BackupOutcome.Refused(problem)
            : BackupOutcome.Done($"Backed up the database to {target} ({new FileInfo(target).Length:N0} bytes, {migrations} migrations). " +
                                 "Back up the key folder separately (backup keys FOLDER): without it this file cannot be read.");
    }

    /// <summary>Replaces the live database with the backup's content. Stop the app first.</summary>
    public static async Task<BackupOutcome> RestoreAsync(string source, string liveConnectionString)
    {
        if (!File.Exists(source))
        {
            return BackupOutcome.Refused($"{source} does not exist.");
        }

        var (migrations, problem) = await CheckAsync(source);
        if (problem is not null)
        {
            return BackupOutcome.Refused(problem);
        }

        await using var backup = Open($"Data Source={source}", SqliteOpenMode.ReadOnly);
        await using var live = Open(liveConnectionString, SqliteOpenMode.ReadWriteCreate);
        await backup.OpenAsync();
        await live.OpenAsync();
        // SQLite's online backup API writes every page of the live file in one step, WAL included.
        backup.BackupDatabase(live);
        await using var wal = live.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL; PRAGMA wal_checkpoint(TRUNCATE);";
        await wal.ExecuteNonQueryAsync();
        return BackupOutcome.Done($"Restored the database from {source} ({migrations} migrations). Newer migrations, if any, apply when Attune starts.");
    }

    /// <summary>A backup must pass SQLite's integrity check and be an Attune database: its migration count, or what is wrong.</summary>
    private static async Task<(long Migrations, string? Problem)> CheckAsync(string file)
    {
        await using var connection = Open($"Data Source={file}", SqliteOpenMode.ReadOnly);
        try
        {
            await connection.OpenAsync();
            await using var integrity = connection.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            if (await integrity.ExecuteScalarAsync() as string != "ok")
            {
                return (0, $"{file} failed SQLite's integrity check.");
            }

            await using var migrations = connection.CreateCommand();
            migrations.CommandText = "SELECT count(*) FROM \"__EFMigrationsHistory\"";
            return ((long)(await migrations.ExecuteScalarAsync())!, null);
        }
        catch (SqliteException e)
        {
            // Opening a file that is not a database (or not Attune's) is where SQLite says so.
            return (0, $"{file} is not an Attune database ({e.Message}).");
        }
    }

    private static SqliteConnection Open(string connectionString, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder(connectionString) { Mode = mode, Pooling = false }.ToString());
}
