using System.Globalization;
using System.Text;
using Attune.Features.CheckIns;

namespace Attune.Features.Insights;

internal sealed record TrendPoint(DateOnly Week, int? Mine, int? Partner);

/// <summary>One measure over the weeks: a dimension, "closeness" or "felt-alone", with its scale.</summary>
internal sealed record TrendSeries(string Measure, int Min, int Max, IReadOnlyList<TrendPoint> Points)
{
    /// <summary>The latest week both answered, if the two answers are 2 or more apart: worth talking about, gently.</summary>
    public TrendPoint? Gap => Points.LastOrDefault(p => p.Mine is not null && p.Partner is not null) is { } last
        && Math.Abs(last.Mine!.Value - last.Partner!.Value) >= 2 ? last : null;
}

internal sealed record TrendsResponse(IReadOnlyList<TrendSeries> Series);

/// <summary>The charts' numbers: exactly what was entered, week by week, nothing smoothed or scored.</summary>
internal static class Trends
{
    public const string Closeness = "closeness";
    public const string FeltAlone = "felt-alone";

    public static TrendsResponse From(VisibleCheckIns data)
    {
        var weeks = data.Weeks.ToList();
        var mine = data.Mine.ToDictionary(w => w.Week);
        var partner = data.Partner.ToDictionary(w => w.Week);
        TrendSeries Series(string measure, int min, int max, Func<PersonWeek, int> value) => new(measure, min, max,
            [.. weeks.Select(w => new TrendPoint(w, mine.TryGetValue(w, out var m) ? value(m) : null, partner.TryGetValue(w, out var p) ? value(p) : null))]);

        return new TrendsResponse([
            .. Scales.Dimensions.Select(d => Series(d, Scales.RatingMin, Scales.RatingMax, w => w.Ratings[d])),
            Series(Closeness, Scales.ClosenessMin, Scales.ClosenessMax, w => w.Closeness),
            Series(FeltAlone, Scales.FeltAloneMin, Scales.FeltAloneMax, w => w.FeltAlone),
        ]);
    }

    /// <summary>My own submitted answers as CSV (numbers only; my words stay out of a file that is easy to leave lying around).</summary>
    public static string Csv(VisibleCheckIns data)
    {
        var csv = new StringBuilder("week," + string.Join(',', Scales.Dimensions) + ",felt_alone,closeness\n");
        foreach (var w in data.Mine)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{w.Week:yyyy-MM-dd},{string.Join(',', Scales.Dimensions.Select(d => w.Ratings[d]))},{w.FeltAlone},{w.Closeness}\n");
        }

        return csv.ToString();
    }
}
