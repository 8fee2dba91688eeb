using Attune.Data;
using Attune.Encryption;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Personal;

internal sealed record ExportedPersonalLog(DateOnly Date, int? Minutes);

internal sealed record ExportedGoal(string Title, PersonalKind Kind, DateTimeOffset CreatedAt, IReadOnlyList<ExportedPersonalLog> Logs);

/// <summary>The person's own goals and logs for their export (read by owner, like everything the export holds).</summary>
internal static class PersonalExport
{
    public static async Task<List<ExportedGoal>> BuildAsync(AttuneDbContext db, FieldCipher cipher, Guid me, CancellationToken ct)
    {
        var goals = await db.Set<PersonalGoal>().AsNoTracking().Where(g => g.UserId == me).OrderBy(g => g.CreatedAt).ToListAsync(ct);
        var logs = await db.Set<PersonalLog>().AsNoTracking().Where(l => l.UserId == me).OrderBy(l => l.Date).ToListAsync(ct);
        return [.. goals.Select(g => new ExportedGoal(PersonalService.OpenTitle(cipher, g), g.Kind, g.CreatedAt,
            [.. logs.Where(l => l.GoalId == g.Id).Select(l => new ExportedPersonalLog(l.Date, l.Minutes))]))];
    }
}
