using Attune.Data;
using Attune.Encryption;
using Attune.Features.Couples;
using Attune.Features.Questions;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Appreciation;

internal sealed record AppreciationRequest(string? Text);

internal sealed record FavouriteRequest(bool? Favourite);

internal sealed record AppreciationView(Guid Id, string Text, DateTimeOffset CreatedAt, bool FromMe, bool Favourite);

/// <summary>
/// A page of the jar, newest first; <c>NextBefore</c> (an id) asks for the next page. <c>SharedThisWeek</c>
/// counts both partners' appreciations since Monday in the couple's time zone: one couple figure, never split.
/// </summary>
internal sealed record AppreciationList(IReadOnlyList<AppreciationView> Items, Guid? NextBefore, int SharedThisWeek);

internal sealed record NudgeResponse(bool Specific, IReadOnlyList<NudgePart> Missing, string Hint);

/// <summary>
/// Appreciations between partners. The text is sealed under the couple's key the moment it is sent; there are
/// no drafts on the server (an unsent text lives only in the form, and the nudge reads it without storing it).
/// Other features add to the jar through <see cref="AddAsync"/> (e.g. appreciations written in a check-in).
/// </summary>
internal sealed class AppreciationService(
    AttuneDbContext db, Caller caller, FieldCipher cipher, TimeProvider time, IStringLocalizer<AppreciationText> text)
{
    public const int MaxLength = 1000;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxPinned = 50;
    public const string Purpose = "appreciation";

    /// <summary>The one rule for an appreciation's text: 1 to <see cref="MaxLength"/> characters after trimming.</summary>
    public Failure? Validate(string? value, out string trimmed)
    {
        trimmed = value?.Trim() ?? "";
        return trimmed.Length switch
        {
            0 => Invalid("text", text["error.text.empty"]),
            > MaxLength => Invalid("text", text["error.text.long", MaxLength]),
            _ => null,
        };
    }

    /// <summary>
    /// Sends an appreciation from the caller to their partner: the entry point for any feature that adds to the
    /// jar (the caller must be in a couple). Validated like the form; sealed under the couple's key.
    /// </summary>
    public async Task<Outcome<AppreciationView>> AddAsync(string? value, CancellationToken ct)
    {
        if (Validate(value, out var trimmed) is { } failure)
        {
            return failure;
        }

        var coupleId = caller.Couple;
        // Strictly later than the couple's latest, so paging by time never meets a tie.
        var latest = await db.Set<AppreciationNote>().MaxAsync(a => (DateTimeOffset?)a.CreatedAt, ct);
        var now = time.GetUtcNow();
        var note = new AppreciationNote
        {
            CoupleId = coupleId,
            Id = Guid.NewGuid(),
            AuthorId = caller.UserId,
            CreatedAt = latest >= now ? latest.Value.AddMilliseconds(1) : now,
        };
        note.Text = cipher.Seal(KeyOwner.Couple(coupleId), trimmed, Purpose, Row(note));
        db.Add(note);
        await db.SaveChangesAsync(ct);
        return View(note);
    }

    /// <summary>
    /// Puts appreciations another feature has already checked (the weekly check-in's, at its reveal) into the jar,
    /// from <paramref name="authorId"/> to their partner, in the caller's unit of work: the caller saves them together
    /// with its own change. Texts over the jar's limit are cut, empty ones skipped.
    /// </summary>
    public async Task StageAsync(Guid authorId, IEnumerable<string> texts, CancellationToken ct)
    {
        var coupleId = caller.Couple;
        var latest = await db.Set<AppreciationNote>().MaxAsync(a => (DateTimeOffset?)a.CreatedAt, ct);
        var staged = db.ChangeTracker.Entries<AppreciationNote>().Select(e => (DateTimeOffset?)e.Entity.CreatedAt).Max();
        var at = new[] { latest, staged }.Max() is { } last && last >= time.GetUtcNow() ? last : time.GetUtcNow().AddMilliseconds(-1);
        foreach (var value in texts.Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            at = at.AddMilliseconds(1);
            var note = new AppreciationNote { CoupleId = coupleId, Id = Guid.NewGuid(), AuthorId = authorId, CreatedAt = at };
            note.Text = cipher.Seal(KeyOwner.Couple(coupleId), value.Length > MaxLength ? value[..MaxLength] : value, Purpose, Row(note));
            db.Add(note);
        }
    }

    public async Task<Outcome<AppreciationList>> ListAsync(string? direction, int? limit, Guid? before, CancellationToken ct)
    {
        bool? fromMe = direction switch
        {
            null or "" => null,
            "sent" => true,
            "received" => false,
            _ => null,
        };
        if (fromMe is null && !string.IsNullOrEmpty(direction))
        {
            return Invalid("direction", text["error.direction"]);
        }

        if (limit is < 1 or > MaxLimit)
        {
            return Invalid("limit", text["error.limit", MaxLimit]);
        }

        var me = caller.UserId;
        var query = db.Set<AppreciationNote>().AsNoTracking();
        if (fromMe is { } sent)
        {
            query = sent ? query.Where(a => a.AuthorId == me) : query.Where(a => a.AuthorId != me);
        }

        if (before is { } id)
        {
            var cursor = await db.Set<AppreciationNote>().Where(a => a.Id == id).Select(a => (DateTimeOffset?)a.CreatedAt).FirstOrDefaultAsync(ct);
            if (cursor is not { } at)
            {
                return Invalid("before", text["error.before"]);
            }

            query = query.Where(a => a.CreatedAt < at);
        }

        var take = limit ?? DefaultLimit;
        var rows = await query.OrderByDescending(a => a.CreatedAt).Take(take + 1).ToListAsync(ct);
        var items = rows.Take(take).Select(View).ToList();
        return new AppreciationList(items, rows.Count > take ? items[^1].Id : null, await SharedThisWeekAsync(ct));
    }

    /// <summary>The caller's own pinned appreciations (either direction), newest first.</summary>
    public async Task<IReadOnlyList<AppreciationView>> PinnedAsync(CancellationToken ct)
    {
        var me = caller.UserId;
        var rows = await db.Set<AppreciationNote>().AsNoTracking()
            .Where(a => a.AuthorId == me ? a.FavouriteOfAuthor : a.FavouriteOfRecipient)
            .OrderByDescending(a => a.CreatedAt).Take(MaxPinned).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    /// <summary>Pins or unpins an appreciation for the caller only; the partner's pins are their own.</summary>
    public async Task<Outcome<AppreciationView>> SetFavouriteAsync(Guid id, bool? favourite, CancellationToken ct)
    {
        if (favourite is not { } value)
        {
            return Invalid("favourite", text["error.favourite"]);
        }

        var note = await db.Set<AppreciationNote>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (note is null)
        {
            return Failure.NotFound(text["error.notfound.title"], text["error.notfound"]);
        }

        if (note.AuthorId == caller.UserId)
        {
            note.FavouriteOfAuthor = value;
        }
        else
        {
            note.FavouriteOfRecipient = value;
        }

        await db.SaveChangesAsync(ct);
        return View(note);
    }

    /// <summary>Appreciations from the partner the caller has not put in the jar yet, newest first (Today's card).</summary>
    public async Task<IReadOnlyList<AppreciationView>> NewForMeAsync(CancellationToken ct)
    {
        var me = caller.UserId;
        var rows = await db.Set<AppreciationNote>().AsNoTracking().Where(a => a.AuthorId != me && a.ReadAt == null)
            .OrderByDescending(a => a.CreatedAt).Take(MaxLimit).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    /// <summary>Puts every new appreciation from the partner in the jar (they leave Today).</summary>
    public async Task MarkReadAsync(CancellationToken ct)
    {
        var me = caller.UserId;
        var now = time.GetUtcNow();
        await db.Set<AppreciationNote>().Where(a => a.AuthorId != me && a.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReadAt, now), ct);
    }

    /// <summary>Both partners' appreciations since Monday 00:00 in the couple's time zone.</summary>
    public async Task<int> SharedThisWeekAsync(CancellationToken ct)
    {
        var zone = await db.Set<Couple>().Select(c => c.TimeZone).FirstOrDefaultAsync(ct) ?? "Etc/UTC";
        var today = CoupleDay.Today(time, zone);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var tz = Accounts.TimeZones.Find(zone);
        var local = monday.ToDateTime(TimeOnly.MinValue);
        var start = new DateTimeOffset(local, tz.GetUtcOffset(local)).ToUniversalTime();
        return await db.Set<AppreciationNote>().CountAsync(a => a.CreatedAt >= start, ct);
    }

    /// <summary>The nudge for a text not yet sent: nothing is stored, nothing reaches the partner.</summary>
    public Outcome<NudgeResponse> Nudge(string? value)
    {
        if (Validate(value, out var trimmed) is { } failure)
        {
            return failure;
        }

        var verdict = SpecificityNudge.Check(trimmed);
        return new NudgeResponse(verdict.Specific, verdict.Missing, text[SpecificityNudge.HintKey(verdict)]);
    }

    private AppreciationView View(AppreciationNote a) => new(
        a.Id,
        cipher.Open(KeyOwner.Couple(a.CoupleId), a.Text, Purpose, Row(a)),
        a.CreatedAt,
        a.AuthorId == caller.UserId,
        a.AuthorId == caller.UserId ? a.FavouriteOfAuthor : a.FavouriteOfRecipient);

    private Failure Invalid(string field, string message) =>
        new(FailureKind.Invalid, text["error.title"], message, new Dictionary<string, string[]> { [field] = [message] });

    internal static string Row(AppreciationNote a) => $"appreciations/{a.CoupleId:N}/{a.Id:N}";
}
