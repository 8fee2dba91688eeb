using Attune.Data;
using Attune.Encryption;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Exercises;

internal sealed record GazingRequest(int? Minutes);

internal sealed record GazingReflectionRequest(string? Text);

/// <summary>One of my lines after eye gazing, in my export.</summary>
internal sealed record ExportedGazingLine(DateTimeOffset GazedAt, int Minutes, string Text);

/// <summary>
/// A gazing time as the caller sees it. <c>PartnerReflection</c> stays null until both have written their line;
/// before that the caller learns only whether the partner has written one.
/// </summary>
internal sealed record GazingView(
    Guid Id, int Minutes, DateTimeOffset StartedAt, DateTimeOffset EndsAt, bool Ended,
    string? MyReflection, bool PartnerReflected, string? PartnerReflection);

/// <summary>Eye gazing: a few quiet minutes looking at each other, then one line each.</summary>
internal sealed class GazingService(AttuneDbContext db, Caller caller, FieldCipher cipher, TimeProvider time, IStringLocalizer<ExercisesText> t)
{
    public const int DefaultMinutes = 2;
    public const int MinMinutes = 1;
    public const int MaxMinutes = 4;
    public const int MaxReflectionLength = 200;
    public const string Purpose = "gazing-reflection";

    /// <summary>How long after its start a session is still offered on the gazing page (to come back and write a line).</summary>
    private static readonly TimeSpan Recent = TimeSpan.FromHours(12);

    public static string Row(GazingReflection r) => $"gazing_reflections/{r.CoupleId:N}/{r.SessionId:N}/{r.AuthorId:N}";

    public async Task<Outcome<GazingView>> StartAsync(GazingRequest request, CancellationToken ct)
    {
        var minutes = request.Minutes ?? DefaultMinutes;
        if (minutes is < MinMinutes or > MaxMinutes)
        {
            return Failure.Field("minutes", t["error.minutes", MinMinutes, MaxMinutes]);
        }

        var now = time.GetUtcNow();
        var session = new GazingSession
        {
            CoupleId = caller.Couple, Id = Guid.NewGuid(), StartedBy = caller.UserId, Minutes = minutes, StartedAt = now, EndsAt = now.AddMinutes(minutes),
        };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        return await GetAsync(session.Id, ct);
    }

    public async Task<Outcome<GazingView>> GetAsync(Guid id, CancellationToken ct)
    {
        var session = await db.Set<GazingSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return NotFound();
        }

        var reflections = await db.Set<GazingReflection>().AsNoTracking().Where(r => r.SessionId == id).ToListAsync(ct);
        var me = caller.UserId;
        var mine = reflections.FirstOrDefault(r => r.AuthorId == me);
        var theirs = reflections.FirstOrDefault(r => r.AuthorId != me);
        // The partner's line opens only once both have written: neither line steers the other.
        return new GazingView(
            session.Id, session.Minutes, session.StartedAt, session.EndsAt, time.GetUtcNow() >= session.EndsAt,
            mine is null ? null : Open(mine), theirs is not null, mine is not null && theirs is not null ? Open(theirs) : null);
    }

    /// <summary>The couple's newest session if it started recently (to come back to it), else null.</summary>
    public async Task<Guid?> RecentAsync(CancellationToken ct)
    {
        var since = time.GetUtcNow() - Recent;
        var recent = await db.Set<GazingSession>().AsNoTracking().Where(s => s.StartedAt >= since)
            .Select(s => new { s.Id, s.StartedAt }).ToListAsync(ct);
        return recent.OrderByDescending(s => s.StartedAt).Select(s => (Guid?)s.Id).FirstOrDefault();
    }

    /// <summary>The one rule for a reflection: 1 to <see cref="MaxReflectionLength"/> characters on one line.</summary>
    public Failure? ValidateReflection(string? value, out string trimmed)
    {
        trimmed = value?.Trim() ?? "";
        return OneLineText.Check(trimmed, MaxReflectionLength, "text", t, "error.reflection");
    }

    /// <summary>Writes (or rewrites) the caller's line once the gazing has ended.</summary>
    public async Task<Outcome<GazingView>> ReflectAsync(Guid id, string? value, CancellationToken ct)
    {
        var session = await db.Set<GazingSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
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
            return Failure.Conflict(t["error.early.title"], t["error.early.detail"]);
        }

        var me = caller.UserId;
        var reflection = await db.Set<GazingReflection>().FirstOrDefaultAsync(r => r.SessionId == id && r.AuthorId == me, ct);
        if (reflection is null)
        {
            reflection = new GazingReflection { CoupleId = session.CoupleId, SessionId = id, AuthorId = me, CreatedAt = now };
            db.Add(reflection);
        }

        reflection.Text = cipher.Seal(KeyOwner.Couple(session.CoupleId), trimmed, Purpose, Row(reflection));
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// My own lines for my export (never the partner's): read by author, outside the couple scope like the rest of the export.
    /// A couple's rows go when it ends, so every row found here is still under a live couple key.
    /// </summary>
    public static async Task<List<ExportedGazingLine>> ForExportAsync(AttuneDbContext db, FieldCipher cipher, Guid me, CancellationToken ct)
    {
        var rows = await db.Set<GazingReflection>().IgnoreQueryFilters().AsNoTracking().Where(r => r.AuthorId == me)
            .Join(db.Set<GazingSession>().IgnoreQueryFilters(), r => new { r.CoupleId, Id = r.SessionId }, s => new { s.CoupleId, s.Id }, (r, s) => new { r, s.Minutes, s.StartedAt })
            .ToListAsync(ct);
        return [.. rows.OrderBy(x => x.StartedAt).Select(x => new ExportedGazingLine(x.StartedAt, x.Minutes, cipher.Open(KeyOwner.Couple(x.r.CoupleId), x.r.Text, Purpose, Row(x.r))))];
    }

    private string Open(GazingReflection r) => cipher.Open(KeyOwner.Couple(r.CoupleId), r.Text, Purpose, Row(r));

    private Failure NotFound() => Failure.NotFound(t["error.notfound.title"], t["error.notfound.detail"]);
}
