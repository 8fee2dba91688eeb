namespace Attune.Encryption;

internal sealed class EncryptionOptions
{
    public const string Section = "Encryption";

    /// <summary>
    /// Folder holding the master key file and the data-key vault. Defaults to "keys" under the data
    /// directory. Keep it out of database backups: that is what makes deleting a key final.
    /// </summary>
    public string? KeyDirectory { get; set; }

    /// <summary>How long an unwrapped data key stays in memory after its last use.</summary>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromMinutes(10);
}
