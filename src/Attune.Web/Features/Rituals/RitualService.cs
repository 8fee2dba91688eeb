using System.Globalization;
using Attune.Data;
using Attune.Encryption;
using Attune.Features.Couples;
using Attune.Features.Questions;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Rituals;

/// <summary>A ritual to add or change: a template key or a custom title, weekdays ("monday"…), local time "HH:mm", minutes.</summary>
internal sealed record RitualRequest(string? Template, string? Title, IReadOnlyList<string>? Days, string? Time, int? DurationMinutes);

internal sealed record RitualView(Guid Id, string? Template, string Title, IReadOnlyList<string> Days, string Time, int DurationMinutes);

internal sealed record TemplateView(string Key, string Title, string Description, IReadOnlyList<string> Days, string Time, int DurationMinutes);

/// <summary>The couple's rituals, the templates to pick from, and this month's screen-free minutes together (one couple figure).</summary>
internal sealed record RitualList(IReadOnlyList<RitualView> Items, IReadOnlyList<TemplateView> Templates, int ScreenFreeMinutesThisMonth, string TimeZone);

internal sealed record ReflectionView(string Text, bool FromMe);

/// <summary>A screen-free session: <c>Ended</c> once the clock passed <c>EndsAt</c>; reflections appear then.</summary>
internal sealed record SessionView(Guid Id, Guid RitualId, string Title, DateTimeOffset StartedAt, DateTimeOffset EndsAt, bool Ended, IReadOnlyList<ReflectionView> Reflections, bool ReflectedByMe);

internal sealed record ReflectionRequest(string? Text);

