using Attune.Data;
using Attune.Encryption;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Listening;

internal sealed record ListeningStartRequest(string? Mode, string? FirstSpeaker);

internal sealed record ListeningReflectRequest(string? Text);

internal sealed record ListeningRateRequest(int? Rating);

internal sealed record ListeningAppreciateRequest(string? Text);

internal sealed record ListeningAppreciationView(string Name, string Text);

/// <summary>
/// A session as one partner sees it. Mode: one-phone or two-devices. Phase: speaking, reflecting, rating,
/// turn-done, ended. The Can… flags follow the turn rules for this caller; seconds are counted by the server.
/// </summary>
internal sealed record ListeningView(
    Guid Id, string Mode, string Phase, int Version, int Turn, string SpeakerName, string ListenerName, bool IAmSpeaker,
    int TurnSeconds, int TurnSecondsLeft, bool Paused, int PauseSecondsLeft, string? Reflection, int? LastRating,
    bool BothSpoke, bool CanEndTurn, bool CanReflect, bool CanRate, bool CanSwap, bool CanAppreciate, bool CanResume,
    string? NextAppreciator, List<ListeningAppreciationView> Appreciations, List<int> Ratings);

/// <summary>What the polling script reads: the current session (or none) and its version.</summary>
internal sealed record ListeningCurrent(Guid? Id, int Version, ListeningView? Session);

/// <summary>
/// The speaker–listener session and its turn rules. In two-devices mode the caller's identity decides who may
/// act (only the speaker ends a turn and rates; only the listener reflects). In one-phone mode both partners
/// share one signed-in phone, so either partner of the couple may take every step.
/// </summary>
internal sealed class ListeningService(AttuneDbContext db, Caller caller, FieldCipher cipher, TimeProvider time, IStringLocalizer<ListeningText> text)
{
    public const int TurnSeconds = 120;

    public const int PauseMinutes = 20;

    public const int MaxTextLength = 1000;

    public const string Purpose = "listening";

    public async Task<ListeningCurrent> CurrentAsync(CancellationToken ct)
    {
        var session = await db.Set<ListeningSession>().AsNoTracking().OrderByDescending(s => s.CreatedAt).FirstOrDefaultAsync(ct);
        return session is null ? new ListeningCurrent(null, 0, null) : new ListeningCurrent(session.Id, session.Version, await ViewAsync(session, ct));
    }

    public async Task<Outcome<ListeningView>> StartAsync(ListeningStartRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Mode is not ("one-phone" or "two-devices"))
        {
            errors["mode"] = [text["error.mode"]];
        }

        if (request.FirstSpeaker is not ("me" or "partner"))
        {
            errors["firstSpeaker"] = [text["error.firstSpeaker"]];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        if (await db.Set<ListeningSession>().AnyAsync(s => s.Phase != ListeningPhase.Ended, ct))
        {
            return Conflict("running");
        }

        var partner = await db.Users.Where(u => u.CoupleId == caller.Couple && u.Id != caller.UserId).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (partner is null)
        {
            return Conflict("alone");
        }

        var now = time.GetUtcNow();
        var speaker = request.FirstSpeaker == "me" ? caller.UserId : partner.Value;
        var session = new ListeningSession
        {
            CoupleId = caller.Couple, Id = Guid.NewGuid(), OnePhone = request.Mode == "one-phone", StartedBy = caller.UserId,
            FirstSpeakerId = speaker, SpeakerId = speaker, Phase = ListeningPhase.Speaking, Version = 1, CreatedAt = now, TurnStartedAt = now,
        };
        db.Add(session);
        db.Add(new ListeningTurn { CoupleId = session.CoupleId, Id = Guid.NewGuid(), SessionId = session.Id, Number = 1, SpeakerId = speaker, StartedAt = now });
        await db.SaveChangesAsync(ct);
        return await ViewAsync(session, ct);
    }

