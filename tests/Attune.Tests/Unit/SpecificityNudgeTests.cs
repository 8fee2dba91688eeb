using Attune.Features.Appreciation;

namespace Attune.Tests.Unit;

/// <summary>The nudge's rules against the labelled set the project ships (nudge-examples.tsv), and a few cases by name.</summary>
public sealed class SpecificityNudgeTests(ITestOutputHelper output)
{
    [Fact]
    public void Precision_and_recall_for_specific_are_at_least_0_90_on_the_shipped_set()
    {
        var examples = NudgeCheck.Examples();
        Assert.True(examples.Count >= 150, $"only {examples.Count} labelled examples");
        Assert.True(examples.Count(e => e.Specific) >= 60 && examples.Count(e => !e.Specific) >= 60, "both labels well represented");
        Assert.Equal(examples.Count, examples.Select(e => e.Text).Distinct(StringComparer.Ordinal).Count());

        var score = NudgeCheck.Score(examples);
        foreach (var miss in score.Wrong)
        {
            output.WriteLine($"{(miss.Specific ? "specific" : "generic")} judged otherwise: {miss.Text}");
        }

        Assert.True(score.Precision >= 0.90, $"precision {score.Precision:0.000}");
        Assert.True(score.Recall >= 0.90, $"recall {score.Recall:0.000}");
        using var printed = new StringWriter();
        Assert.Equal(0, NudgeCheck.Run(printed));
        Assert.Contains($"precision {score.Precision:0.000}", printed.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("thanks for the coffee this morning", true, "meaning")]
    [InlineData("You were so patient with my mum on Sunday and I felt you were on my side", true, "")]
    [InlineData("You are the most wonderful, kind, caring, beautiful, generous person I know and I love you endlessly", false, "act,moment")]
    [InlineData("Thanks for doing the dishes.", false, "moment,meaning")]
    [InlineData("Thank you for everything today", false, "act,meaning")]
    [InlineData("Danke, dass du heute Morgen Kaffee gemacht hast", true, "meaning")]
    public void Names_what_is_missing(string text, bool specific, string missing)
    {
        var verdict = SpecificityNudge.Check(text);
        Assert.Equal(specific, verdict.Specific);
        Assert.Equal(missing, string.Join(',', verdict.Missing.Select(m => m.ToString().ToLowerInvariant())));
    }

    [Fact]
    public void Long_hostile_text_is_judged_without_running_away()
    {
        foreach (var text in new[] { string.Concat(Enumerable.Repeat("you you were so ", 62)), new string('e', 1000) + "d", string.Concat(Enumerable.Repeat("thanks for ", 90)) })
        {
            // Repetition without a moment or a meaning: judged generic, and within the rules' time limit (no exception).
            Assert.False(SpecificityNudge.Check(text).Specific, text[..20]);
        }
    }
}
