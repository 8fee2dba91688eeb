using System.Globalization;
using System.Text.RegularExpressions;
using Attune.Features.CheckIns;

namespace Attune.Features.Insights;

/// <summary>A revealed question-of-the-day: its depth and the length of the two answers (read in memory, never kept).</summary>
internal sealed record QuestionDayLength(DateOnly Date, int Depth, int MyLength, int PartnerLength);

/// <summary>A raised notice: its rule, the dimension it is about (falling ratings) and an id that names the rule and its week.</summary>
internal sealed record RaisedNotice(string Id, string Rule, string? Dimension);

/// <summary>One finished listening turn: who spoke, the local day, and how understood they said they felt (1–5; both partners see it in the session).</summary>
internal sealed record UnderstoodRating(Guid Speaker, DateOnly Date, int Rating);

/// <summary>
/// The red-flag rules (docs/red-flags.md explains each, with its reasoning and threshold). Pure functions over
/// what the viewer may already see: their own check-ins, the partner's revealed ones, their own concerns and
/// revealed question days. So a notice can never tell me something of my partner's that I could not read.
/// </summary>
internal static partial class RedFlags
{
    public const string FeltAloneRule = "felt-alone";
    public const string SurfaceRule = "surface";
    public const string QuietRule = "quiet";
    public const string FallingRule = "falling";
    public const string ReturningRule = "returning";
    public const string UnderstoodRule = "understood";

    public const int FeltAloneWindow = 3;
    public const int FeltAloneTimes = 2;
    public const int FallBy = 2;
    public const int FallWithinDays = 28;
    public const int QuietWeeks = 3;
    public const int SurfaceDays = 21;
    public const int SurfaceMinRevealedDays = 10;
    public const int SurfaceShortAnswer = 60;
    public const int ReturningLookBack = 6;
    public const int ReturningTimes = 2;
    public const int UnderstoodWindow = 5;
    public const int UnderstoodTimes = 3;
    public const int UnderstoodLow = 2;
    public const int UnderstoodWithinDays = 56;

    public static IReadOnlyList<RaisedNotice> Evaluate(
        VisibleCheckIns data, IReadOnlyList<QuestionDayLength> days, IReadOnlyList<UnderstoodRating> understood, DateOnly today)
    {
        var raised = new List<RaisedNotice>();
        foreach (var person in new[] { data.Mine, data.Partner })
        {
            raised.AddRange(FeltAlone(person));
            raised.AddRange(Falling(person));
            raised.AddRange(Quiet(person));
        }

        raised.AddRange(Surface(days, today));
        raised.AddRange(Returning(data.MyConcerns));
        raised.AddRange(Understood(understood, today));
        return [.. raised.DistinctBy(r => r.Id)];
    }

    /// <summary>"Often" or more on "I felt alone even when we were together" in 2 of a person's last 3 check-ins.</summary>
    public static IEnumerable<RaisedNotice> FeltAlone(IReadOnlyList<PersonWeek> weeks)
    {
        var last = weeks.TakeLast(FeltAloneWindow).ToList();
        if (last.Count(w => w.FeltAlone >= Scales.FeltAloneOften) >= FeltAloneTimes)
        {
            yield return new RaisedNotice(Id(FeltAloneRule, last[^1].Week), FeltAloneRule, null);
        }
    }

    /// <summary>A dimension rated 2 or more lower than in the person's earliest check-in of the 4 weeks before the latest.</summary>
    public static IEnumerable<RaisedNotice> Falling(IReadOnlyList<PersonWeek> weeks)
    {
        if (weeks.Count < 2)
        {
            yield break;
        }

        var latest = weeks[^1];
        if (weeks.FirstOrDefault(w => w.Week >= latest.Week.AddDays(-FallWithinDays) && w.Week < latest.Week) is not { } earlier)
        {
            yield break;
        }

        foreach (var d in Scales.Dimensions.Where(d => earlier.Ratings[d] - latest.Ratings[d] >= FallBy))
        {
            yield return new RaisedNotice(Id($"{FallingRule}-{d}", latest.Week), FallingRule, d);
        }
    }

