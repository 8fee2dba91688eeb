using Attune.Data;
using Attune.Encryption;
using Attune.Features.Questions;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Leaving;

/// <summary>
/// A couple's data key lives only as long as the couple: when one partner leaves (or deletes the account)
/// it is destroyed, so a database backup plus the key folder cannot read what was sealed under it. What
/// the remaining partner wrote under it (their custom questions, which they keep) is first re-sealed
/// under their own key. These read an ended couple's rows by its id, outside the caller's couple scope
/// (the couple may be one the person left long ago); both steps are safe to repeat.
/// </summary>
internal static class CoupleKeys
{
    /// <summary>
    /// Re-seals, under each author's own key, the couple's custom questions that someone other than
    /// <paramref name="leaverId"/> wrote and that are still under the couple's key. Tracked; the caller saves.
    /// </summary>
    public static async Task HandOverAsync(AttuneDbContext db, FieldCipher cipher, Guid coupleId, Guid leaverId, CancellationToken ct)
    {
        var kept = await db.Set<CustomQuestion>().IgnoreQueryFilters()
            .Where(q => q.CoupleId == coupleId && q.AuthorId != leaverId).ToListAsync(ct);
        foreach (var question in kept)
        {
            CustomQuestionText.MoveToAuthor(cipher, question);
        }
    }

    public static void Destroy(FieldCipher cipher, Guid coupleId) => cipher.Shred(KeyOwner.Couple(coupleId));

    /// <summary>Hands over and saves, then destroys the key: the order in which nothing the partner keeps is lost.</summary>
    public static async Task EndAsync(AttuneDbContext db, FieldCipher cipher, Guid coupleId, Guid leaverId, CancellationToken ct)
    {
        await HandOverAsync(db, cipher, coupleId, leaverId, ct);
        await db.SaveChangesAsync(ct);
        Destroy(cipher, coupleId);
    }

    /// <summary>
    /// Every couple the person was part of, as far as anything of theirs is left in it: the current one and
    /// earlier ones they answered or added questions in. (A couple never outlives either partner's leaving:
    /// joining again makes a new couple.)
    /// </summary>
    public static async Task<List<Guid>> CouplesOfAsync(AttuneDbContext db, Guid userId, Guid? currentCoupleId, CancellationToken ct)
    {
        var answered = await db.Set<Answer>().IgnoreQueryFilters().Where(a => a.UserId == userId).Select(a => a.CoupleId).Distinct().ToListAsync(ct);
        var asked = await db.Set<CustomQuestion>().IgnoreQueryFilters().Where(q => q.AuthorId == userId).Select(q => q.CoupleId).Distinct().ToListAsync(ct);
        return [.. answered.Concat(asked).Concat(currentCoupleId is { } current ? [current] : []).Distinct()];
    }
}
