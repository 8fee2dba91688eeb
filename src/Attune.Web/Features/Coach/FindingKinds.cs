namespace Attune.Features.Coach;

/// <summary>The coach's names for its kinds and for the parts of an I-statement, as the API writes them.</summary>
internal static class FindingKinds
{
    public static readonly IReadOnlyList<FindingKind> All = Enum.GetValues<FindingKind>();

    public static string Name(FindingKind kind) => kind switch
    {
        FindingKind.Generalization => "generalization",
        FindingKind.Blame => "blame",
        FindingKind.Character => "character",
        FindingKind.Contempt => "contempt",
        FindingKind.Command => "command",
        FindingKind.Disguised => "disguised",
        FindingKind.NonApology => "non-apology",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static FindingKind Parse(string name) =>
        All.FirstOrDefault(k => Name(k) == name) is var kind && Name(kind) == name
            ? kind
            : throw new FormatException($"Unknown kind '{name}'.");
}
