namespace Attune.Features.Questions;

/// <summary>The three depths of the ladder: 1 light, 2 personal, 3 vulnerable. Views and rules read them from here.</summary>
internal static class Depths
{
    public const int Lightest = 1;
    public const int Deepest = 3;


    public static IEnumerable<int> All => Enumerable.Range(Lightest, Deepest - Lightest + 1);

    public static bool IsValid(int? depth) => depth is >= Lightest and <= Deepest;
}
