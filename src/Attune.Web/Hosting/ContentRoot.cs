namespace Attune.Hosting;

/// <summary>
/// Where the app finds its own files (appsettings.json, wwwroot). A published app carries them beside its
/// executable, so it reads them from there wherever it is started (a home directory, a service unit without
/// WorkingDirectory); otherwise it would answer 404 for its stylesheet and scripts and lose its settings.
/// `dotnet run` keeps the default, the project folder it starts in (the build output has no wwwroot), and so
/// do the tests' hosts. The data folder is not affected: a relative Attune:DataDirectory stays relative to the
/// working directory.
/// </summary>
internal static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = ChosenByOperator(args) || !Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot"))
            ? null
            : AppContext.BaseDirectory,
    };

    // --contentRoot or ASPNETCORE_CONTENTROOT still win when someone sets them on purpose.
    private static bool ChosenByOperator(string[] args) =>
        args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
        || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
        || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 };
}