    public Task<Outcome<ListeningView>> EndTurnAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, ListeningPhase.Speaking, Role.Speaker, (s, _) => { s.Phase = ListeningPhase.Reflecting; return null; }, ct);

    public Task<Outcome<ListeningView>> ReflectAsync(Guid id, string? reflection, CancellationToken ct) =>
        ActAsync(id, ListeningPhase.Reflecting, Role.Listener, (s, turn) =>
        {
            var value = reflection?.Trim() ?? "";
            if (value.Length == 0 && !s.OnePhone)
            {
                return Failure.Field("text", text["error.reflection.empty"]);
            }

            if (value.Length > MaxTextLength)
            {
                return Failure.Field("text", text["error.long", MaxTextLength]);
            }

            turn.Reflection = value.Length == 0 ? null : Seal(s, $"turn/{turn.Number}/reflection", value);
            s.Phase = ListeningPhase.Rating;
            return null;
        }, ct);

    public Task<Outcome<ListeningView>> RateAsync(Guid id, int? rating, CancellationToken ct) =>
        ActAsync(id, ListeningPhase.Rating, Role.Speaker, (s, turn) =>
        {
            if (rating is not (>= 1 and <= 5))
            {
                return Failure.Field("rating", text["error.rating"]);
            }

            turn.FeltUnderstood = rating;
            s.Phase = ListeningPhase.TurnDone;
            return null;
        }, ct);

    /// <summary>
    /// Instead of rating, the speaker may clarify: the floor goes back to them for a fresh turn timer, and the
    /// listener reflects again (the new reflection replaces the first). Allowed whenever rating is (<c>CanRate</c>).
    /// </summary>
    public Task<Outcome<ListeningView>> ClarifyAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, ListeningPhase.Rating, Role.Speaker, (s, _) =>
        {
            s.Phase = ListeningPhase.Speaking;
            s.TurnStartedAt = time.GetUtcNow();
            return null;
        }, ct);

    public async Task<Outcome<ListeningView>> SwapAsync(Guid id, CancellationToken ct)
    {
        var ids = await db.Users.Where(u => u.CoupleId == caller.Couple).Select(u => u.Id).ToListAsync(ct);
        return await ActAsync(id, ListeningPhase.TurnDone, Role.Either, (s, turn) =>
        {
            var partner = ids.FirstOrDefault(i => i != s.SpeakerId);
            s.SpeakerId = partner;
            s.Phase = ListeningPhase.Speaking;
            s.TurnStartedAt = time.GetUtcNow();
            db.Add(new ListeningTurn { CoupleId = s.CoupleId, Id = Guid.NewGuid(), SessionId = s.Id, Number = turn.Number + 1, SpeakerId = partner, StartedAt = s.TurnStartedAt });
            return null;
        }, ct);
    }

    public Task<Outcome<ListeningView>> AppreciateAsync(Guid id, string? appreciation, CancellationToken ct) =>
        ActAsync(id, ListeningPhase.TurnDone, Role.Either, (s, turn) =>
        {
            if (turn.Number < 2)
            {
                return Conflict("notBoth");
            }

            var value = appreciation?.Trim() ?? "";
            if (value.Length == 0)
            {
                return Failure.Field("text", text["error.appreciation.empty"]);
            }

            if (value.Length > MaxTextLength)
            {
                return Failure.Field("text", text["error.long", MaxTextLength]);
            }

            // Two devices: each partner writes their own. One phone: the first speaker, then the other.
            var first = s.OnePhone ? s.FirstAppreciation is null : caller.UserId == s.FirstSpeakerId;
            if ((first ? s.FirstAppreciation : s.SecondAppreciation) is not null)
            {
                return Conflict("appreciated");
            }

            var sealedText = Seal(s, first ? "appreciation/first" : "appreciation/second", value);
            if (first)
            {
                s.FirstAppreciation = sealedText;
            }
            else
            {
                s.SecondAppreciation = sealedText;
            }

            if (s.FirstAppreciation is not null && s.SecondAppreciation is not null)
            {
                s.Phase = ListeningPhase.Ended;
                s.EndedAt = time.GetUtcNow();
            }

            return null;
        }, ct);

    /// <summary>Either partner may call a 20-minute calm-down break at any step of a running session.</summary>
    public Task<Outcome<ListeningView>> PauseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, null, Role.Either, (s, _) => { s.PausedUntil = time.GetUtcNow().AddMinutes(PauseMinutes); return null; }, ct);

    /// <summary>After the break has run its full 20 minutes, either partner brings the session back; the turn timer starts again.</summary>
    public async Task<Outcome<ListeningView>> ResumeAsync(Guid id, CancellationToken ct)
    {
        var session = await db.Set<ListeningSession>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return NotFound();
        }

        if (session.Phase == ListeningPhase.Ended || session.PausedUntil is null)
        {
            return Conflict("notPaused");
        }

        if (session.PausedUntil > time.GetUtcNow())
        {
            return Conflict("breakRunning");
        }

        session.PausedUntil = null;
        session.TurnStartedAt = time.GetUtcNow();
        session.Version++;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(session, ct);
    }

    /// <summary>Either partner may end a running session at any time, also during a break.</summary>
    public async Task<Outcome<ListeningView>> EndAsync(Guid id, CancellationToken ct)
    {
        var session = await db.Set<ListeningSession>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return NotFound();
        }

        if (session.Phase == ListeningPhase.Ended)
        {
            return Conflict("ended");
        }

        session.Phase = ListeningPhase.Ended;
        session.PausedUntil = null;
        session.EndedAt = time.GetUtcNow();
        session.Version++;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(session, ct);
    }

    private enum Role
    {
        Speaker,
        Listener,
        Either,
    }

    private async Task<Outcome<ListeningView>> ActAsync(
        Guid id, ListeningPhase? phase, Role role, Func<ListeningSession, ListeningTurn, Failure?> change, CancellationToken ct)
    {
        var session = await db.Set<ListeningSession>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return NotFound();
        }

        if (session.Phase == ListeningPhase.Ended)
        {
            return Conflict("ended");
        }

        if (session.PausedUntil is not null)
        {
            return Conflict("paused");
        }

        if (phase is { } expected && session.Phase != expected)
        {
            return Conflict("order");
        }

        if (!session.OnePhone && role == Role.Speaker && caller.UserId != session.SpeakerId)
        {
            return Conflict("speakerOnly");
        }

        if (!session.OnePhone && role == Role.Listener && caller.UserId == session.SpeakerId)
        {
            return Conflict("listenerOnly");
        }

        var turn = await db.Set<ListeningTurn>().Where(t => t.SessionId == id).OrderByDescending(t => t.Number).FirstAsync(ct);
        if (change(session, turn) is { } failure)
        {
            return failure;
        }

        session.Version++;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(session, ct);
    }

    private Failure Conflict(string key) => Failure.Conflict(text[$"error.{key}.title"], text[$"error.{key}.detail"]);

    private Outcome<ListeningView> NotFound() => Failure.NotFound(text["error.missing.title"], text["error.missing.detail"]);

    private byte[] Seal(ListeningSession s, string part, string value) => cipher.Seal(KeyOwner.Couple(s.CoupleId), value, Purpose, Row(s, part));

    private string? Open(ListeningSession s, string part, byte[]? value) =>
        value is null ? null : cipher.Open(KeyOwner.Couple(s.CoupleId), value, Purpose, Row(s, part));

    private static string Row(ListeningSession s, string part) => $"listening/{s.CoupleId:N}/{s.Id:N}/{part}";

    private async Task<ListeningView> ViewAsync(ListeningSession s, CancellationToken ct)
    {
        var names = await db.Users.Where(u => u.CoupleId == s.CoupleId).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var turns = await db.Set<ListeningTurn>().AsNoTracking().Where(t => t.SessionId == s.Id).OrderBy(t => t.Number).ToListAsync(ct);
        var turn = turns[^1];
        string Name(Guid id) => names.FirstOrDefault(n => n.Id == id)?.DisplayName ?? "";
        var listenerId = names.FirstOrDefault(n => n.Id != s.SpeakerId)?.Id ?? Guid.Empty;
        var secondId = names.FirstOrDefault(n => n.Id != s.FirstSpeakerId)?.Id ?? Guid.Empty;
        var now = time.GetUtcNow();
        var running = s.Phase != ListeningPhase.Ended;
        var paused = running && s.PausedUntil is not null;
        var free = running && !paused;
        var me = caller.UserId;
        var iSpeak = me == s.SpeakerId;
        var bothSpoke = turns.Count(t => t.FeltUnderstood is not null) >= 2;
        var meFirst = me == s.FirstSpeakerId;
        var myAppreciation = s.OnePhone ? null : meFirst ? s.FirstAppreciation : s.SecondAppreciation;
        string? nextAppreciator = s.Phase != ListeningPhase.TurnDone || !bothSpoke ? null
            : s.OnePhone ? (s.FirstAppreciation is null ? Name(s.FirstSpeakerId) : s.SecondAppreciation is null ? Name(secondId) : null)
            : myAppreciation is null ? Name(me) : null;
        var appreciations = new List<ListeningAppreciationView>();
        if (Open(s, "appreciation/first", s.FirstAppreciation) is { } firstText)
        {
            appreciations.Add(new(Name(s.FirstSpeakerId), firstText));
        }

        if (Open(s, "appreciation/second", s.SecondAppreciation) is { } secondText)
        {
            appreciations.Add(new(Name(secondId), secondText));
        }

        var turnLeft = (int)Math.Clamp(TurnSeconds - (now - s.TurnStartedAt).TotalSeconds, 0, TurnSeconds);
        var pauseLeft = paused ? (int)Math.Max(0, Math.Ceiling((s.PausedUntil!.Value - now).TotalSeconds)) : 0;
        return new ListeningView(
            s.Id, s.OnePhone ? "one-phone" : "two-devices", PhaseName(s.Phase), s.Version, turn.Number, Name(s.SpeakerId), Name(listenerId), iSpeak,
            TurnSeconds, turnLeft, paused, pauseLeft,
            s.Phase is ListeningPhase.Rating or ListeningPhase.TurnDone ? Open(s, $"turn/{turn.Number}/reflection", turn.Reflection) : null,
            turn.FeltUnderstood, bothSpoke,
            free && s.Phase == ListeningPhase.Speaking && (s.OnePhone || iSpeak),
            free && s.Phase == ListeningPhase.Reflecting && (s.OnePhone || !iSpeak),
            free && s.Phase == ListeningPhase.Rating && (s.OnePhone || iSpeak),
            free && s.Phase == ListeningPhase.TurnDone,
            free && nextAppreciator is not null,
            paused && pauseLeft == 0,
            nextAppreciator, appreciations,
            [.. turns.Where(t => t.FeltUnderstood is not null).Select(t => t.FeltUnderstood!.Value)]);
    }

    private static string PhaseName(ListeningPhase phase) => phase switch
    {
        ListeningPhase.Speaking => "speaking",
        ListeningPhase.Reflecting => "reflecting",
        ListeningPhase.Rating => "rating",
        ListeningPhase.TurnDone => "turn-done",
        _ => "ended",
    };
}
