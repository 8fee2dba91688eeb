namespace Attune.Features.Quiz;

/// <summary>
/// The know-me questions the project wrote, in themes. A question's words are the localized
/// <c>question.{id}</c> in <see cref="QuizText"/>; ids never change once used (rounds keep them).
/// </summary>
internal static class QuizQuestions
{
    public static readonly IReadOnlyList<(string Theme, string[] Ids)> Themes =
    [
        ("favourites", ["comfort-food", "perfect-sunday", "song-lately", "small-treat", "place-to-be"]),
        ("right-now", ["on-my-mind", "stress-now", "looking-forward", "tired-of", "proud-lately"]),
        ("hopes", ["next-year", "want-to-learn", "dream-trip", "someday-home", "quiet-wish"]),
        ("people", ["call-first", "miss-most", "admire", "laugh-with", "friend-grateful"]),
        ("feeling-loved", ["feel-loved", "after-bad-day", "best-compliment", "small-gesture", "feel-seen"]),
    ];

    public static readonly IReadOnlyList<string> All = [.. Themes.SelectMany(t => t.Ids)];

    private static readonly Dictionary<string, string> ThemeOf =
        Themes.SelectMany(t => t.Ids.Select(id => (id, t.Theme))).ToDictionary(p => p.id, p => p.Theme, StringComparer.Ordinal);

    public static bool IsKnown(string id) => ThemeOf.ContainsKey(id);

    public static string Theme(string id) => ThemeOf[id];
}