/// <summary>
/// Rituals of connection and screen-free sessions. Custom titles and reflections are sealed under the couple's
/// key: both partners read them, nobody else does. Nothing here compares the partners or counts streaks.
/// </summary>
internal sealed class RitualService(
    AttuneDbContext db, Caller caller, FieldCipher cipher, TimeProvider time, IStringLocalizer<RitualsText> text)
{
    public const int MaxTitleLength = 80;
    public const int MaxReflectionLength = 200;
    public const int MinDuration = 5;
    public const int MaxDuration = 240;
    public const int MaxRituals = 30;
    public const string TitlePurpose = "ritual-title";
    public const string ReflectionPurpose = "ritual-reflection";

    public static readonly IReadOnlyList<string> DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public async Task<RitualList> ListAsync(CancellationToken ct)
    {
        var rows = await db.Set<Ritual>().AsNoTracking().OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var zone = await ZoneAsync(ct);
        return new RitualList([.. rows.Select(View)], Templates(), await ScreenFreeMinutesAsync(zone, ct), zone);
    }

    public IReadOnlyList<TemplateView> Templates() =>
        [.. RitualTemplates.All.Select(t => new TemplateView(t.Key, text[$"template.{t.Key}"], text[$"template.{t.Key}.description"],
            [.. t.Days.Select(Name)], t.Time.ToString("HH:mm", CultureInfo.InvariantCulture), t.DurationMinutes))];

    public async Task<Outcome<RitualView>> GetAsync(Guid id, CancellationToken ct) =>
        await db.Set<Ritual>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } row ? View(row) : NotFound();

    public async Task<Outcome<RitualView>> AddAsync(RitualRequest request, CancellationToken ct)
    {
        if (Validate(request) is { } failure)
        {
            return failure;
        }

        if (await db.Set<Ritual>().CountAsync(ct) >= MaxRituals)
        {
            return Failure.Conflict(text["error.title"], text["error.toomany", MaxRituals]);
        }

        var ritual = new Ritual { CoupleId = caller.Couple, Id = Guid.NewGuid(), CreatedAt = time.GetUtcNow() };
        Apply(ritual, request);
        db.Add(ritual);
        await db.SaveChangesAsync(ct);
        return View(ritual);
    }

    public async Task<Outcome<RitualView>> UpdateAsync(Guid id, RitualRequest request, CancellationToken ct)
    {
        var ritual = await db.Set<Ritual>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (ritual is null)
        {
            return NotFound();
        }

        if (Validate(request) is { } failure)
        {
            return failure;
        }

        Apply(ritual, request);
        await db.SaveChangesAsync(ct);
        return View(ritual);
    }

    public async Task<Outcome> RemoveAsync(Guid id, CancellationToken ct)
    {
        var ritual = await db.Set<Ritual>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (ritual is null)
        {
            return NotFound();
        }

        db.Remove(ritual);
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>Starts a screen-free session of the ritual now, for its duration.</summary>
    public async Task<Outcome<SessionView>> StartAsync(Guid ritualId, CancellationToken ct)
    {
        var ritual = await db.Set<Ritual>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == ritualId, ct);
        if (ritual is null)
        {
            return NotFound();
        }

        var now = time.GetUtcNow();
        var session = new RitualSession
        {
            CoupleId = caller.Couple,
            Id = Guid.NewGuid(),
            RitualId = ritual.Id,
            StartedBy = caller.UserId,
            StartedAt = now,
            EndsAt = now.AddMinutes(ritual.DurationMinutes),
        };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        return await SessionAsync(session.Id, ct);
    }

    /// <summary>The couple's session that is running now, if any (the newest).</summary>
    public async Task<Guid?> RunningAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var running = await db.Set<RitualSession>().AsNoTracking().Where(s => s.EndsAt > now)
            .Select(s => new { s.Id, s.StartedAt }).ToListAsync(ct);
        return running.OrderByDescending(s => s.StartedAt).Select(s => (Guid?)s.Id).FirstOrDefault();
    }

    public async Task<Outcome<SessionView>> SessionAsync(Guid id, CancellationToken ct)
    {
        var session = await db.Set<RitualSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return NotFound();
        }

        var ritual = await db.Set<Ritual>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == session.RitualId, ct);
        var ended = time.GetUtcNow() >= session.EndsAt;
        var reflections = ended
            ? await db.Set<RitualReflection>().AsNoTracking().Where(r => r.SessionId == id).OrderBy(r => r.CreatedAt).ToListAsync(ct)
            : [];
        var me = caller.UserId;
        return new SessionView(session.Id, session.RitualId, ritual is null ? text["session.removed"] : TitleOf(ritual),
            session.StartedAt, session.EndsAt, ended,
            [.. reflections.Select(r => new ReflectionView(cipher.Open(KeyOwner.Couple(r.CoupleId), r.Text, ReflectionPurpose, Row(r)), r.AuthorId == me))],
            reflections.Any(r => r.AuthorId == me));
    }

    /// <summary>The one rule for a reflection: 1 to <see cref="MaxReflectionLength"/> characters on one line.</summary>
    public Failure? ValidateReflection(string? value, out string trimmed)
    {
        trimmed = value?.Trim() ?? "";
        return OneLineText.Check(trimmed, MaxReflectionLength, "text", text, "error.reflection");
    }

    /// <summary>Writes (or rewrites) the caller's reflection once the session has ended.</summary>
    public async Task<Outcome<SessionView>> ReflectAsync(Guid sessionId, string? value, CancellationToken ct)
    {
        var session = await db.Set<RitualSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return NotFound();
        }

        if (ValidateReflection(value, out var trimmed) is { } failure)
        {
            return failure;
        }

        var now = time.GetUtcNow();
        if (now < session.EndsAt)
        {
            return Failure.Conflict(text["error.title"], text["error.reflection.early"]);
        }

        var me = caller.UserId;
        var reflection = await db.Set<RitualReflection>().FirstOrDefaultAsync(r => r.SessionId == sessionId && r.AuthorId == me, ct);
        if (reflection is null)
        {
            reflection = new RitualReflection { CoupleId = session.CoupleId, SessionId = sessionId, AuthorId = me, CreatedAt = now };
            db.Add(reflection);
        }

        reflection.Text = cipher.Seal(KeyOwner.Couple(session.CoupleId), trimmed, ReflectionPurpose, Row(reflection));
        await db.SaveChangesAsync(ct);
        return await SessionAsync(sessionId, ct);
    }

    /// <summary>Minutes of finished screen-free sessions that started this month (the couple's local month): one couple figure.</summary>
    public async Task<int> ScreenFreeMinutesAsync(string zone, CancellationToken ct)
    {
        var today = CoupleDay.Today(time, zone);
        var tz = Accounts.TimeZones.Find(zone);
        var local = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var start = new DateTimeOffset(local, tz.GetUtcOffset(local)).ToUniversalTime();
        var now = time.GetUtcNow();
        var sessions = await db.Set<RitualSession>().AsNoTracking().Where(s => s.StartedAt >= start && s.EndsAt <= now)
            .Select(s => new { s.StartedAt, s.EndsAt }).ToListAsync(ct);
        return (int)sessions.Sum(s => (s.EndsAt - s.StartedAt).TotalMinutes);
    }

    public async Task<string> ZoneAsync(CancellationToken ct) =>
        await db.Set<Couple>().Select(c => c.TimeZone).FirstOrDefaultAsync(ct) ?? "Etc/UTC";

    /// <summary>The ritual's title in the reader's language (template) or as the couple wrote it (custom).</summary>
    public string TitleOf(Ritual r) =>
        r.Template is { } key ? text[$"template.{key}"] : cipher.Open(KeyOwner.Couple(r.CoupleId), r.Title, TitlePurpose, Row(r));

    public static IReadOnlyList<DayOfWeek> DaysOf(int mask) =>
        [.. Enumerable.Range(0, 7).Where(i => (mask & (1 << i)) != 0).Select(i => (DayOfWeek)((i + 1) % 7))];

    private Failure? Validate(RitualRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var template = request.Template?.Trim();
        var title = request.Title?.Trim() ?? "";
        if (!string.IsNullOrEmpty(template) && RitualTemplates.Find(template) is null)
        {
            errors["template"] = [text["error.template"]];
        }
        else if (string.IsNullOrEmpty(template) && title.Length == 0)
        {
            errors["title"] = [text["error.title.empty"]];
        }
        else if (string.IsNullOrEmpty(template) && title.Length > MaxTitleLength)
        {
            errors["title"] = [text["error.title.long", MaxTitleLength]];
        }

        if (request.Days is not { Count: > 0 } days || days.Any(d => !DayNames.Contains(d?.Trim().ToLowerInvariant())))
        {
            errors["days"] = [text["error.days"]];
        }

        if (!TimeOnly.TryParseExact(request.Time?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors["time"] = [text["error.time"]];
        }

        if (request.DurationMinutes is not (>= MinDuration and <= MaxDuration))
        {
            errors["durationMinutes"] = [text["error.duration", MinDuration, MaxDuration]];
        }

        return errors.Count == 0 ? null : Failure.Invalid(errors);
    }

    private void Apply(Ritual ritual, RitualRequest request)
    {
        var template = request.Template?.Trim();
        ritual.Template = string.IsNullOrEmpty(template) ? null : template;
        ritual.Title = ritual.Template is null
            ? cipher.Seal(KeyOwner.Couple(ritual.CoupleId), request.Title!.Trim(), TitlePurpose, Row(ritual))
            : [];
        ritual.Days = request.Days!.Select(d => 1 << DayNames.ToList().IndexOf(d.Trim().ToLowerInvariant())).Aggregate(0, (a, b) => a | b);
        ritual.LocalTime = TimeOnly.ParseExact(request.Time!.Trim(), "HH:mm", CultureInfo.InvariantCulture);
        ritual.DurationMinutes = request.DurationMinutes!.Value;
    }

    private RitualView View(Ritual r) => new(r.Id, r.Template, TitleOf(r), [.. DaysOf(r.Days).Select(Name)],
        r.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture), r.DurationMinutes);

    private static string Name(DayOfWeek d) => DayNames[((int)d + 6) % 7];

    private Failure NotFound() => Failure.NotFound(text["error.notfound.title"], text["error.notfound"]);

    internal static string Row(Ritual r) => $"rituals/{r.CoupleId:N}/{r.Id:N}";

    internal static string Row(RitualReflection r) => $"ritual_reflections/{r.CoupleId:N}/{r.SessionId:N}/{r.AuthorId:N}";
}