    /// <summary>A person's last 3 check-ins hold no appreciation, nothing that went well and no wish, after earlier ones did.</summary>
    public static IEnumerable<RaisedNotice> Quiet(IReadOnlyList<PersonWeek> weeks)
    {
        if (weeks.Count > QuietWeeks && weeks.TakeLast(QuietWeeks).All(w => !w.HasWords) && weeks.SkipLast(QuietWeeks).Any(w => w.HasWords))
        {
            yield return new RaisedNotice(Id(QuietRule, weeks[^1].Week), QuietRule, null);
        }
    }

    /// <summary>In the last 3 weeks, at least 10 revealed days, all light questions, and half of the answers under 60 characters.</summary>
    public static IEnumerable<RaisedNotice> Surface(IReadOnlyList<QuestionDayLength> days, DateOnly today)
    {
        var recent = days.Where(d => d.Date > today.AddDays(-SurfaceDays) && d.Date <= today).ToList();
        if (recent.Count < SurfaceMinRevealedDays || recent.Any(d => d.Depth > 1))
        {
            yield break;
        }

        var lengths = recent.SelectMany(d => new[] { d.MyLength, d.PartnerLength }).Order().ToList();
        if (lengths[lengths.Count / 2] < SurfaceShortAnswer)
        {
            // One id per fortnight: put away, it stays away for a while.
            yield return new RaisedNotice(Id(SurfaceRule, today.AddDays(-(today.DayNumber % 14))), SurfaceRule, null);
        }
    }

    /// <summary>My latest concern is much like at least 2 of my concerns in the 6 check-ins before it (shared words).</summary>
    public static IEnumerable<RaisedNotice> Returning(IReadOnlyList<(DateOnly Week, string Concern)> concerns)
    {
        if (concerns.Count < ReturningTimes + 1)
        {
            yield break;
        }

        var latest = Words(concerns[^1].Concern);
        var similar = concerns.SkipLast(1).TakeLast(ReturningLookBack).Count(c => Alike(latest, Words(c.Concern)));
        if (similar >= ReturningTimes)
        {
            yield return new RaisedNotice(Id(ReturningRule, concerns[^1].Week), ReturningRule, null);
        }
    }

    /// <summary>
    /// A speaker rated "felt understood" 2 or lower (of 5) in at least 3 of their last 5 rated turns of the last 8 weeks.
    /// </summary>
    public static IEnumerable<RaisedNotice> Understood(IReadOnlyList<UnderstoodRating> ratings, DateOnly today)
    {
        if (ratings.Count == 0)
        {
            yield break;
        }

        var since = today.DayNumber > UnderstoodWithinDays ? today.AddDays(-UnderstoodWithinDays) : DateOnly.MinValue;
        foreach (var speaker in ratings.Where(r => r.Date > since && r.Date <= today).GroupBy(r => r.Speaker))
        {
            var last = speaker.OrderBy(r => r.Date).TakeLast(UnderstoodWindow).ToList();
            if (last.Count(r => r.Rating <= UnderstoodLow) >= UnderstoodTimes)
            {
                // The same id for both partners' patterns: one gentle notice about listening, never "your partner felt …".
                yield return new RaisedNotice(Id(UnderstoodRule, last[^1].Date), UnderstoodRule, null);
            }
        }
    }

    /// <summary>Two concerns are alike when at least 60% of the shorter one's words (4 letters or more) are in the other.</summary>
    public static bool Alike(HashSet<string> a, HashSet<string> b) =>
        Math.Min(a.Count, b.Count) >= 2 && a.Intersect(b).Count() >= 0.6 * Math.Min(a.Count, b.Count);

    public static HashSet<string> Words(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value)];

    private static string Id(string rule, DateOnly week) => string.Create(CultureInfo.InvariantCulture, $"{rule}-{week:yyyyMMdd}");

    [GeneratedRegex(@"\p{L}{4,}")]
    private static partial Regex WordPattern();
}
