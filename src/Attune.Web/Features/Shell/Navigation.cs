using Attune.Data;

namespace Attune.Features.Shell;

/// <summary>The five places of the app; the shape is decided (docs/architecture.md, "The shell").</summary>
internal enum Destination
{
    Today,
    Together,
    CheckIn,
    Us,
    Me,
}

/// <summary>Who an entry or a Today card is for.</summary>
internal enum Audience
{
    Everyone,

    /// <summary>Only people in a couple (the routes behind it declare <c>RequireCouple()</c>).</summary>
    Couples,

    /// <summary>Only people who have not joined a partner (yet).</summary>
    Singles,
}

/// <summary>
/// One row of a destination's hub page, registered by its feature in <c>AddXxx()</c>
/// with <see cref="ShellEndpoints.AddNavEntry{TText}"/>.
/// </summary>
/// <param name="Destination">The tab it belongs to.</param>
/// <param name="Order">Lower comes first on the hub page.</param>
/// <param name="Text">The feature's text class; its resources hold <paramref name="Label"/> and <paramref name="Label"/>+".hint".</param>
/// <param name="Label">The resource key of the row's name; its hint (one line under it) is the key with ".hint" added.</param>
/// <param name="Icon">A name in <see cref="ShellIcons"/>.</param>
/// <param name="Path">The page, optionally with a fragment (<c>/profile#export-heading</c>).</param>
/// <param name="Audience">Who sees the row.</param>
internal sealed record NavEntry(Destination Destination, int Order, Type Text, string Label, string Icon, string Path, Audience Audience);

/// <summary>A hub row in the request's language.</summary>
internal sealed record NavItem(string Label, string Hint, string Icon, string Path);

/// <summary>A destination as the layout shows it to one person on one page.</summary>
internal sealed record DestinationLink(Destination Destination, string Label, string Icon, string Path, CurrentState Current);

/// <summary>How a tab relates to the page shown: <c>aria-current="page"</c> on its own page, <c>"true"</c> within it.</summary>
internal enum CurrentState
{
    No,
    Within,
    Page,
}

/// <summary>
/// Every registered entry. The layout asks it which destinations this person has (a destination with
/// no entry for them is not shown) and which one the page belongs to; hub pages ask for their rows.
/// </summary>
internal sealed class Navigation(IEnumerable<NavEntry> entries, IStringLocalizerFactory localizers, IStringLocalizer<ShellText> text)
{
    private readonly NavEntry[] _entries = Checked(entries);

    /// <summary>The tab's name in the request's language.</summary>
    public string Label(Destination destination) => text["destination." + destination.ToString().ToLowerInvariant()];

    /// <summary>Where the tab leads: Today is the daily home; every other destination has a hub page listing its entries.</summary>
    public static string HubPath(Destination destination) => destination switch
    {
        Destination.Today => "/today",
        Destination.CheckIn => "/check-in",
        _ => "/" + destination.ToString().ToLowerInvariant(),
    };

    public static string Icon(Destination destination) => destination switch
    {
        Destination.Today => "sun",
        Destination.Together => "together",
        Destination.CheckIn => "pulse",
        Destination.Us => "heart",
        Destination.Me => "person",
        _ => throw new ArgumentOutOfRangeException(nameof(destination)),
    };

    public static bool Sees(Audience audience, Caller caller) => audience switch
    {
        Audience.Couples => caller.IsInCouple,
        Audience.Singles => !caller.IsInCouple,
        _ => true,
    };

    /// <summary>The entries of one destination this person sees, in order.</summary>
    public IReadOnlyList<NavEntry> Entries(Destination destination, Caller caller) =>
        [.. _entries.Where(e => e.Destination == destination && Sees(e.Audience, caller))];

    /// <summary>The hub page's rows for this person, in the request's language.</summary>
    public IReadOnlyList<NavItem> Items(Destination destination, Caller caller) =>
        [.. Entries(destination, caller).Select(e =>
        {
            var words = localizers.Create(e.Text);
            return new NavItem(words[e.Label], words[e.Label + ".hint"], e.Icon, e.Path);
        })];

    /// <summary>The destinations this person has, in the fixed order, each marked against the page at <paramref name="path"/>.</summary>
    public IReadOnlyList<DestinationLink> Destinations(Caller caller, PathString path)
    {
        var links = new List<DestinationLink>();
        foreach (var destination in Enum.GetValues<Destination>())
        {
            var own = Entries(destination, caller);
            if (own.Count == 0)
            {
                continue;
            }

            var hub = HubPath(destination);
            var current = string.Equals(path.Value?.TrimEnd('/'), hub, StringComparison.OrdinalIgnoreCase) ? CurrentState.Page
                : Matches(path, hub) || own.Any(e => Matches(path, PagePath(e))) ? CurrentState.Within
                : CurrentState.No;
            links.Add(new DestinationLink(destination, Label(destination), Icon(destination), hub, current));
        }

        return links;
    }

    /// <summary>A mistake in an entry (an unknown icon, a path that is not local) stops the app at start, not a page later.</summary>
    private static NavEntry[] Checked(IEnumerable<NavEntry> entries)
    {
        var all = entries.OrderBy(e => e.Destination).ThenBy(e => e.Order).ThenBy(e => e.Label, StringComparer.Ordinal).ToArray();
        foreach (var entry in all)
        {
            if (!ShellIcons.Has(entry.Icon) || !entry.Path.StartsWith('/') || entry.Path.StartsWith("//", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The navigation entry '{entry.Label}' needs a known icon and a local path.");
            }
        }

        return all;
    }

    /// <summary>The entry's page without its fragment.</summary>
    public static string PagePath(NavEntry entry) => entry.Path.Split('#')[0];

    /// <summary>The page itself or a page below it (<c>/security/two-step</c> belongs to <c>/security</c>).</summary>
    private static bool Matches(PathString path, string page) =>
        path.StartsWithSegments(page, StringComparison.OrdinalIgnoreCase);
}
