namespace Attune.Features.Journal;

/// <summary>Whether a family of feelings is mostly pleasant or mostly hard; the mood chart draws them apart.</summary>
internal enum FeelingTone
{
    Pleasant,
    Hard,
    Mixed,
}

internal sealed record FeelingFamily(string Id, FeelingTone Tone, IReadOnlyList<string> Feelings);

/// <summary>
/// The project's emotion vocabulary: 64 feelings in eight families, so people can name more than "fine"
/// (emotional granularity; docs/research.md). Words live in JournalText (keys <c>feeling.{id}</c> and
/// <c>family.{id}</c>); ids are stable, because entries store them.
/// </summary>
internal static class Feelings
{
    public const int MaxPerEntry = 6;

    public static readonly IReadOnlyList<FeelingFamily> Families =
    [
        new("joy", FeelingTone.Pleasant, ["happy", "cheerful", "delighted", "excited", "proud", "playful", "hopeful", "grateful"]),
        new("calm", FeelingTone.Pleasant, ["calm", "relaxed", "content", "relieved", "safe", "balanced", "patient", "peaceful"]),
        new("love", FeelingTone.Pleasant, ["loved", "affectionate", "close", "tender", "appreciated", "trusting", "seen", "warm"]),
        new("sadness", FeelingTone.Hard, ["sad", "lonely", "disappointed", "hurt", "longing", "discouraged", "grieving", "empty"]),
        new("fear", FeelingTone.Hard, ["anxious", "worried", "nervous", "insecure", "overwhelmed", "scared", "tense", "vulnerable"]),
        new("anger", FeelingTone.Hard, ["angry", "irritated", "frustrated", "resentful", "jealous", "impatient", "bitter", "offended"]),
        new("shame", FeelingTone.Hard, ["ashamed", "guilty", "embarrassed", "awkward", "inadequate", "regretful", "exposed", "self-conscious"]),
        new("unsettled", FeelingTone.Mixed, ["tired", "drained", "numb", "bored", "restless", "confused", "distracted", "indifferent"]),
    ];

    private static readonly Dictionary<string, FeelingFamily> FamilyOf =
        Families.SelectMany(f => f.Feelings.Select(id => (id, f))).ToDictionary(p => p.id, p => p.f, StringComparer.Ordinal);

    public static IEnumerable<string> All => FamilyOf.Keys;

    public static bool IsKnown(string? id) => id is not null && FamilyOf.ContainsKey(id);

    public static FeelingFamily Family(string id) => FamilyOf[id];

    /// <summary>The tone most of an entry's feelings share; Mixed when they disagree or there are none.</summary>
    public static FeelingTone ToneOf(IReadOnlyCollection<string> feelings)
    {
        var tones = feelings.Where(IsKnown).Select(f => FamilyOf[f].Tone).Distinct().ToList();
        return tones.Count == 1 ? tones[0] : FeelingTone.Mixed;
    }
}

/// <summary>Self-reflection prompts the project wrote (keys <c>prompt.1</c> … in JournalText).</summary>
internal static class Prompts
{
    public const int Count = 10;

    public static IEnumerable<string> Keys => Enumerable.Range(1, Count).Select(n => $"prompt.{n}");

    /// <summary>One prompt a day, the same all day, so the page does not shuffle under the person.</summary>
    public static string ForDay(DateOnly day) => $"prompt.{(day.DayNumber % Count) + 1}";
}
