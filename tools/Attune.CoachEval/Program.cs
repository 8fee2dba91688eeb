using System.Diagnostics;
using System.Globalization;
using Attune.Features.Coach;

// Usage: dotnet run --project tools/Attune.CoachEval [-- path/to/gentle-eval.tsv] [--wrong tune|heldout]
var path = args.FirstOrDefault(a => a.EndsWith(".tsv", StringComparison.Ordinal))
    ?? Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Attune.Web", "Features", "Coach", "gentle-eval.tsv");
var wrongIndex = Array.IndexOf(args, "--wrong");
var showWrong = wrongIndex >= 0 && wrongIndex + 1 < args.Length ? args[wrongIndex + 1] : null;
var sentences = GentleEvaluation.Parse(File.ReadLines(path));

foreach (var (name, heldOut) in new[] { ("tune", false), ("heldout", true) })
{
    var part = sentences.Where(s => s.HeldOut == heldOut).ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\n{name}: {part.Count} sentences ({part.Count(s => s.Kinds.Count == 0)} with no kind)"));
    Console.WriteLine($"{"kind",-16}{"precision",10}{"recall",8}{"tp",5}{"fp",5}{"fn",5}");
    foreach (var score in GentleEvaluation.Score(part))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{FindingKinds.Name(score.Kind),-16}{score.Precision,10:0.000}{score.Recall,8:0.000}{score.TruePositives,5}{score.FalsePositives,5}{score.FalseNegatives,5}"));
        if (showWrong == name)
        {
            score.Wrong.ToList().ForEach(w => Console.WriteLine("    " + w));
        }
    }
}

var watch = Stopwatch.StartNew();
var rounds = 0;
for (; watch.ElapsedMilliseconds < 1000; rounds++)
{
    sentences.ForEach(s => GentleRules.Find(s.Text));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"\nspeed: {watch.Elapsed.TotalMicroseconds / (rounds * sentences.Count):0.0} µs per sentence (mean over {rounds} rounds of the whole set)"));
