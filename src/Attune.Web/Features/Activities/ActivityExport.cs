using Attune.Data;
using Attune.Encryption;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Activities;

/// <summary>
/// One list item in my export: the library idea's key, or my own idea's words if I added it; the memory note
/// only if I wrote it (marked it done). Never my partner's words.
/// </summary>
internal sealed record ExportedActivity(string? Activity, string? OwnIdea, DateOnly? PlannedDate, TimeOnly? PlannedTime, DateOnly? DoneOn, string? Memory, DateTimeOffset AddedAt);

internal static class ActivityExport
{
    /// <summary>List items I added or marked done (reads by person, across the couple filter, like the rest of the export).</summary>
    public static async Task<IReadOnlyList<ExportedActivity>> BuildAsync(AttuneDbContext db, FieldCipher cipher, Guid me, CancellationToken ct)
    {
        var rows = await db.Set<ActivityPlan>().IgnoreQueryFilters().AsNoTracking().Where(p => p.AddedBy == me || p.DoneBy == me)
            .OrderBy(p => p.CreatedAt).ToListAsync(ct);
        return [.. rows.Select(p => new ExportedActivity(
            p.ActivityKey,
            p.ActivityKey is null && p.AddedBy == me ? cipher.Open(KeyOwner.Couple(p.CoupleId), p.Title, PlanService.TitlePurpose, PlanService.Row(p)) : null,
            p.PlannedDate,
            p.PlannedTime,
            p.DoneOn,
            p.Memory is not null && p.DoneBy == me ? cipher.Open(KeyOwner.Couple(p.CoupleId), p.Memory, PlanService.MemoryPurpose, PlanService.Row(p)) : null,
            p.CreatedAt))];
    }
}
