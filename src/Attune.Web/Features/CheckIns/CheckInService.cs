using Attune.Data;
using Attune.Features.Appreciation;
using Attune.Features.Couples;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.CheckIns;

/// <summary>The couple's weekly check-in: my draft, my submission, the reveal when both have submitted, the conversation.</summary>
internal sealed class CheckInService(
    AttuneDbContext db, Caller caller, CheckInPrivacy privacy, CheckInValidation validation, AppreciationService jar,
    TimeProvider time, IStringLocalizer<CheckInsText> text)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 52;

    public async Task<(DateOnly Week, DayOfWeek Day)> CurrentWeekAsync(CancellationToken ct)
    {
        var zone = await db.Set<Couple>().AsNoTracking().Select(c => c.TimeZone).FirstAsync(ct);
        var day = await db.Set<CheckInSchedule>().AsNoTracking().Select(s => (DayOfWeek?)s.Day).FirstOrDefaultAsync(ct) ?? CheckInWeek.DefaultDay;
        var latest = await db.Set<CheckIn>().AsNoTracking().MaxAsync(c => (DateOnly?)c.Week, ct);
        return (CheckInWeek.Current(time, zone, day, latest), day);
    }

    public async Task<CheckInWeekView> GetCurrentAsync(CancellationToken ct)
    {
        var (week, day) = await CurrentWeekAsync(ct);
        return await ViewAsync(week, day, ct);
    }

    /// <summary>Saves my draft; with <paramref name="submit"/>, saves and submits it (every rating needed then).</summary>
    public async Task<Outcome<CheckInWeekView>> SaveAsync(CheckInRequest? request, bool submit, CancellationToken ct)
    {
        var (week, day) = await CurrentWeekAsync(ct);
        if (request?.Week is { } asked && asked != week)
        {
            return Failure.Conflict(text["error.not-current.title"], text["error.not-current", week.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
        }

        var me = caller.UserId;
        var mine = await db.Set<CheckIn>().FirstOrDefaultAsync(c => c.Week == week && c.UserId == me, ct);
        if (mine?.SubmittedAt is not null)
        {
            return Failure.Conflict(text["error.submitted.title"], text["error.submitted"]);
        }

        if (request is null && mine is null && submit)
        {
            return Failure.Field("trust", text["error.rating.missing"]);
        }

        if (request is not null)
        {
            var checkedTexts = validation.Check(request);
            if (!checkedTexts.Succeeded)
            {
                return checkedTexts.Failure!;
            }

            if (mine is null)
            {
                mine = new CheckIn { CoupleId = caller.Couple, Week = week, UserId = me };
                db.Add(mine);
            }

            (mine.Trust, mine.Communication, mine.Vulnerability, mine.Empathy, mine.Support, mine.Togetherness) =
                (request.Trust, request.Communication, request.Vulnerability, request.Empathy, request.Support, request.Togetherness);
            (mine.FeltAlone, mine.Closeness) = (request.FeltAlone, request.Closeness);
            mine.Texts = privacy.Seal(mine, checkedTexts.Value!);
        }

        if (submit && validation.Complete(mine!) is { } missing)
        {
            if (request is null)
            {
                return missing;
            }

            // Keep what was typed as a draft, and say what is missing.
            mine!.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return missing;
        }

        mine!.UpdatedAt = time.GetUtcNow();
        if (submit)
        {
            mine.SubmittedAt = mine.UpdatedAt;
            await RevealAppreciationsAsync(mine, ct);
        }

        await db.SaveChangesAsync(ct);
        return await ViewAsync(week, day, ct);
    }

    /// <summary>
    /// When my submission completes the week (my partner submitted already), both partners' appreciations of the
    /// week go to the appreciation jar, saved with my submission. Before the reveal nothing of them leaves the check-in.
    /// </summary>
    private async Task RevealAppreciationsAsync(CheckIn mine, CancellationToken ct)
    {
        var theirs = await db.Set<CheckIn>().AsNoTracking()
            .FirstOrDefaultAsync(c => c.Week == mine.Week && c.UserId != mine.UserId && c.SubmittedAt != null, ct);
        if (theirs is null)
        {
            return;
        }

        foreach (var row in new[] { theirs, mine }.OrderBy(r => r.SubmittedAt))
        {
            await jar.StageAsync(row.UserId, privacy.Read(row, caller.UserId, revealed: true)!.Appreciations, ct);
        }
    }

    public async Task<Outcome<CheckInWeekView>> SetDayAsync(string? dayName, CancellationToken ct)
    {
        if (!Enum.TryParse<DayOfWeek>(dayName, ignoreCase: true, out var day) || !Enum.IsDefined(day) || int.TryParse(dayName, out _))
        {
            return Failure.Field("day", text["error.day"]);
        }

        var schedule = await db.Set<CheckInSchedule>().FirstOrDefaultAsync(ct);
        if (schedule is null)
        {
            db.Add(new CheckInSchedule { CoupleId = caller.Couple, Day = day });
        }
        else
        {
            schedule.Day = day;
        }

        await db.SaveChangesAsync(ct);
        return await GetCurrentAsync(ct);
    }

    /// <summary>Marks a revealed week's conversation as done (either partner; once is enough).</summary>
    public async Task<Outcome<CheckInWeekView>> MarkDoneAsync(string? weekText, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(weekText, "yyyy-MM-dd", out var week))
        {
            return Failure.Field("week", text["error.week"]);
        }

        var submitted = await db.Set<CheckIn>().CountAsync(c => c.Week == week && c.SubmittedAt != null, ct);
        if (submitted < 2)
        {
            return Failure.Conflict(text["error.not-revealed.title"], text["error.not-revealed"]);
        }

        if (!await db.Set<CheckInConversation>().AnyAsync(c => c.Week == week, ct))
        {
            db.Add(new CheckInConversation { CoupleId = caller.Couple, Week = week, DoneBy = caller.UserId, DoneAt = time.GetUtcNow() });
            await db.SaveChangesAsync(ct);
        }

        var (_, day) = await CurrentWeekAsync(ct);
        return await ViewAsync(week, day, ct);
    }

    /// <summary>Weeks I submitted (and their reveal, if any), newest first, paged by week.</summary>
    public async Task<Outcome<CheckInListResponse>> ListAsync(int? limit, DateOnly? before, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return Failure.Field("limit", text["error.limit", MaxLimit]);
        }

        var take = limit ?? DefaultLimit;
        var me = caller.UserId;
        var weeks = await db.Set<CheckIn>().AsNoTracking()
            .Where(c => c.UserId == me && c.SubmittedAt != null && (before == null || c.Week < before))
            .OrderByDescending(c => c.Week).Select(c => c.Week).Take(take + 1).ToListAsync(ct);
        var (_, day) = await CurrentWeekAsync(ct);
        var items = new List<CheckInWeekView>();
        foreach (var week in weeks.Take(take))
        {
            items.Add(await ViewAsync(week, day, ct));
        }

        return new CheckInListResponse(items, weeks.Count > take ? weeks[take - 1] : null);
    }

    public async Task<CheckInWeekView> ViewAsync(DateOnly week, DayOfWeek day, CancellationToken ct)
    {
        var me = caller.UserId;
        var rows = await db.Set<CheckIn>().AsNoTracking().Where(c => c.Week == week).ToListAsync(ct);
        var mine = rows.FirstOrDefault(r => r.UserId == me);
        var partner = rows.FirstOrDefault(r => r.UserId != me && r.SubmittedAt != null);
        var revealed = mine?.SubmittedAt is not null && partner is not null;
        var done = await db.Set<CheckInConversation>().AsNoTracking().Where(c => c.Week == week).Select(c => (DateTimeOffset?)c.DoneAt).FirstOrDefaultAsync(ct);
        return new CheckInWeekView(week, day, privacy.Answers(mine, me, revealed), partner is not null, revealed,
            revealed ? privacy.Answers(partner, me, revealed) : null, revealed ? done : null);
    }
}
