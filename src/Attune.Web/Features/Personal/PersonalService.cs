using Attune.Data;
using Attune.Encryption;
using Attune.Features.Accounts;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Personal;

internal sealed record GoalRequest(string? Title, PersonalKind? Kind);

/// <summary>A log: a date (default: today in the person's zone) and minutes, or no minutes for a simple "did it".</summary>
internal sealed record LogRequest(DateOnly? Date, int? Minutes);

internal sealed record GoalView(Guid Id, PersonalKind Kind, string Title, bool Shared, int MinutesThisMonth, int DaysThisMonth, DateOnly? LastDone);

internal sealed record SharedGoalView(Guid Id, PersonalKind Kind, string Title, DateTimeOffset SharedAt);

/// <summary>
/// Personal goals and self-care habits. Every query on goals and logs selects <c>user_id = caller</c>
/// (<see cref="Mine"/>): they belong to no couple and are never opened for anyone else. Sharing writes a
/// copy of the title under the couple's key (<see cref="PersonalGoalShare"/>); unsharing deletes it.
/// </summary>
internal sealed class PersonalService(AttuneDbContext db, Caller caller, FieldCipher cipher, TimeProvider time, IStringLocalizer<PersonalText> t)
{
    public const int MaxTitleLength = 120;
    public const int MaxMinutes = 24 * 60;
    public const int MaxDaysBack = 366;
    public const string TitlePurpose = "personal-goal";
    public const string SharePurpose = "personal-goal-share";

    public static string Row(Guid userId, Guid id) => $"personal_goals/{userId:N}/{id:N}";

    public static string ShareRow(Guid coupleId, Guid id) => $"personal_goal_shares/{coupleId:N}/{id:N}";

    public static string OpenTitle(FieldCipher cipher, PersonalGoal g) => cipher.Open(KeyOwner.User(g.UserId), g.Title, TitlePurpose, Row(g.UserId, g.Id));

    private IQueryable<PersonalGoal> Mine => db.Set<PersonalGoal>().Where(g => g.UserId == caller.UserId);

    public async Task<DateOnly> TodayAsync(CancellationToken ct) =>
        TimeZones.LocalDate(time.GetUtcNow(), TimeZones.Find(await db.Users.AsNoTracking().Where(u => u.Id == caller.UserId).Select(u => u.TimeZone).FirstOrDefaultAsync(ct) ?? "UTC"));

    public async Task<List<GoalView>> ListAsync(CancellationToken ct)
    {
        var today = await TodayAsync(ct);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var goals = await Mine.AsNoTracking().OrderBy(g => g.CreatedAt).ToListAsync(ct);
        var logs = await db.Set<PersonalLog>().AsNoTracking().Where(l => l.UserId == caller.UserId).Select(l => new { l.GoalId, l.Date, l.Minutes }).ToListAsync(ct);
        var shared = await SharedIdsAsync(ct);
        return [.. goals.Select(g =>
        {
            var mine = logs.Where(l => l.GoalId == g.Id).ToList();
            var month = mine.Where(l => l.Date >= monthStart && l.Date <= today).ToList();
            return new GoalView(g.Id, g.Kind, OpenTitle(cipher, g), shared.Contains(g.Id), month.Sum(l => l.Minutes ?? 0),
                month.Select(l => l.Date).Distinct().Count(), mine.Count == 0 ? null : mine.Max(l => l.Date));
        })];
    }

    public async Task<Outcome<GoalView>> CreateAsync(GoalRequest request, CancellationToken ct)
    {
        if (Validate(request, out var title) is { } failure)
        {
            return failure;
        }

        var goal = new PersonalGoal { UserId = caller.UserId, Id = Guid.NewGuid(), Kind = request.Kind!.Value, CreatedAt = time.GetUtcNow() };
        goal.Title = cipher.Seal(KeyOwner.User(goal.UserId), title, TitlePurpose, Row(goal.UserId, goal.Id));
        db.Add(goal);
        await db.SaveChangesAsync(ct);
        return new GoalView(goal.Id, goal.Kind, title, false, 0, 0, null);
    }

    /// <summary>Renames a goal; a shared copy follows, so the partner never reads an older title than the owner's.</summary>
    public async Task<Outcome<GoalView>> UpdateAsync(Guid id, GoalRequest request, CancellationToken ct)
    {
        if (Validate(request, out var title) is { } failure)
        {
            return failure;
        }

        var goal = await Mine.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (goal is null)
        {
            return NotFound();
        }

        goal.Kind = request.Kind!.Value;
        goal.Title = cipher.Seal(KeyOwner.User(goal.UserId), title, TitlePurpose, Row(goal.UserId, goal.Id));
        if (caller.CoupleId is { } coupleId && await db.Set<PersonalGoalShare>().FirstOrDefaultAsync(s => s.GoalId == id && s.OwnerId == caller.UserId, ct) is { } copy)
        {
            copy.Kind = goal.Kind;
            copy.Title = cipher.Seal(KeyOwner.Couple(coupleId), title, SharePurpose, ShareRow(coupleId, id));
        }

        await db.SaveChangesAsync(ct);
        return (await ListAsync(ct)).First(g => g.Id == id);
    }

