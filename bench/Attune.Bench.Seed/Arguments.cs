namespace Attune.Bench.Seed;

internal static class Arguments
{
    public static int Int(string[] args, string name, int fallback) =>
        int.TryParse(String(args, name), out var value) ? value : fallback;

    public static string? String(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
