using System.Diagnostics;

namespace Attune.Tests.Fixtures;

/// <summary>
/// The app as `dotnet publish src/Attune.Web -c Release -o DIR` lays it out (README, Deploying), published once
/// per test run from the build the tests run against (--no-build: a few seconds), into the tests' temp folder.
/// </summary>
public static class PublishedApp
{
    private static readonly Lazy<Task<string>> Folder = new(PublishAsync);

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>The published executable, started from <paramref name="workingDirectory"/>.</summary>
    public static async Task<AppLaunch> LaunchAsync(string workingDirectory) =>
        new(Path.Combine(await Folder.Value, "Attune.Web"), workingDirectory);

    public static Task<string> FolderAsync() => Folder.Value;

    private static async Task<string> PublishAsync()
    {
        var project = Path.Combine(Repository(), "src", "Attune.Web");
        var output = Path.Combine(Path.GetTempPath(), "attune-tests", "published-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            ["publish", project, "-c", Configuration, "-o", output, "--no-build", "--nologo", "-v", "q", "-nodeReuse:false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // No MSBuild node may outlive the command and hold its output open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0 || !File.Exists(Path.Combine(output, "Attune.Web")))
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return output;
    }

    private static string Repository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Attune.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Attune.slnx above {AppContext.BaseDirectory}.");
    }
}
