using Attune.Data;
using Attune.Encryption;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Quiz;

/// <summary>One of my know-me answers (as the subject) or guesses (as the guesser), in my export.</summary>
internal sealed record ExportedQuizItem(Guid Round, DateTimeOffset RoundStartedAt, string QuestionId, string Role, string Text, QuizMark? Mark);

/// <summary>
/// The person's own quiz words for their export: only what they wrote (their answers as the subject, their
/// guesses as the guesser), read by author like the rest of the export, never the partner's.
/// </summary>
internal static class QuizExport
{
    public static async Task<List<ExportedQuizItem>> BuildAsync(AttuneDbContext db, FieldCipher cipher, Guid me, CancellationToken ct)
    {
        var rounds = await db.Set<QuizRound>().IgnoreQueryFilters().AsNoTracking().Where(r => r.SubjectId == me || r.GuesserId == me).ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var items = await db.Set<QuizItem>().IgnoreQueryFilters().AsNoTracking().Where(i => ids.Contains(i.RoundId)).ToListAsync(ct);
        var result = new List<ExportedQuizItem>();
        foreach (var round in rounds.OrderBy(r => r.CreatedAt))
        {
            var subject = round.SubjectId == me;
            foreach (var item in items.Where(i => i.RoundId == round.Id).OrderBy(i => i.Position))
            {
                var value = subject ? item.Answer : item.Guess;
                if (value is null)
                {
                    continue;
                }

                var owner = round.RevealedAt is null ? KeyOwner.User(me) : KeyOwner.Couple(round.CoupleId);
                var text = cipher.Open(owner, value, subject ? QuizService.AnswerPurpose : QuizService.GuessPurpose, QuizService.Row(item));
                result.Add(new ExportedQuizItem(round.Id, round.CreatedAt, item.QuestionId, subject ? "answer" : "guess", text, subject ? null : item.Mark));
            }
        }

        return result;
    }
}
