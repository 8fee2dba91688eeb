namespace Attune.Features.Desires;

/// <summary>A family of wishes on the list; its title and every item's words are keys in <see cref="DesiresText"/>.</summary>
internal sealed record DesireFamily(string Id, IReadOnlyList<string> Items);

/// <summary>
/// The list the project wrote: tasteful, warm, never explicit. The order here is the order of the page and of
/// matches (never the order in which anyone marked). Ids are stable: marks are stored by id.
/// </summary>
internal static class DesireItems
{
    public static IReadOnlyList<DesireFamily> Families { get; } =
    [
        new("affection", ["hold-hands", "long-hug", "back-rub", "foot-rub", "play-with-hair", "fall-asleep-close", "morning-linger", "kiss-hello", "cuddle-film"]),
        new("romance", ["candle-dinner", "hidden-notes", "kitchen-dance", "dress-up-date", "flowers", "stargazing", "first-date-again", "breakfast-in-bed", "read-aloud"]),
        new("play", ["flirty-messages", "secret-signal", "strangers-at-a-bar", "dare-game", "pillow-fort", "costume-night", "tickle-fight"]),
        new("adventure", ["weekend-away", "hotel-night", "night-swim", "kiss-outdoors", "new-room", "sleep-under-stars", "surprise-day", "try-new-together"]),
        new("intimacy", ["slow-massage", "undress-slowly", "something-special", "bath-together", "lights-on", "slow-mornings", "share-fantasy", "show-me", "eyes-open", "more-time", "you-start", "blindfold", "toy-together"]),
    ];

    /// <summary>Every item id, in the list's order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Families.SelectMany(f => f.Items)];

    private static readonly HashSet<string> Known = [.. All];

    public static bool Exists(string? id) => id is not null && Known.Contains(id);
}
