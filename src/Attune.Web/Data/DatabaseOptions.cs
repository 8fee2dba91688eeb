using System.ComponentModel.DataAnnotations;

namespace Attune.Data;

internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>SQLite (embedded default) or Postgres (production).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

internal sealed class AttuneOptions
{
    public const string Section = "Attune";

    /// <summary>Where the SQLite file and the key folder live by default, relative to the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The address people reach Attune at, used in join links; when empty, see Hosting/PublicUrls.</summary>
    [Url]
    public string? PublicUrl { get; set; }

    public string ResolveDataDirectory() => Path.GetFullPath(DataDirectory);
}
