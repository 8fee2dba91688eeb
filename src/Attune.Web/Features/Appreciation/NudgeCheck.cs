using System.Globalization;

namespace Attune.Features.Appreciation;

/// <summary>One labelled example of the nudge's set.</summary>
internal sealed record NudgeExample(string Text, bool Specific);

/// <summary>How the nudge does on its labelled set, for "specific".</summary>
internal sealed record NudgeScore(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives, IReadOnlyList<NudgeExample> Wrong)
{
    public int Count => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    public double Precision => TruePositives / (double)Math.Max(1, TruePositives + FalsePositives);

    public double Recall => TruePositives / (double)Math.Max(1, TruePositives + FalseNegatives);
}

/// <summary>
/// The operator command <c>nudge-check</c>: scores <see cref="SpecificityNudge"/> on the labelled set the
/// project wrote (<c>nudge-examples.tsv</c>, embedded) and prints precision, recall and every miss.
/// </summary>
internal static class NudgeCheck
{
    public const string Command = "nudge-check";

    public static IReadOnlyList<NudgeExample> Examples()
    {
        using var stream = typeof(NudgeCheck).Assembly.GetManifestResourceStream("Attune.nudge-examples.tsv")
            ?? throw new InvalidOperationException("The nudge's labelled set is not embedded.");
        using var reader = new StreamReader(stream);
        var examples = new List<NudgeExample>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var (label, text) = (line[..1], line[2..]);
            examples.Add(new NudgeExample(text, label == "S"));
        }

        return examples;
    }

    public static NudgeScore Score(IEnumerable<NudgeExample> examples)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        var wrong = new List<NudgeExample>();
        foreach (var example in examples)
        {
            var said = SpecificityNudge.Check(example.Text).Specific;
            (tp, fp, fn, tn) = (said, example.Specific) switch
            {
                (true, true) => (tp + 1, fp, fn, tn),
                (true, false) => (tp, fp + 1, fn, tn),
                (false, true) => (tp, fp, fn + 1, tn),
                _ => (tp, fp, fn, tn + 1),
            };
            if (said != example.Specific)
            {
                wrong.Add(example);
            }
        }

        return new NudgeScore(tp, fp, fn, tn, wrong);
    }

    public static int Run(TextWriter output)
    {
        var score = Score(Examples());
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{score.Count} examples: {score.TruePositives} specific found, {score.FalsePositives} generic called specific, {score.FalseNegatives} specific missed, {score.TrueNegatives} generic found"));
        output.WriteLine(string.Create(c, $"precision {score.Precision:0.000}  recall {score.Recall:0.000}  (specific)"));
        foreach (var miss in score.Wrong)
        {
            output.WriteLine(string.Create(c, $"  labelled {(miss.Specific ? "specific" : "generic")}, judged otherwise: {miss.Text}"));
        }

        return score.Precision >= 0.9 && score.Recall >= 0.9 ? 0 : 1;
    }
}
