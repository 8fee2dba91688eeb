namespace Attune.Features.CheckIns;

/// <summary>The check-in's measures and limits, in one place: services validate with them and views read them.</summary>
internal static class Scales
{
    public const int RatingMin = 1;
    public const int RatingMax = 7;
    public const int FeltAloneMin = 0;
    public const int FeltAloneMax = 4;

    /// <summary>"Often" on the felt-alone scale: the red-flag rule counts answers at or above it.</summary>
    public const int FeltAloneOften = 3;

    public const int ClosenessMin = 1;
    public const int ClosenessMax = 7;
    public const int MaxAppreciations = 3;
    public const int MaxAppreciationLength = 500;
    public const int MaxTextLength = 1000;

    /// <summary>The six dimensions, by their API name (and resource key).</summary>
    public static readonly string[] Dimensions = ["trust", "communication", "vulnerability", "empathy", "support", "togetherness"];

    public static IEnumerable<int> Ratings => Enumerable.Range(RatingMin, RatingMax - RatingMin + 1);

    public static IEnumerable<int> FeltAloneSteps => Enumerable.Range(FeltAloneMin, FeltAloneMax - FeltAloneMin + 1);

    public static IEnumerable<int> ClosenessSteps => Enumerable.Range(ClosenessMin, ClosenessMax - ClosenessMin + 1);

    public static int? Rating(this CheckIn c, string dimension) => dimension switch
    {
        "trust" => c.Trust,
        "communication" => c.Communication,
        "vulnerability" => c.Vulnerability,
        "empathy" => c.Empathy,
        "support" => c.Support,
        "togetherness" => c.Togetherness,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    public static int? Rating(this CheckInAnswers a, string dimension) => dimension switch
    {
        "trust" => a.Trust,
        "communication" => a.Communication,
        "vulnerability" => a.Vulnerability,
        "empathy" => a.Empathy,
        "support" => a.Support,
        "togetherness" => a.Togetherness,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };
}
