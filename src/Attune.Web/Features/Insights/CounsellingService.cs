using Attune.Data;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Insights;

/// <summary>Yes or no to sharing a summary with a counsellor (either partner can take a yes back).</summary>
internal sealed record ConsentRequest(bool? Consent);

internal sealed record ConsentView(bool Mine, bool Partner)
{
    public bool Both => Mine && Partner;
}

/// <summary>What a counsellor summary holds: trends of revealed weeks only, and the rules that weeks like these raise.</summary>
internal sealed record CounsellorSummary(TrendsResponse Trends, IReadOnlyList<string> Themes, int Weeks);

/// <summary>Consent to the summary for a counsellor, and the summary itself, which needs both partners' yes.</summary>
internal sealed class CounsellingService(AttuneDbContext db, Caller caller, InsightData data, TimeProvider time, IStringLocalizer<InsightsText> text)
{
    public async Task<ConsentView> ConsentAsync(CancellationToken ct)
    {
        var me = caller.UserId;
        var given = await db.Set<CounsellorConsent>().AsNoTracking().Select(c => c.UserId).ToListAsync(ct);
        return new ConsentView(given.Contains(me), given.Any(u => u != me));
    }

    public async Task<Outcome<ConsentView>> SetConsentAsync(bool? value, CancellationToken ct)
    {
        if (value is not { } consent)
        {
            return Failure.Field("consent", text["error.consent.value"]);
        }

        var me = caller.UserId;
        var mine = await db.Set<CounsellorConsent>().FirstOrDefaultAsync(c => c.UserId == me, ct);
        if (consent && mine is null)
        {
            db.Add(new CounsellorConsent { CoupleId = caller.Couple, UserId = me, GivenAt = time.GetUtcNow() });
        }
        else if (!consent && mine is not null)
        {
            db.Remove(mine);
        }

        await db.SaveChangesAsync(ct);
        return await ConsentAsync(ct);
    }

    /// <summary>
    /// Only weeks both submitted (both partners have seen them), only numbers and rule names: never a concern,
    /// an appreciation, a journal entry or anything sealed.
    /// </summary>
    public async Task<Outcome<CounsellorSummary>> SummaryAsync(CancellationToken ct)
    {
        if (!(await ConsentAsync(ct)).Both)
        {
            return new Failure(FailureKind.Forbidden, text["error.consent.title"], text["error.consent"]);
        }

        var visible = await data.LoadAsync(ct);
        var shared = visible.Partner.Select(p => p.Week).ToHashSet();
        var revealed = new VisibleCheckIns([.. visible.Mine.Where(m => shared.Contains(m.Week))], visible.Partner, []);
        var themes = RedFlags.Evaluate(revealed, [], [], DateOnly.MinValue).Select(r => r.Rule).Distinct().ToList();
        return new CounsellorSummary(Trends.From(revealed), themes, shared.Count);
    }
}