    /// <summary>Deletes the goal, its logs and any shared copy. False when the caller has no such goal.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        if (caller.IsInCouple)
        {
            await db.Set<PersonalGoalShare>().Where(s => s.GoalId == id && s.OwnerId == caller.UserId).ExecuteDeleteAsync(ct);
        }

        await db.Set<PersonalLog>().Where(l => l.UserId == caller.UserId && l.GoalId == id).ExecuteDeleteAsync(ct);
        return await Mine.Where(g => g.Id == id).ExecuteDeleteAsync(ct) == 1;
    }

    public async Task<Outcome<GoalView>> LogAsync(Guid id, LogRequest request, CancellationToken ct)
    {
        var today = await TodayAsync(ct);
        var date = request.Date ?? today;
        var errors = new Dictionary<string, string[]>();
        if (date > today || date < today.AddDays(-MaxDaysBack))
        {
            errors["date"] = [t["error.date", MaxDaysBack]];
        }

        if (request.Minutes is { } minutes && minutes is < 1 or > MaxMinutes)
        {
            errors["minutes"] = [t["error.minutes", MaxMinutes]];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        if (!await Mine.AnyAsync(g => g.Id == id, ct))
        {
            return NotFound();
        }

        db.Add(new PersonalLog { UserId = caller.UserId, Id = Guid.NewGuid(), GoalId = id, Date = date, Minutes = request.Minutes, CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return (await ListAsync(ct)).First(g => g.Id == id);
    }

    /// <summary>Shares a copy of the title with the partner (read-only for them); sharing again refreshes it.</summary>
    public async Task<Outcome<GoalView>> ShareAsync(Guid id, CancellationToken ct)
    {
        var goal = await Mine.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct);
        if (goal is null)
        {
            return NotFound();
        }

        var coupleId = caller.Couple;
        var copy = await db.Set<PersonalGoalShare>().FirstOrDefaultAsync(s => s.GoalId == id && s.OwnerId == caller.UserId, ct);
        if (copy is null)
        {
            copy = new PersonalGoalShare { CoupleId = coupleId, GoalId = id, OwnerId = caller.UserId, SharedAt = time.GetUtcNow() };
            db.Add(copy);
        }

        copy.Kind = goal.Kind;
        copy.Title = cipher.Seal(KeyOwner.Couple(coupleId), OpenTitle(cipher, goal), SharePurpose, ShareRow(coupleId, id));
        await db.SaveChangesAsync(ct);
        return (await ListAsync(ct)).First(g => g.Id == id);
    }

    /// <summary>Withdraws the shared copy at once; the goal stays the owner's.</summary>
    public async Task<Outcome> UnshareAsync(Guid id, CancellationToken ct) =>
        await db.Set<PersonalGoalShare>().Where(s => s.GoalId == id && s.OwnerId == caller.UserId).ExecuteDeleteAsync(ct) == 1
            ? Outcome.Done
            : Failure.NotFound(t["error.share.notfound.title"], t["error.share.notfound.detail"]);

    /// <summary>The goals the partner shares with the caller (read-only).</summary>
    public async Task<List<SharedGoalView>> PartnerSharesAsync(CancellationToken ct)
    {
        if (!caller.IsInCouple)
        {
            return [];
        }

        var rows = await db.Set<PersonalGoalShare>().AsNoTracking().Where(s => s.OwnerId != caller.UserId).OrderBy(s => s.SharedAt).ToListAsync(ct);
        return [.. rows.Select(s => new SharedGoalView(s.GoalId, s.Kind, cipher.Open(KeyOwner.Couple(s.CoupleId), s.Title, SharePurpose, ShareRow(s.CoupleId, s.GoalId)), s.SharedAt))];
    }

    private async Task<HashSet<Guid>> SharedIdsAsync(CancellationToken ct) =>
        caller.IsInCouple
            ? [.. await db.Set<PersonalGoalShare>().AsNoTracking().Where(s => s.OwnerId == caller.UserId).Select(s => s.GoalId).ToListAsync(ct)]
            : [];

    private Failure? Validate(GoalRequest request, out string title)
    {
        var errors = new Dictionary<string, string[]>();
        title = request.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors["title"] = [t["error.title.empty"]];
        }
        else if (title.Length > MaxTitleLength)
        {
            errors["title"] = [t["error.title.long", MaxTitleLength]];
        }

        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors["kind"] = [t["error.kind"]];
        }

        return errors.Count > 0 ? Failure.Invalid(errors) : null;
    }

    private Failure NotFound() => Failure.NotFound(t["error.notfound.title"], t["error.notfound.detail"]);
}
