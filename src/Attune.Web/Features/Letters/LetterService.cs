using Attune.Data;
using Attune.Encryption;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Letters;

internal sealed record LetterRequest(string? Text, DateTimeOffset? OpensAt);

/// <summary>Pressing open; <c>WriterPassword</c>: the writer, beside the recipient on the recipient's device, confirms it is them.</summary>
internal sealed record LetterOpenRequest(string? WriterPassword);

/// <summary>
/// A letter as the caller may see it. Until it opens the recipient gets only that it is waiting and
/// when it opens (<c>Text</c> and <c>CreatedAt</c> are null); the writer always reads their own.
/// </summary>
internal sealed record LetterView(
    Guid Id, bool FromMe, string? Text, DateTimeOffset? OpensAt, bool Together, bool Open, DateTimeOffset? OpenedAt,
    bool IPressed, bool PartnerPressed, DateTimeOffset? CreatedAt);

internal sealed class LetterService(
    AttuneDbContext db, Caller caller, FieldCipher cipher, TimeProvider time, UserManager<AttuneUser> users, IStringLocalizer<LettersText> t)
{
    public const int MaxTextLength = 10_000;
    public const string Purpose = "letter";
    private static readonly TimeSpan Furthest = TimeSpan.FromDays(5 * 366);

    public string ChooseTimeMessage => t["error.opensat.missing"];

    public static string Row(Letter l) => $"letters/{l.CoupleId:N}/{l.Id:N}";

    public async Task<Outcome<LetterView>> WriteAsync(LetterRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var text = request.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors["text"] = [t["error.text.empty"]];
        }
        else if (text.Length > MaxTextLength)
        {
            errors["text"] = [t["error.text.long", MaxTextLength]];
        }

        if (request.OpensAt is { } at && (at <= now || at > now + Furthest))
        {
            errors["opensAt"] = [t["error.opensat"]];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var letter = new Letter { CoupleId = caller.Couple, Id = Guid.NewGuid(), WriterId = caller.UserId, OpensAt = request.OpensAt?.ToUniversalTime(), CreatedAt = now };
        letter.Text = cipher.Seal(KeyOwner.User(caller.UserId), text, Purpose, Row(letter));
        db.Add(letter);
        await db.SaveChangesAsync(ct);
        return View(letter, now);
    }

    public async Task<List<LetterView>> ListAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await db.Set<Letter>().AsNoTracking().OrderByDescending(l => l.CreatedAt).ToListAsync(ct);
        return [.. rows.Select(l => View(l, now))];
    }

    public async Task<Outcome<LetterView>> GetAsync(Guid id, CancellationToken ct)
    {
        var letter = await db.Set<Letter>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        return letter is null ? NotFound() : View(letter, time.GetUtcNow());
    }

    /// <summary>
    /// Presses open. A timed letter opens once its time has come; a "together" letter records this
    /// partner's press and opens when the other pressed within a minute (on one device or two).
    /// </summary>
    public async Task<Outcome<LetterView>> OpenAsync(Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var letter = await db.Set<Letter>().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (letter is null)
        {
            return NotFound();
        }

        if (letter.OpensAt is { } at)
        {
            if (now < at)
            {
                return Failure.Conflict(t["error.notyet.title"], t["error.notyet.detail"]);
            }

            letter.OpenedAt ??= now;
            await db.SaveChangesAsync(ct);
            return View(letter, now);
        }

        if (letter.OpenedAt is null)
        {
            if (letter.WriterId == caller.UserId)
            {
                letter.WriterPressedAt = now;
            }
            else
            {
                letter.RecipientPressedAt = now;
            }

            await db.SaveChangesAsync(ct);
            // Read again after this press is saved: of two presses at the same moment, at least the later
            // commit sees both, and the update opens the letter once.
            var fresh = await db.Set<Letter>().AsNoTracking().FirstAsync(l => l.Id == id, ct);
            if (fresh.OpenedAt is null && LetterRules.BothPressed(fresh))
            {
                await db.Set<Letter>().Where(l => l.Id == id && l.OpenedAt == null).ExecuteUpdateAsync(s => s.SetProperty(l => l.OpenedAt, now), ct);
            }
        }

        return (await GetAsync(id, ct)).Value!;
    }

    /// <summary>
    /// "We're together on this phone": on the recipient's device, the writer types their own password and the
    /// letter opens for both at once. The password is only checked (never a sign-in, never a cookie for the
    /// writer); a wrong one counts towards the writer's lockout as at the sign-in, and a locked-out writer
    /// cannot confirm here either. The route and page are rate-limited like the sign-in.
    /// </summary>
    public async Task<Outcome<LetterView>> OpenHereAsync(Guid id, string? writerPassword, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var letter = await db.Set<Letter>().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (letter is null)
        {
            return NotFound();
        }

        if (letter.OpensAt is not null || letter.WriterId == caller.UserId)
        {
            return Failure.Conflict(t["error.here.title"], t["error.here.detail"]);
        }

        if (letter.OpenedAt is not null)
        {
            return View(letter, now);
        }

        var writer = await users.FindByIdAsync(letter.WriterId.ToString());
        if (writer is null || await users.IsLockedOutAsync(writer))
        {
            return Failure.Field("writerPassword", t["error.writerpassword.paused"]);
        }

        if (string.IsNullOrEmpty(writerPassword) || !await users.CheckPasswordAsync(writer, writerPassword))
        {
            if (!string.IsNullOrEmpty(writerPassword))
            {
                await users.AccessFailedAsync(writer);
            }

            return Failure.Field("writerPassword", t["error.writerpassword"]);
        }

        await users.ResetAccessFailedCountAsync(writer);
        letter.WriterPressedAt = now;
        letter.RecipientPressedAt = now;
        letter.OpenedAt = now;
        await db.SaveChangesAsync(ct);
        return View(letter, now);
    }

    /// <summary>Letters waiting for the caller (written by the partner, not yet opened), for the Today card.</summary>
    public async Task<List<LetterView>> WaitingForMeAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await db.Set<Letter>().AsNoTracking().Where(l => l.WriterId != caller.UserId && l.OpenedAt == null).ToListAsync(ct);
        return [.. rows.Select(l => View(l, now))];
    }

    private LetterView View(Letter l, DateTimeOffset now)
    {
        var fromMe = l.WriterId == caller.UserId;
        var open = LetterRules.IsOpen(l, now);
        var readable = fromMe || open;
        var (mine, theirs) = fromMe ? (l.WriterPressedAt, l.RecipientPressedAt) : (l.RecipientPressedAt, l.WriterPressedAt);
        return new LetterView(
            l.Id, fromMe, readable ? cipher.Open(KeyOwner.User(l.WriterId), l.Text, Purpose, Row(l)) : null,
            l.OpensAt, l.OpensAt is null, open, l.OpenedAt ?? (open ? l.OpensAt : null),
            !open && LetterRules.IsFresh(mine, now), !open && LetterRules.IsFresh(theirs, now), readable ? l.CreatedAt : null);
    }

    private Failure NotFound() => Failure.NotFound(t["error.notfound.title"], t["error.notfound.detail"]);
}
