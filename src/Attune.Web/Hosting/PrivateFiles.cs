using System.Runtime.InteropServices;

namespace Attune.Hosting;

/// <summary>
/// Everything the app writes (the SQLite file, its WAL and SHM, the key folder, backups) is readable by its own
/// account only. On Unix the process's umask becomes 077 at start-up, whatever the shell or service manager set
/// (systemd's default is 022), so files are created 0600 and folders 0700; the data and key folders are also
/// created with that mode explicitly.
/// </summary>
internal static class PrivateFiles
{
    private const uint GroupAndOthers = 0b000_111_111; // 077

    public static void Apply()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = NativeMethods.Umask(GroupAndOthers);
        }
    }

    /// <summary>Creates the folder (owner-only on Unix) if it is missing; an existing folder keeps its mode.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static class NativeMethods
    {
        // mode_t umask(mode_t mask): sets the mask and returns the previous one; it cannot fail.
        [DllImport("libc", EntryPoint = "umask")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern uint Umask(uint mask);
    }
}
