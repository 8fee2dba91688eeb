namespace Attune.Features.Coach;

/// <summary>One labelled sentence of gentle-eval.tsv: which part it belongs to and the kinds a person would flag.</summary>
internal sealed record LabelledSentence(bool HeldOut, IReadOnlySet<FindingKind> Kinds, string Text);

/// <summary>Precision and recall of one kind over one part of the set; the sentences it got wrong, for reading.</summary>
internal sealed record KindScore(FindingKind Kind, int TruePositives, int FalsePositives, int FalseNegatives, IReadOnlyList<string> Wrong)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
}

/// <summary>
/// Scores <see cref="GentleRules"/> against the evaluation set, sentence by sentence: a kind counts as found
/// when the rules report at least one finding of it anywhere in the sentence. Used by the test that holds
/// the thresholds and by eng/coach-eval.sh, so both count the same way.
/// </summary>
internal static class GentleEvaluation
{
    public static List<LabelledSentence> Parse(IEnumerable<string> lines) =>
    [
        .. lines.Where(l => l.Length > 0 && !l.StartsWith('#')).Select(line =>
        {
            var columns = line.Split('\t');
            if (columns.Length != 3 || columns[0] is not ("tune" or "heldout"))
            {
                throw new FormatException($"Not 'split<TAB>kinds<TAB>sentence': {line}");
            }

            var kinds = columns[1] == "-" ? [] : columns[1].Split(',').Select(FindingKinds.Parse).ToHashSet();
            return new LabelledSentence(columns[0] == "heldout", kinds, columns[2]);
        }),
    ];

    public static List<KindScore> Score(IEnumerable<LabelledSentence> sentences)
    {
        var predicted = sentences.Select(s => (s, Found: GentleRules.Find(s.Text).Select(f => f.Kind).ToHashSet())).ToList();
        return
        [
            .. FindingKinds.All.Select(kind =>
            {
                var wrong = predicted.Where(p => p.s.Kinds.Contains(kind) != p.Found.Contains(kind))
                    .Select(p => (p.Found.Contains(kind) ? "false +  " : "missed   ") + p.s.Text).ToList();
                return new KindScore(kind,
                    predicted.Count(p => p.s.Kinds.Contains(kind) && p.Found.Contains(kind)),
                    predicted.Count(p => !p.s.Kinds.Contains(kind) && p.Found.Contains(kind)),
                    predicted.Count(p => p.s.Kinds.Contains(kind) && !p.Found.Contains(kind)),
                    wrong);
            }),
        ];
    }
}
