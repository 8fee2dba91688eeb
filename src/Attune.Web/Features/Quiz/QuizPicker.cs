namespace Attune.Features.Quiz;

/// <summary>
/// Which questions a round asks: some the subject answered in earlier rounds (so a retake shows how they
/// changed) and the rest new to them; when the new ones run out, older ones fill the round.
/// </summary>
internal static class QuizPicker
{
    public const int RoundSize = 8;
    public const int Repeats = 4;

    public static List<string> Pick(IReadOnlyCollection<string> askedBefore, Random random)
    {
        var before = QuizQuestions.All.Where(askedBefore.Contains).OrderBy(_ => random.Next()).ToList();
        var fresh = QuizQuestions.All.Where(id => !askedBefore.Contains(id)).OrderBy(_ => random.Next()).ToList();
        var picked = before.Take(Repeats).ToList();
        picked.AddRange(fresh.Take(RoundSize - picked.Count));
        picked.AddRange(before.Skip(Repeats).Take(RoundSize - picked.Count));
        // Asked in theme order, so a round reads like a conversation rather than a shuffle.
        return [.. picked.OrderBy(id => QuizQuestions.All.ToList().IndexOf(id))];
    }
}
