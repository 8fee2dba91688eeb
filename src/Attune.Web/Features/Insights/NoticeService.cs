using Attune.Data;
using Attune.Features.Accounts;
using Attune.Features.Couples;
using Attune.Features.Listening;
using Attune.Features.Questions;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Insights;

/// <summary>A notice as its reader sees it: kind words, what might help, and nothing of the partner's unrevealed answers.</summary>
internal sealed record NoticeView(string Id, string Rule, string Title, string Body, string Help);

/// <summary>Runs the red-flag rules over what the caller may see, minus the notices they put away.</summary>
internal sealed class NoticeService(
    AttuneDbContext db, Caller caller, InsightData data, AnswerPrivacy answers, TimeProvider time, IStringLocalizer<InsightsText> text)
{
    public async Task<IReadOnlyList<NoticeView>> ActiveAsync(CancellationToken ct)
    {
        var raised = await RaisedAsync(ct);
        var me = caller.UserId;
        var dismissed = await db.Set<NoticeDismissal>().AsNoTracking().Where(d => d.UserId == me).Select(d => d.NoticeId).ToListAsync(ct);
        return [.. raised.Where(r => !dismissed.Contains(r.Id)).Select(View)];
    }

    public async Task<Outcome> DismissAsync(string? id, CancellationToken ct)
    {
        var active = await ActiveAsync(ct);
        if (id is null || active.All(n => n.Id != id))
        {
            return Failure.NotFound(text["error.notice.title"], text["error.notice"]);
        }

        db.Add(new NoticeDismissal { CoupleId = caller.Couple, UserId = caller.UserId, NoticeId = id, DismissedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>The rules over the caller's visible data (their own check-ins, revealed ones, revealed question days).</summary>
    public async Task<IReadOnlyList<RaisedNotice>> RaisedAsync(CancellationToken ct)
    {
        var visible = await data.LoadAsync(ct);
        var zone = await db.Set<Couple>().AsNoTracking().Select(c => c.TimeZone).FirstAsync(ct);
        var today = CoupleDay.Today(time, zone);
        return RedFlags.Evaluate(visible, await QuestionDaysAsync(today, ct), await UnderstoodAsync(TimeZones.Find(zone), ct), today);
    }

    /// <summary>The "felt understood" ratings of finished listening turns (both partners see them in the session view).</summary>
    private async Task<IReadOnlyList<UnderstoodRating>> UnderstoodAsync(TimeZoneInfo zone, CancellationToken ct)
    {
        var since = time.GetUtcNow().AddDays(-RedFlags.UnderstoodWithinDays - 1);
        var rated = await db.Set<ListeningTurn>().AsNoTracking().Where(t => t.FeltUnderstood != null && t.StartedAt > since)
            .Select(t => new { t.SpeakerId, t.StartedAt, t.FeltUnderstood }).ToListAsync(ct);
        return [.. rated.Select(t => new UnderstoodRating(t.SpeakerId, TimeZones.LocalDate(t.StartedAt, zone), t.FeltUnderstood!.Value))];
    }

    private async Task<IReadOnlyList<QuestionDayLength>> QuestionDaysAsync(DateOnly today, CancellationToken ct)
    {
        var since = today.AddDays(-RedFlags.SurfaceDays);
        var days = await db.Set<DailyQuestion>().AsNoTracking().Where(d => d.Date > since).Select(d => new { d.Date, d.Depth }).ToListAsync(ct);
        // Only a run of light days can trigger the rule: nothing is opened otherwise.
        if (days.Count < RedFlags.SurfaceMinRevealedDays || days.Any(d => d.Depth > 1))
        {
            return [];
        }

        var me = caller.UserId;
        var written = await db.Set<Answer>().AsNoTracking().Where(a => a.Date > since).ToListAsync(ct);
        return [.. written.GroupBy(a => a.Date).Where(g => g.Count() == 2).Select(g => new QuestionDayLength(
            g.Key, days.First(d => d.Date == g.Key).Depth,
            answers.ReadAnswer(g.First(a => a.UserId == me), me, revealed: true)!.Length,
            answers.ReadAnswer(g.First(a => a.UserId != me), me, revealed: true)!.Length))];
    }

    private NoticeView View(RaisedNotice notice)
    {
        var dimension = notice.Dimension is null ? "" : text["dimension." + notice.Dimension].Value;
        return new NoticeView(notice.Id, notice.Rule,
            text[$"notice.{notice.Rule}.title", dimension], text[$"notice.{notice.Rule}.body", dimension], text[$"notice.{notice.Rule}.help"]);
    }
}
