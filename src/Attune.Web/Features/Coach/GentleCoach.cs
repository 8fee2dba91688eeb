using Attune.Hosting;

namespace Attune.Features.Coach;

internal sealed record CoachRequest(string? Text);

internal sealed record FindingView(string Kind, int Start, int Length, string Message, string Suggestion);

internal sealed record CoachResponse(int Score, List<FindingView> Findings, List<string> Missing);

/// <summary>
/// The gentle start-up coach: what <see cref="GentleRules"/> finds, in the reader's language, with a score
/// (0–100, higher is gentler). It keeps nothing: the text is analysed in memory and never stored or logged.
/// The rules read English; messages and suggestions come in English or German.
/// </summary>
internal sealed class GentleCoach(IStringLocalizer<CoachText> text)
{
    public const int MaxTextLength = 2000;

    public static readonly IReadOnlyList<string> PartNames = ["feeling", "situation", "need"];

    public Outcome<CoachResponse> Check(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Failure.Field("text", text["error.empty"]);
        }

        if (input.Length > MaxTextLength)
        {
            return Failure.Field("text", text["error.long", MaxTextLength]);
        }

        var findings = GentleRules.Find(input);
        var parts = GentleRules.FindParts(input);
        var missing = new List<string>();
        if (!parts.Feeling) missing.Add(PartNames[0]);
        if (!parts.Situation) missing.Add(PartNames[1]);
        if (!parts.Need) missing.Add(PartNames[2]);

        return new CoachResponse(
            Score(findings, missing.Count),
            [.. findings.Select(f =>
            {
                var name = FindingKinds.Name(f.Kind);
                return new FindingView(name, f.Start, f.Length, text[$"finding.{name}"], text[$"finding.{name}.suggestion"]);
            })],
            missing);
    }

    /// <summary>
    /// Each kind found costs once (contempt most: it is the strongest predictor of trouble in Gottman's
    /// studies); each missing part of "I feel … when … I need …" costs a little. A clean I-statement scores 100.
    /// </summary>
    public static int Score(IReadOnlyList<Finding> findings, int missingParts)
    {
        var penalty = findings.Select(f => f.Kind).Distinct().Sum(kind => kind switch
        {
            FindingKind.Contempt => 35,
            FindingKind.Character => 25,
            FindingKind.Blame or FindingKind.NonApology => 20,
            _ => 15,
        });
        return Math.Clamp(100 - penalty - (missingParts * 8), 0, 100);
    }
}
