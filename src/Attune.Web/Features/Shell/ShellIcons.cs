using Microsoft.AspNetCore.Html;

namespace Attune.Features.Shell;

/// <summary>
/// The shell's line icons, drawn inline (no extra request, no icon font, nothing the CSP has to allow).
/// Each is the inside of a 24×24 SVG stroked in the current text colour, so it follows light and dark.
/// </summary>
internal static class ShellIcons
{
    private static readonly Dictionary<string, string> Paths = new(StringComparer.Ordinal)
    {
        ["sun"] = """<circle cx="12" cy="12" r="4"/><path d="M12 2.5v2M12 19.5v2M4.6 4.6L6 6M18 18l1.4 1.4M2.5 12h2M19.5 12h2M4.6 19.4L6 18M18 6l1.4-1.4"/>""",
        ["together"] = """<circle cx="8" cy="8" r="3"/><circle cx="16.5" cy="8" r="3"/><path d="M2.5 20c0-3.3 2.5-6 5.5-6s5.5 2.7 5.5 6M14 14.4c.8-.3 1.6-.4 2.5-.4 2.8 0 5 2.7 5 6"/>""",
        ["pulse"] = """<path d="M2.5 12h4l3-7 5 14 3-7h4"/>""",
        ["heart"] = """<path d="M12 20s-7.2-4.4-9-9.2C1.8 7.5 4 4 7.4 4c2 0 3.5 1.1 4.6 2.8C13.1 5.1 14.6 4 16.6 4 20 4 22.2 7.5 21 10.8 19.2 15.6 12 20 12 20z"/>""",
        ["person"] = """<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-7.5 8-7.5s8 3.1 8 7.5"/>""",
        ["book"] = """<path d="M5 5.5A2.5 2.5 0 0 1 7.5 3H19v15H7.5A2.5 2.5 0 0 0 5 20.5z"/><path d="M5 20.5V5.5M19 18v3H7.5"/>""",
        ["chat"] = """<path d="M4 5h16v11H10l-6 4.5z"/><path d="M8.5 9.5h7M8.5 12.5h4.5"/>""",
        ["link"] = """<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1"/><path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/>""",
        ["id-card"] = """<rect x="3" y="5" width="18" height="14" rx="2"/><circle cx="9" cy="11" r="2"/><path d="M5.8 16c.5-1.4 1.7-2 3.2-2s2.7.6 3.2 2M14.5 10h4M14.5 13h3"/>""",
        ["calendar"] = """<rect x="3.5" y="5" width="17" height="15" rx="2"/><path d="M3.5 10h17M8 3v4M16 3v4"/>""",
        ["download"] = """<path d="M12 4v11M7 10l5 5 5-5M5 20h14"/>""",
        ["shield"] = """<path d="M12 3l8 3v6c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V6z"/><path d="M9 12l2 2 4-4"/>""",
        ["lifebuoy"] = """<circle cx="12" cy="12" r="9"/><circle cx="12" cy="12" r="4"/><path d="M5.6 5.6l3.6 3.6M14.8 14.8l3.6 3.6M18.4 5.6l-3.6 3.6M9.2 14.8l-3.6 3.6"/>""",
        ["sign-out"] = """<path d="M14 4h4a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-4M9.5 8l-4 4 4 4M5.5 12H16"/>""",
        ["bell"] = """<path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15z"/><path d="M10 20.5a2 2 0 0 0 4 0"/>""",
        ["chevron"] = """<path d="M9 6l6 6-6 6"/>""",
        ["eye"] = """<path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12z"/><circle cx="12" cy="12" r="3"/>""",
        ["moon"] = """<path d="M20 14.5A8.5 8.5 0 0 1 9.5 4 8.5 8.5 0 1 0 20 14.5z"/>""",
    };

    public static bool Has(string name) => Paths.ContainsKey(name);

    /// <summary>The icon as decoration: hidden from screen readers, whose name comes from the text beside it.</summary>
    public static IHtmlContent Svg(string name) => new HtmlString(
        $"""<svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">{Paths[name]}</svg>""");
}
