namespace Attune.Features.Activities;

/// <summary>The families an idea belongs to; an idea can carry several (a place and a cost, say).</summary>
[Flags]
internal enum ActivityFamily
{
    None = 0,
    Home = 1,
    Outdoors = 2,
    Creative = 4,
    Learning = 8,
    Adventurous = 16,
    LowCost = 32,
    LongDistance = 64,
}

/// <summary>One idea of the library: its stable key and families.</summary>
internal sealed record ActivityIdea(string Key, ActivityFamily Families);

/// <summary>What a couple said about an idea. <see cref="New"/> is the default and is not stored.</summary>
internal enum ActivityMark
{
    New = 0,
    DoneBefore = 1,
    NotForUs = 2,
}

/// <summary>The names families and marks have in the API, in forms and in URLs.</summary>
internal static class ActivityNames
{
    public static IReadOnlyList<(ActivityFamily Family, string Name)> Families { get; } =
    [
        (ActivityFamily.Home, "home"),
        (ActivityFamily.Outdoors, "outdoors"),
        (ActivityFamily.Creative, "creative"),
        (ActivityFamily.Learning, "learning"),
        (ActivityFamily.Adventurous, "adventurous"),
        (ActivityFamily.LowCost, "low-cost"),
        (ActivityFamily.LongDistance, "long-distance"),
    ];

    public static IReadOnlyList<(ActivityMark Mark, string Name)> Marks { get; } =
    [
        (ActivityMark.New, "new"),
        (ActivityMark.DoneBefore, "done-before"),
        (ActivityMark.NotForUs, "not-for-us"),
    ];

    public static string Name(ActivityMark mark) => Marks.First(m => m.Mark == mark).Name;

    public static IReadOnlyList<string> Names(ActivityFamily families) =>
        [.. Families.Where(f => families.HasFlag(f.Family)).Select(f => f.Name)];

    public static ActivityFamily? Family(string? name) =>
        Families.Where(f => string.Equals(f.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(f => (ActivityFamily?)f.Family).FirstOrDefault();

    public static ActivityMark? Mark(string? name) =>
        Marks.Where(m => string.Equals(m.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(m => (ActivityMark?)m.Mark).FirstOrDefault();
}

/// <summary>An idea to render with <c>_Idea.cshtml</c>; <c>Prefix</c> keeps element ids unique when an idea shows twice.</summary>
internal sealed record IdeaItem(IdeaView Idea, string Prefix);
