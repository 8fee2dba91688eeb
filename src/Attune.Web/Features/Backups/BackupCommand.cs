using Attune.Data;
using Attune.Encryption;

namespace Attune.Features.Backups;

/// <summary>
/// `backup db FILE`, `restore db FILE`, `backup keys FOLDER`, `restore keys FOLDER`: operator commands
/// for the SQLite default. The database and the key folder are backed up apart on purpose (ADR 0003):
/// a database backup alone can be kept long, because it cannot be read without the keys, and a
/// deleted account's key is gone from it for good.
/// </summary>
internal static class BackupCommand
{
    private static readonly string[] Verbs = ["backup", "restore"];
    private static readonly string[] Targets = ["db", "keys"];

    /// <summary>The command and the remaining arguments (configuration switches such as --Attune:DataDirectory).</summary>
    public static (string[]? Command, string[] Remaining) Split(string[] args) =>
        args.Length >= 3 && Verbs.Contains(args[0]) && Targets.Contains(args[1])
            ? (args[..3], args[3..])
            : (null, args);

    public static async Task<int> RunAsync(string[] command, IConfiguration configuration, TextWriter output)
    {
        var (verb, target, path) = (command[0], command[1], Path.GetFullPath(command[2]));
        if (target == "db" && configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider == DatabaseProvider.Postgres)
        {
            await output.WriteLineAsync("PostgreSQL is backed up with its own tools: see README.md, section Backups (pg_dump -Fc / pg_restore).");
            return 2;
        }

        var live = DatabaseSetup.SqliteConnectionString(configuration);
        var keys = KeyDirectory.Resolve(configuration);
        var outcome = (verb, target) switch
        {
            ("backup", "db") => await SqliteBackup.CopyAsync(live, path),
            ("restore", "db") => await SqliteBackup.RestoreAsync(path, live),
            ("backup", "keys") => await KeyFolderBackup.CopyAsync(keys, path),
            _ => KeyFolderBackup.Restore(path, keys),
        };
        await output.WriteLineAsync(outcome.Succeeded ? outcome.Message : "Not done: " + outcome.Message);
        return outcome.Succeeded ? 0 : 1;
    }
}

/// <summary>What a command did, or why it refused (the target exists, the file is not an Attune backup, ...).</summary>
internal sealed record BackupOutcome(bool Succeeded, string Message)
{
    public static BackupOutcome Done(string message) => new(true, message);

    public static BackupOutcome Refused(string message) => new(false, message);
}
