using Attune.Data;
using Attune.Features.CheckIns;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Insights;

/// <summary>One person's submitted check-in, as the rules and charts read it.</summary>
internal sealed record PersonWeek(DateOnly Week, IReadOnlyDictionary<string, int> Ratings, int FeltAlone, int Closeness, bool HasWords);

/// <summary>
/// What the caller may see of the couple's check-ins: all of their own submitted weeks, and the partner's only
/// for weeks both submitted (revealed). A partner's unrevealed check-in never enters a chart, a rule or a notice.
/// </summary>
internal sealed record VisibleCheckIns(IReadOnlyList<PersonWeek> Mine, IReadOnlyList<PersonWeek> Partner, IReadOnlyList<(DateOnly Week, string Concern)> MyConcerns)
{
    public IEnumerable<DateOnly> Weeks => Mine.Select(m => m.Week).Union(Partner.Select(p => p.Week)).Order();
}

internal sealed class InsightData(AttuneDbContext db, Caller caller, CheckInPrivacy privacy)
{
    /// <summary>How far back charts and rules look.</summary>
    public const int MaxWeeks = 52;

    public async Task<VisibleCheckIns> LoadAsync(CancellationToken ct)
    {
        var me = caller.UserId;
        var rows = await db.Set<CheckIn>().AsNoTracking().Where(c => c.SubmittedAt != null)
            .OrderByDescending(c => c.Week).Take(MaxWeeks * 2).ToListAsync(ct);
        var myWeeks = rows.Where(r => r.UserId == me).Select(r => r.Week).ToHashSet();
        var mine = rows.Where(r => r.UserId == me).OrderBy(r => r.Week).ToList();
        var partner = rows.Where(r => r.UserId != me && myWeeks.Contains(r.Week)).OrderBy(r => r.Week).ToList();
        var myTexts = mine.Select(r => (r.Week, Texts: privacy.Read(r, me, revealed: false)!)).ToList();
        return new VisibleCheckIns(
            [.. mine.Select((r, i) => Person(r, myTexts[i].Texts))],
            [.. partner.Select(r => Person(r, privacy.Read(r, me, revealed: true)!))],
            [.. myTexts.Where(t => t.Texts.Concern is not null).Select(t => (t.Week, t.Texts.Concern!))]);
    }

    private static PersonWeek Person(CheckIn row, CheckInTexts texts) => new(
        row.Week,
        Scales.Dimensions.ToDictionary(d => d, d => row.Rating(d) ?? Scales.RatingMin),
        row.FeltAlone ?? Scales.FeltAloneMin,
        row.Closeness ?? Scales.ClosenessMin,
        texts.HasWords);
}
