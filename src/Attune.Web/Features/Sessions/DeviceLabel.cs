namespace Attune.Features.Sessions;

/// <summary>A short, recognisable name for a device from its User-Agent: browser and system only.</summary>
internal static class DeviceLabel
{
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chromium/", "Chromium"),
        ("Chrome/", "Chrome"), ("Safari/", "Safari"), ("curl/", "curl"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"),
        ("Mac OS X", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux"),
    ];

    public static string From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown device";
        }

        var browser = Find(Browsers, userAgent);
        var system = Find(Systems, userAgent);
        return (browser, system) switch
        {
            (null, null) => "Other device",
            ({ } b, null) => b,
            (null, { } s) => s,
            ({ } b, { } s) => $"{b} on {s}",
        };
    }

    private static string? Find((string Token, string Name)[] table, string userAgent) =>
        table.FirstOrDefault(t => userAgent.Contains(t.Token, StringComparison.Ordinal)).Name;
}
