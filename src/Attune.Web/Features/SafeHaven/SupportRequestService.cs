using Attune.Data;
using Attune.Encryption;
using Attune.Features.Accounts;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.SafeHaven;

internal sealed record SupportSignalRequest(string? Note, int? Intensity);

internal sealed record SupportResponseRequest(string? Kind, string? Text);

internal sealed record SupportResponseView(Guid Id, SupportResponseKind Kind, string? Text, DateTimeOffset CreatedAt, bool FromMe);

/// <summary>The caller's own open signal; <c>FollowUpDue</c> from the next calendar day in the caller's own time zone.</summary>
internal sealed record MySignalView(
    Guid Id, int Intensity, string? Note, DateTimeOffset CreatedAt, DateTimeOffset ClosesAt, bool FollowUpDue, IReadOnlyList<SupportResponseView> Responses);

/// <summary>The partner's open signal, with the support preferences they chose (shown only while it is open).</summary>
internal sealed record PartnerSignalView(
    Guid Id, string PartnerName, int Intensity, string? Note, DateTimeOffset CreatedAt, DateTimeOffset ClosesAt,
    IReadOnlyList<SupportWay> Ways, string? WhatHelps, IReadOnlyList<SupportResponseView> Responses);

internal sealed record ActiveSignalsView(MySignalView? Mine, PartnerSignalView? Partner);

