using Attune.Data;
using Attune.Features.Couples;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attune.Features.Questions;

/// <summary>My setting, the couple's level, and whether I am invited one level deeper. Never the partner's setting.</summary>
internal sealed record DepthView(int Mine, int Couple, bool InvitedDeeper);

/// <summary>
/// The depth ladder. Each partner sets the deepest level they are comfortable with. The couple's level
/// starts at 1, never exceeds the shallower of the two settings, and rises one rung only after enough
/// revealed answers at the current rung and when both have said yes to the next one. Lowering one's own
/// setting lowers the couple's level at once; the partner is never told who did it.
/// </summary>
internal sealed class DepthLadder(AttuneDbContext db, Caller caller, CoupleChanges changes, IOptions<QuestionsOptions> options, IStringLocalizer<QuestionsText> t)
{
    public async Task<DepthView> GetAsync(CancellationToken ct)
    {
        var (coupleId, me) = (caller.Couple, caller.UserId);
        var level = await db.Set<Couple>().Where(c => c.Id == coupleId).Select(c => c.QuestionLevel).SingleAsync(ct);
        var mine = await db.Users.Where(u => u.Id == me).Select(u => u.MaxQuestionDepth).SingleAsync(ct);
        return await ViewAsync(level, mine, ct);
    }

    /// <summary>The view from values the caller already read; counts reveals only when an invitation is possible.</summary>
    public async Task<DepthView> ViewAsync(int level, int mine, CancellationToken ct) =>
        View(level, mine, level < Depths.Deepest && mine <= level ? await RevealsAtAsync(level, ct) : 0);

    /// <summary>
    /// The view from values the caller already read, the reveals at the couple's level included (counted up to
    /// <see cref="QuestionsOptions.RevealsBeforeDeeper"/>, as <see cref="DailyQuestions"/> reads them with the day).
    /// </summary>
    public DepthView View(int level, int mine, int revealsAtLevel) =>
        new(mine, level, level < Depths.Deepest && mine <= level && revealsAtLevel >= options.Value.RevealsBeforeDeeper);

    public async Task<Outcome<DepthView>> SetMineAsync(int? maxDepth, CancellationToken ct)
    {
        if (!Depths.IsValid(maxDepth))
        {
            return Failure.Field("maxDepth", t["depth.choose"]);
        }

        var me = caller.UserId;
        await db.Users.Where(u => u.Id == me).ExecuteUpdateAsync(s => s.SetProperty(u => u.MaxQuestionDepth, maxDepth!.Value), ct);
        changes.Changed(caller.Couple);
        await EvaluateAsync(ct);
        return await GetAsync(ct);
    }

    /// <summary>Moves the couple's level down to what both accept, or one rung up when both are ready. Safe to repeat.</summary>
    public async Task EvaluateAsync(CancellationToken ct)
    {
        var coupleId = caller.Couple;
        var level = await db.Set<Couple>().Where(c => c.Id == coupleId).Select(c => c.QuestionLevel).SingleAsync(ct);
        var shallower = await db.Users.Where(u => u.CoupleId == coupleId).MinAsync(u => u.MaxQuestionDepth, ct);
        var next = level > shallower ? shallower
            : level < Depths.Deepest && shallower > level && await RevealsAtAsync(level, ct) >= options.Value.RevealsBeforeDeeper ? level + 1
            : level;
        if (next != level)
        {
            await db.Set<Couple>().Where(c => c.Id == coupleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.QuestionLevel, next), ct);
            changes.Changed(coupleId);
        }
    }

    /// <summary>Days at this depth on which both partners answered, counted only as far as the threshold.</summary>
    private Task<int> RevealsAtAsync(int depth, CancellationToken ct) =>
        db.Set<DailyQuestion>()
            .Where(d => d.Depth == depth && db.Set<Answer>().Count(a => a.Date == d.Date) == 2)
            .OrderBy(d => d.Date) // any order counts the same; without one EF Core logs a warning on every start
            .Take(options.Value.RevealsBeforeDeeper)
            .CountAsync(ct);
}
