using System.Globalization;
using Attune.Data;
using Attune.Encryption;
using Attune.Features.Couples;
using Attune.Features.Questions;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Activities;

/// <summary>An item on the list: a library idea (<c>Activity</c>, with its sentence) or the couple's own idea; planned "yyyy-MM-dd" and "HH:mm" in the couple's zone.</summary>
internal sealed record PlanView(Guid Id, string? Activity, string Title, string? Text, string? Date, string? Time, DateOnly? DoneOn, string? Memory, bool AddedByMe);

/// <summary>The couple's "to try together" list (not done yet), planned ones first, and the couple's time zone.</summary>
internal sealed record PlanList(IReadOnlyList<PlanView> Items, string TimeZone, DateOnly Today);

/// <summary>Add a library idea by its key, or an own idea by its title.</summary>
internal sealed record PlanRequest(string? Activity, string? Title);

/// <summary>Plan a date: a local date "yyyy-MM-dd" (null or empty takes the plan away) and an optional local time "HH:mm".</summary>
internal sealed record ScheduleRequest(string? Date, string? Time);

internal sealed record DoneRequest(string? Memory);

/// <summary>
/// The shared "to try together" list and the memories it leaves. Own ideas and memory notes are sealed under the
/// couple's key: both partners read them, nobody else, and they never go into a calendar feed.
/// </summary>
internal sealed class PlanService(
    AttuneDbContext db, Caller caller, FieldCipher cipher, TimeProvider time, ActivityService activities, IStringLocalizer<ActivitiesText> text)
{
    public const int MaxTitleLength = 80;
    public const int MaxMemoryLength = 280;
    public const int MaxOpen = 50;
    public const int MaxDaysAhead = 730;
    public const string TitlePurpose = "activity-title";
    public const string MemoryPurpose = "activity-memory";

    public async Task<PlanList> ListAsync(CancellationToken ct)
    {
        var zone = await ZoneAsync(ct);
        var rows = await db.Set<ActivityPlan>().AsNoTracking().Where(p => p.DoneOn == null).ToListAsync(ct);
        var ordered = rows.OrderBy(p => p.PlannedDate is null).ThenBy(p => p.PlannedDate).ThenBy(p => p.PlannedTime).ThenBy(p => p.CreatedAt);
        return new PlanList([.. ordered.Select(View)], zone, CoupleDay.Today(time, zone));
    }

    public async Task<IReadOnlyList<PlanView>> MemoriesAsync(CancellationToken ct)
    {
        var rows = await db.Set<ActivityPlan>().AsNoTracking().Where(p => p.DoneOn != null).ToListAsync(ct);
        return [.. rows.OrderByDescending(p => p.DoneOn).ThenByDescending(p => p.CreatedAt).Select(View)];
    }

    public async Task<Outcome<PlanView>> AddAsync(PlanRequest request, CancellationToken ct)
    {
        var key = request.Activity?.Trim();
        var title = request.Title?.Trim() ?? "";
        if (!string.IsNullOrEmpty(key))
        {
            if (ActivityLibrary.Find(key) is null)
            {
                return Failure.Field("activity", text["error.activity"]);
            }

            if (await db.Set<ActivityPlan>().AnyAsync(p => p.ActivityKey == key && p.DoneOn == null, ct))
            {
                return Failure.Conflict(text["error.title"], text["error.onlist"]);
            }
        }
        else if (ValidateTitle(title) is { } failure)
        {
            return failure;
        }

        if (await db.Set<ActivityPlan>().CountAsync(p => p.DoneOn == null, ct) >= MaxOpen)
        {
            return Failure.Conflict(text["error.title"], text["error.toomany", MaxOpen]);
        }

        var plan = new ActivityPlan
        {
            CoupleId = caller.Couple, Id = Guid.NewGuid(), AddedBy = caller.UserId, CreatedAt = time.GetUtcNow(),
            ActivityKey = string.IsNullOrEmpty(key) ? null : key,
        };
        plan.Title = plan.ActivityKey is null ? cipher.Seal(KeyOwner.Couple(plan.CoupleId), title, TitlePurpose, Row(plan)) : [];
        db.Add(plan);
        await db.SaveChangesAsync(ct);
        return View(plan);
    }

    /// <summary>Plans (or re-plans, or with no date un-plans) a date for an item not done yet, from the couple's today on.</summary>
    public async Task<Outcome<PlanView>> ScheduleAsync(Guid id, ScheduleRequest request, CancellationToken ct)
    {
        var plan = await db.Set<ActivityPlan>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return NotFound();
        }

        if (plan.DoneOn is not null)
        {
            return Failure.Conflict(text["error.title"], text["error.done"]);
        }

        var errors = new Dictionary<string, string[]>();
        DateOnly? date = null;
        TimeOnly? at = null;
        if (!string.IsNullOrWhiteSpace(request.Date))
        {
            var today = CoupleDay.Today(time, await ZoneAsync(ct));
            if (!DateOnly.TryParseExact(request.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                errors["date"] = [text["error.date"]];
            }
            else if (parsed < today || parsed > today.AddDays(MaxDaysAhead))
            {
                errors["date"] = [text["error.date.range"]];
            }
            else
            {
                date = parsed;
            }
        }

        if (!string.IsNullOrWhiteSpace(request.Time))
        {
            if (!TimeOnly.TryParseExact(request.Time.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                errors["time"] = [text["error.time"]];
            }
            else
            {
                at = parsed;
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        (plan.PlannedDate, plan.PlannedTime) = (date, date is null ? null : at);
        await db.SaveChangesAsync(ct);
        return View(plan);
    }

    /// <summary>Marks an item done today (the couple's day) with an optional memory note; done again rewrites the note. A library idea becomes "done before".</summary>
    public async Task<Outcome<PlanView>> DoneAsync(Guid id, string? memory, CancellationToken ct)
    {
        var plan = await db.Set<ActivityPlan>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return NotFound();
        }

        var note = memory?.Trim() ?? "";
        if (note.Length > MaxMemoryLength)
        {
            return Failure.Field("memory", text["error.memory.long", MaxMemoryLength]);
        }

        plan.DoneOn ??= CoupleDay.Today(time, await ZoneAsync(ct));
        plan.DoneBy ??= caller.UserId;
        plan.Memory = note.Length == 0 ? null : cipher.Seal(KeyOwner.Couple(plan.CoupleId), note, MemoryPurpose, Row(plan));
        if (plan.ActivityKey is { } key)
        {
            await activities.SetMarkAsync(key, ActivityMark.DoneBefore, ct);
        }

        await db.SaveChangesAsync(ct);
        return View(plan);
    }

    public async Task<Outcome> RemoveAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.Set<ActivityPlan>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return NotFound();
        }

        db.Remove(plan);
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>The one rule for an own idea's title: 1 to <see cref="MaxTitleLength"/> characters on one line.</summary>
    public Failure? ValidateTitle(string title) => OneLineText.Check(title, MaxTitleLength, "title", text, "error.title");

    private async Task<string> ZoneAsync(CancellationToken ct) =>
        await db.Set<Couple>().Select(c => c.TimeZone).FirstOrDefaultAsync(ct) ?? "Etc/UTC";

    private PlanView View(ActivityPlan p) => new(
        p.Id, p.ActivityKey,
        p.ActivityKey is { } key ? activities.Title(key) : cipher.Open(KeyOwner.Couple(p.CoupleId), p.Title, TitlePurpose, Row(p)),
        p.ActivityKey is { } k ? activities.Sentence(k) : null,
        p.PlannedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.PlannedTime?.ToString("HH:mm", CultureInfo.InvariantCulture),
        p.DoneOn, p.Memory is null ? null : cipher.Open(KeyOwner.Couple(p.CoupleId), p.Memory, MemoryPurpose, Row(p)), p.AddedBy == caller.UserId);

    private Failure NotFound() => Failure.NotFound(text["error.notfound.title"], text["error.notfound"]);

    internal static string Row(ActivityPlan p) => $"activity_plans/{p.CoupleId:N}/{p.Id:N}";
}