/// <summary>
/// Hard-day signals. Open means: not closed by its author, and sent less than <see cref="OpenFor"/> ago. That
/// second half is computed on every read (no background job), so a signal closes by itself exactly on time,
/// whatever the clock. The note and the preferences reach the partner only while the signal is open.
/// </summary>
internal sealed class SupportRequestService(
    AttuneDbContext db, Caller caller, FieldCipher cipher, TimeProvider time, SupportPreferencesService preferences,
    IStringLocalizer<SafeHavenText> text)
{
    public static readonly TimeSpan OpenFor = TimeSpan.FromDays(3);
    public const int MaxNoteLength = 500;
    public const int MaxResponseLength = 500;
    public const int MaxResponses = 30;
    private const string NotePurpose = "hard-day-note";
    private const string ResponsePurpose = "hard-day-response";

    public async Task<Outcome<MySignalView>> SignalAsync(SupportSignalRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Intensity is not (>= 1 and <= 3))
        {
            errors["intensity"] = [text["error.intensity"]];
        }

        var note = request.Note?.Trim() ?? "";
        if (note.Length > MaxNoteLength)
        {
            errors["note"] = [text["error.note.long", MaxNoteLength]];
        }

        if (errors.Count > 0)
        {
            return new Failure(FailureKind.Invalid, text["error.title"], errors.Values.First()[0], errors);
        }

        var (me, coupleId, now) = (caller.UserId, caller.Couple, time.GetUtcNow());
        var cutoff = now - OpenFor;
        // Signals that ran out are closed for good first, so the one-open-signal index only sees live ones.
        await db.Set<SupportRequest>().Where(r => r.UserId == me && r.ClosedAt == null && r.CreatedAt <= cutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClosedAt, now), ct);
        if (await db.Set<SupportRequest>().AnyAsync(r => r.UserId == me && r.ClosedAt == null, ct))
        {
            return AlreadyOpen();
        }

        var signal = new SupportRequest { CoupleId = coupleId, Id = Guid.NewGuid(), UserId = me, Intensity = request.Intensity!.Value, CreatedAt = now };
        signal.Note = note.Length == 0 ? null : cipher.Seal(KeyOwner.User(me), note, NotePurpose, Row(signal));
        db.Add(signal);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index: another signal of the caller's was sent at the same instant.
            return AlreadyOpen();
        }

        return (await ActiveAsync(ct)).Mine!;
    }

    public async Task<ActiveSignalsView> ActiveAsync(CancellationToken ct)
    {
        var (me, now) = (caller.UserId, time.GetUtcNow());
        var cutoff = now - OpenFor;
        var open = await db.Set<SupportRequest>().AsNoTracking().Where(r => r.ClosedAt == null && r.CreatedAt > cutoff).ToListAsync(ct);
        var ids = open.Select(r => r.Id).ToList();
        var responses = ids.Count == 0 ? [] : await db.Set<SupportResponse>().AsNoTracking()
            .Where(r => ids.Contains(r.RequestId)).OrderBy(r => r.CreatedAt).ToListAsync(ct);

        MySignalView? mine = null;
        if (open.FirstOrDefault(r => r.UserId == me) is { } m)
        {
            var zone = TimeZones.Find(await db.Users.Where(u => u.Id == me).Select(u => u.TimeZone).FirstAsync(ct));
            var followUp = TimeZones.LocalDate(now, zone) > TimeZones.LocalDate(m.CreatedAt, zone);
            mine = new MySignalView(m.Id, m.Intensity, OpenNote(m), m.CreatedAt, m.CreatedAt + OpenFor, followUp, Responses(responses, m.Id));
        }

        PartnerSignalView? partner = null;
        if (open.FirstOrDefault(r => r.UserId != me) is { } p)
        {
            // The couple scope has shown this signal is the partner's and open: only now are their preferences read.
            var prefs = await preferences.ReadAsync(p.UserId, ct);
            var name = await db.Users.Where(u => u.Id == p.UserId).Select(u => u.DisplayName).FirstAsync(ct);
            partner = new PartnerSignalView(p.Id, name, p.Intensity, OpenNote(p), p.CreatedAt, p.CreatedAt + OpenFor,
                prefs?.Ways ?? [], prefs?.WhatHelps, Responses(responses, p.Id));
        }

        return new ActiveSignalsView(mine, partner);
    }

    public async Task<Outcome<SupportResponseView>> RespondAsync(Guid id, SupportResponseRequest request, CancellationToken ct)
    {
        if (!SupportNames.TryParse<SupportResponseKind>(request.Kind, out var kind))
        {
            return Invalid("kind", text["error.kind"]);
        }

        var message = request.Text?.Trim() ?? "";
        if (message.Length > MaxResponseLength)
        {
            return Invalid("text", text["error.response.long", MaxResponseLength]);
        }

        if (kind == SupportResponseKind.Message && message.Length == 0)
        {
            return Invalid("text", text["error.response.empty"]);
        }

        var (me, now) = (caller.UserId, time.GetUtcNow());
        var signal = await db.Set<SupportRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.UserId != me, ct);
        if (signal is null)
        {
            return Failure.NotFound(text["error.notfound.title"], text["error.notfound"]);
        }

        if (signal.ClosedAt is not null || signal.CreatedAt <= now - OpenFor)
        {
            return Failure.Conflict(text["error.closed.title"], text["error.closed"]);
        }

        if (await db.Set<SupportResponse>().CountAsync(r => r.RequestId == id, ct) >= MaxResponses)
        {
            return Failure.Conflict(text["error.toomany.title"], text["error.toomany"]);
        }

        var response = new SupportResponse { CoupleId = signal.CoupleId, Id = Guid.NewGuid(), RequestId = id, UserId = me, Kind = kind, CreatedAt = now };
        response.Text = message.Length == 0 ? null : cipher.Seal(KeyOwner.Couple(signal.CoupleId), message, ResponsePurpose, Row(response));
        db.Add(response);
        await db.SaveChangesAsync(ct);
        return View(response);
    }

    /// <summary>Closes the caller's own signal; closing one already closed changes nothing.</summary>
    public async Task<Outcome> CloseAsync(Guid id, CancellationToken ct)
    {
        var me = caller.UserId;
        var signal = await db.Set<SupportRequest>().FirstOrDefaultAsync(r => r.Id == id && r.UserId == me, ct);
        if (signal is null)
        {
            return Failure.NotFound(text["error.notfound.title"], text["error.notfound"]);
        }

        signal.ClosedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }


    /// <summary>The note, for a signal the couple scope returned as open: its author's key, opened for either partner only then.</summary>
    private string? OpenNote(SupportRequest r) => r.Note is null ? null : cipher.Open(KeyOwner.User(r.UserId), r.Note, NotePurpose, Row(r));

    private List<SupportResponseView> Responses(List<SupportResponse> all, Guid requestId) =>
        [.. all.Where(r => r.RequestId == requestId).Select(View)];

    private SupportResponseView View(SupportResponse r) => new(
        r.Id, r.Kind, r.Text is null ? null : cipher.Open(KeyOwner.Couple(r.CoupleId), r.Text, ResponsePurpose, Row(r)), r.CreatedAt, r.UserId == caller.UserId);

    private Failure AlreadyOpen() => Failure.Conflict(text["error.open.title"], text["error.open"]);

    private Failure Invalid(string field, string message) =>
        new(FailureKind.Invalid, text["error.title"], message, new Dictionary<string, string[]> { [field] = [message] });

    private static string Row(SupportRequest r) => $"support_requests/{r.CoupleId:N}/{r.Id:N}";

    private static string Row(SupportResponse r) => $"support_responses/{r.CoupleId:N}/{r.Id:N}";
}
