using Microsoft.Data.Sqlite;

namespace Attune.Features.Backups;

/// <summary>
/// The key folder: master.key, the data-key vault (keys.db) and the Data Protection keys. A copy of it
/// still holds the keys of accounts deleted after it was made, so keep only the latest copy.
/// </summary>
internal static class KeyFolderBackup
{
    private const string Vault = "keys.db";

    public static async Task<BackupOutcome> CopyAsync(string keyFolder, string target)
    {
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            return BackupOutcome.Refused($"{target} is not empty; choose a new folder.");
        }

        if (!File.Exists(Path.Combine(keyFolder, "master.key")))
        {
            return BackupOutcome.Refused($"{keyFolder} holds no master.key; is the key folder setting right?");
        }

        CreatePrivate(target);
        foreach (var file in Directory.EnumerateFiles(keyFolder, "*", SearchOption.AllDirectories)
                     .Where(f => !Path.GetFileName(f).StartsWith(Vault, StringComparison.Ordinal)))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(keyFolder, file));
            CreatePrivate(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        if (File.Exists(Path.Combine(keyFolder, Vault)))
        {
            await using var vault = new SqliteConnection($"Data Source={Path.Combine(keyFolder, Vault)};Mode=ReadOnly;Pooling=False");
            await vault.OpenAsync();
            await using var vacuum = vault.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target";
            vacuum.Parameters.AddWithValue("$target", Path.Combine(target, Vault));
            await vacuum.ExecuteNonQueryAsync();
        }

        return BackupOutcome.Done($"Backed up the key folder to {target}. Keep it apart from database backups, and keep only the latest copy.");
    }

    /// <summary>Only into an empty key folder (after losing the server): never over live keys.</summary>
    public static BackupOutcome Restore(string source, string keyFolder)
    {
        if (!File.Exists(Path.Combine(source, "master.key")))
        {
            return BackupOutcome.Refused($"{source} holds no master.key; it is not a key folder backup.");
        }

        if (File.Exists(Path.Combine(keyFolder, "master.key")))
        {
            return BackupOutcome.Refused($"{keyFolder} already holds keys. Restoring over live keys could bring back deleted accounts' keys; move the folder away first if you really mean to.");
        }

        CreatePrivate(keyFolder);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(keyFolder, Path.GetRelativePath(source, file));
            CreatePrivate(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }

        return BackupOutcome.Done($"Restored the key folder into {keyFolder}.");
    }

    private static void CreatePrivate(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
