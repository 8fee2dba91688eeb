using Attune.Features.Couples;

namespace Attune.Features.Questions;

/// <summary>What the question-of-the-day card shows: today's view, the partner's name and the text in the boxes.</summary>
internal sealed record QuestionCard(TodayResponse Today, string PartnerName, string? AnswerText, string? ReplyText);

/// <summary>Loads the question-of-the-day card, for Today and for the Question page that takes its forms.</summary>
internal sealed class QuestionCards(TodayService today, CoupleService couples)
{
    /// <summary>With <paramref name="typed"/>, the boxes keep what the person typed (after a refusal); otherwise they show what is saved.</summary>
    public async Task<QuestionCard> LoadAsync(CancellationToken ct, (string? Answer, string? Reply)? typed = null)
    {
        var view = await today.GetAsync(ct);
        var partner = await couples.PartnerNameAsync(ct) is { Length: > 0 } name ? name : "your partner";
        return typed is var (answer, reply)
            ? new QuestionCard(view, partner, answer, reply)
            : new QuestionCard(view, partner, view.Mine?.Text, view.Reactions.Mine?.Text);
    }
}
