using Attune.Data;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Questions;

/// <summary>The couple's question of the day: reading it, answering it, reacting to the reveal.</summary>
internal sealed class TodayService(
    AttuneDbContext db, Caller caller, DailyQuestions questions, AnswerPrivacy privacy, DepthLadder ladder, TodayCache cache, TimeProvider time, IStringLocalizer<QuestionsText> t)
{
    public Failure AlreadyRevealed => Failure.Conflict(t["problem.final.title"], t["problem.final.detail"]);

    public Failure NotRevealedYet => Failure.Conflict(t["problem.notrevealed.title"], t["problem.notrevealed.detail"]);

    public async Task<TodayResponse> GetAsync(CancellationToken ct)
    {
        var (coupleId, me) = (caller.Couple, caller.UserId);
        if (cache.Find(coupleId, me) is { } cached)
        {
            return cached;
        }

        var version = cache.Version(coupleId);
        return await db.OnOneConnectionAsync(async () =>
        {
            var today = await questions.EnsureTodayAsync(coupleId, me, ct);
            var view = await ViewAsync(coupleId, today, ct);
            cache.Keep(coupleId, me, version, today.Couple.TimeZone, view);
            return view;
        }, ct);
    }

    /// <summary>Saves or edits my answer. Editing stops at the reveal; from then on both answers are final.</summary>
    public async Task<Outcome<TodayResponse>> AnswerAsync(string? input, CancellationToken ct) =>
        await db.OnOneConnectionAsync(() => SaveAnswerAsync(input, ct), ct);

    private async Task<Outcome<TodayResponse>> SaveAnswerAsync(string? input, CancellationToken ct)
    {
        var text = input?.Trim() ?? "";
        if (text.Length is 0 or > QuestionsOptions.MaxAnswerLength)
        {
            return Failure.Field("text", text.Length == 0
                ? t["answer.required"]
                : t["answer.long", QuestionsOptions.MaxAnswerLength]);
        }

        var (coupleId, me) = (caller.Couple, caller.UserId);

        var today = await questions.EnsureTodayAsync(coupleId, me, ct, forView: false);
        var day = today.Day;
        // Once both have answered the day is final for good, so a write after the reveal is refused without
        // taking the write lock (the day's read; the check inside the transaction below still decides every race).
        if (today.Answers.Count >= 2)
        {
            return AlreadyRevealed;
        }

        var now = time.GetUtcNow();
        bool revealedNow;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Lock the couple's day: of two simultaneous writes, the second sees the first, so an answer can
            // never change after the partner has read it.
            await db.Set<DailyQuestion>().Where(d => d.Date == day.Date)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Version, d => d.Version + 1), ct);
            var answers = await db.Set<Answer>().Where(a => a.Date == day.Date).ToListAsync(ct);
            var mine = answers.FirstOrDefault(a => a.UserId == me);
            var partnerAnswered = answers.Any(a => a.UserId != me);
            if (mine is not null && partnerAnswered)
            {
                return AlreadyRevealed;
            }

            if (mine is null)
            {
                db.Add(new Answer
                {
                    CoupleId = coupleId,
                    Date = day.Date,
                    UserId = me,
                    Text = privacy.SealAnswer(coupleId, day.Date, me, text),
                    AnsweredAt = now,
                    UpdatedAt = now,
                });
            }
            else
            {
                mine.Text = privacy.SealAnswer(coupleId, day.Date, me, text);
                mine.UpdatedAt = now;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            revealedNow = partnerAnswered;
        }

        if (revealedNow)
        {
            await ladder.EvaluateAsync(ct);
        }

        return await ViewAfterWriteAsync(coupleId, me, day, ct);
    }

    /// <summary>A warm reaction (and an optional reply) to my partner's revealed answer; a second one replaces the first.</summary>
    public async Task<Outcome<TodayResponse>> ReactAsync(string? kindName, string? replyInput, CancellationToken ct) =>
        await db.OnOneConnectionAsync(() => SaveReactionAsync(kindName, replyInput, ct), ct);

    private async Task<Outcome<TodayResponse>> SaveReactionAsync(string? kindName, string? replyInput, CancellationToken ct)
    {
        if (!ReactionKinds.TryParse(kindName, out var kind))
        {
            return Failure.Field("kind", t["reaction.choose"]);
        }

        var reply = replyInput?.Trim();
        if (reply?.Length > QuestionsOptions.MaxReplyLength)
        {
            return Failure.Field("text", t["reply.long", QuestionsOptions.MaxReplyLength]);
        }

        var (coupleId, me) = (caller.Couple, caller.UserId);
        var today = await questions.EnsureTodayAsync(coupleId, me, ct, forView: false);
        var day = today.Day;
        if (today.Answers.Count < 2)
        {
            return NotRevealedYet;
        }

        // The day's read has my reaction, if any (untracked): attached, only what changes below is written.
        var reaction = today.Reactions.FirstOrDefault(r => r.UserId == me);
        if (reaction is null)
        {
            reaction = new Reaction { CoupleId = coupleId, Date = day.Date, UserId = me };
            db.Add(reaction);
        }
        else
        {
            db.Attach(reaction);
        }

        reaction.Kind = kind;
        reaction.Reply = string.IsNullOrEmpty(reply) ? null : privacy.SealReply(reaction, reply);
        reaction.CreatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await ViewAfterWriteAsync(coupleId, me, day, ct);
    }

    /// <summary>The view of the day just written, read again (a write changes answers, reactions, even the couple's level).</summary>
    private async Task<TodayResponse> ViewAfterWriteAsync(Guid coupleId, Guid me, DailyQuestion day, CancellationToken ct) =>
        await ViewAsync(coupleId, await questions.ReadAsync(coupleId, me, day.Date)
            ?? throw new InvalidOperationException("The day just written is not there."), ct);

    private async Task<TodayResponse> ViewAsync(Guid coupleId, TodayRead today, CancellationToken ct)
    {
        var me = caller.UserId;
        var (day, couple, answers, reactions) = (today.Day, today.Couple, today.Answers, today.Reactions);
        var question = (await questions.DescribeAsync(coupleId, [day], ct))[day.QuestionId];
        var mine = answers.FirstOrDefault(a => a.UserId == me);
        var partner = answers.FirstOrDefault(a => a.UserId != me);
        var revealed = mine is not null && partner is not null;

        return new TodayResponse(
            day.Date,
            question,
            mine is null ? null : new MyAnswerView(privacy.ReadAnswer(mine, me, revealed)!, mine.AnsweredAt),
            new PartnerAnswerView(partner is not null, partner is null ? null : privacy.ReadAnswer(partner, me, revealed), partner?.AnsweredAt),
            revealed,
            new ReactionsView(
                Reaction(reactions.FirstOrDefault(r => r.UserId == me), me, revealed),
                Reaction(reactions.FirstOrDefault(r => r.UserId != me), me, revealed)),
            ladder.View(couple.Level, couple.MyMaxDepth, today.RevealsAtLevel));
    }

    private ReactionView? Reaction(Reaction? reaction, Guid me, bool revealed) =>
        reaction is null ? null : new ReactionView(reaction.Kind, privacy.ReadReply(reaction, me, revealed));
}
