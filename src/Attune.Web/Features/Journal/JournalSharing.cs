using Attune.Data;
using Attune.Encryption;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Journal;

/// <summary>A shared copy as both partners see it; <c>Mine</c> says whether the caller shared it.</summary>
internal sealed record SharedEntryView(Guid Id, string Text, IReadOnlyList<string> Feelings, int Intensity, DateTimeOffset WrittenAt, DateTimeOffset SharedAt, bool Mine);

/// <summary>
/// Copies of journal entries that their author chose to show their partner: sealed under the couple's
/// key, in the couple's scope. The original is never read here except by its author, to make the copy.
/// </summary>
internal sealed class JournalSharing(AttuneDbContext db, Caller caller, FieldCipher cipher, JournalService journal, TimeProvider time, IStringLocalizer<JournalText> t)
{
    public const string TextPurpose = "journal-share";
    public const string FeelingsPurpose = "journal-share-feelings";

    public static string Row(Guid coupleId, Guid entryId) => $"journal_shares/{coupleId:N}/{entryId:N}";

    /// <summary>Shares a copy of the caller's entry as it is now; sharing again replaces the copy.</summary>
    public async Task<Outcome<JournalEntryView>> ShareAsync(Guid id, CancellationToken ct)
    {
        var original = await journal.GetAsync(id, ct);
        if (original.Value is not { } entry)
        {
            return original;
        }

        var coupleId = caller.Couple;
        var copy = await db.Set<JournalShare>().FirstOrDefaultAsync(s => s.EntryId == id && s.AuthorId == caller.UserId, ct);
        if (copy is null)
        {
            copy = new JournalShare { CoupleId = coupleId, EntryId = id, AuthorId = caller.UserId };
            db.Add(copy);
        }

        var row = Row(coupleId, id);
        copy.Text = cipher.Seal(KeyOwner.Couple(coupleId), entry.Text, TextPurpose, row);
        copy.Feelings = cipher.Seal(KeyOwner.Couple(coupleId), string.Join(',', entry.Feelings), FeelingsPurpose, row);
        copy.Intensity = entry.Intensity;
        copy.WrittenAt = entry.CreatedAt;
        copy.SharedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return entry with { SharedAt = copy.SharedAt };
    }

    /// <summary>Deletes the shared copy; the original stays. Not found when the caller shared no copy of it.</summary>
    public async Task<Outcome> WithdrawAsync(Guid id, CancellationToken ct) =>
        await db.Set<JournalShare>().Where(s => s.EntryId == id && s.AuthorId == caller.UserId).ExecuteDeleteAsync(ct) == 1
            ? Outcome.Done
            : Failure.NotFound(t["error.share.notfound.title"], t["error.share.notfound.detail"]);

    /// <summary>Every copy either partner shared in this couple, newest first.</summary>
    public async Task<List<SharedEntryView>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Set<JournalShare>().AsNoTracking().OrderByDescending(s => s.SharedAt).ToListAsync(ct);
        return [.. rows.Select(s =>
        {
            var row = Row(s.CoupleId, s.EntryId);
            var feelings = cipher.Open(KeyOwner.Couple(s.CoupleId), s.Feelings, FeelingsPurpose, row);
            return new SharedEntryView(
                s.EntryId, cipher.Open(KeyOwner.Couple(s.CoupleId), s.Text, TextPurpose, row),
                feelings.Length == 0 ? [] : feelings.Split(','), s.Intensity, s.WrittenAt, s.SharedAt, s.AuthorId == caller.UserId);
        })];
    }
}
