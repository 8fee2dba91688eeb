using Attune.Data;
using Attune.Features.Couples;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Questions;

internal sealed record HistoryAnswerView(string Text, DateTimeOffset AnsweredAt);

internal sealed record HistoryDayView(DateOnly Date, QuestionView Question, HistoryAnswerView Mine, HistoryAnswerView Partner, ReactionsView Reactions);

/// <summary>A page of revealed days, newest first; <c>NextBefore</c> asks for the next page.</summary>
internal sealed record HistoryResponse(IReadOnlyList<HistoryDayView> Items, DateOnly? NextBefore, int ConnectedDaysThisMonth);

/// <summary>Past days on which both answered. Missed days are simply absent; no streaks.</summary>
internal sealed class HistoryService(AttuneDbContext db, Caller caller, DailyQuestions questions, AnswerPrivacy privacy, TimeProvider time, IStringLocalizer<QuestionsText> t)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>A page of history; <paramref name="categoryName"/> and <paramref name="limit"/> as the person gave them.</summary>
    public async Task<Outcome<HistoryResponse>> GetAsync(string? categoryName, DateOnly? before, int? limit, CancellationToken ct)
    {
        QuestionCategory? category = null;
        if (!string.IsNullOrEmpty(categoryName))
        {
            if (!QuestionCategories.TryParse(categoryName, out var parsed))
            {
                return Failure.Field("category", t["category.unknown"]);
            }

            category = parsed;
        }

        if (limit is < 1 or > MaxLimit)
        {
            return Failure.Field("limit", t["history.limit", MaxLimit]);
        }

        return await PageAsync(category, before, limit ?? DefaultLimit, ct);
    }

    private async Task<HistoryResponse> PageAsync(QuestionCategory? category, DateOnly? before, int limit, CancellationToken ct)
    {
        var (coupleId, me) = (caller.Couple, caller.UserId);
        var answers = db.Set<Answer>();
        var revealed = db.Set<DailyQuestion>().AsNoTracking().Where(d => answers.Count(a => a.Date == d.Date) == 2);

        var page = revealed;
        if (category is { } c)
        {
            page = page.Where(d => d.Category == c);
        }

        if (before is { } b)
        {
            page = page.Where(d => d.Date < b);
        }

        var days = await page.OrderByDescending(d => d.Date).Take(limit + 1).ToListAsync(ct);
        var more = days.Count > limit;
        days = days.Take(limit).ToList();

        var dates = days.Select(d => d.Date).ToList();
        var dayAnswers = await answers.AsNoTracking().Where(a => dates.Contains(a.Date)).ToListAsync(ct);
        var dayReactions = await db.Set<Reaction>().AsNoTracking().Where(r => dates.Contains(r.Date)).ToListAsync(ct);
        var texts = await questions.DescribeAsync(coupleId, days, ct);

        var items = days.Select(d =>
        {
            var mine = dayAnswers.Single(a => a.Date == d.Date && a.UserId == me);
            var partner = dayAnswers.Single(a => a.Date == d.Date && a.UserId != me);
            var myReaction = dayReactions.FirstOrDefault(r => r.Date == d.Date && r.UserId == me);
            var theirReaction = dayReactions.FirstOrDefault(r => r.Date == d.Date && r.UserId != me);
            return new HistoryDayView(
                d.Date,
                texts[d.QuestionId],
                new HistoryAnswerView(privacy.ReadAnswer(mine, me, revealed: true)!, mine.AnsweredAt),
                new HistoryAnswerView(privacy.ReadAnswer(partner, me, revealed: true)!, partner.AnsweredAt),
                new ReactionsView(
                    myReaction is null ? null : new ReactionView(myReaction.Kind, privacy.ReadReply(myReaction, me, true)),
                    theirReaction is null ? null : new ReactionView(theirReaction.Kind, privacy.ReadReply(theirReaction, me, true))));
        }).ToList();

        var timeZone = await db.Set<Couple>().Where(x => x.Id == coupleId).Select(x => x.TimeZone).SingleAsync(ct);
        var today = CoupleDay.Today(time, timeZone);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var connected = await revealed.CountAsync(d => d.Date >= monthStart && d.Date <= today, ct);
        return new HistoryResponse(items, more ? days[^1].Date : null, connected);
    }
}
