using Attune.Data;
using Attune.Encryption;
using Attune.Features.Accounts;
using Attune.Features.Audit;
using Attune.Features.Questions;
using Attune.Features.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Leaving;

/// <summary>
/// Safe exit. Leaving a couple needs no reason: the leaver's words leave with them, the partner keeps
/// their own and learns only that the couple ended. Deleting the account also destroys the person's
/// data key, so their words cannot be read from an older database backup either.
/// </summary>
internal sealed class LeavingService(
    AttuneDbContext db, CurrentCouple current, UserManager<AttuneUser> users, PasswordCheck passwords, FieldCipher cipher, SessionService sessions, SessionCache sessionCache, AuditLog audit, TimeProvider time)
{
    /// <summary>False when the caller is not in a couple.</summary>
    public async Task<bool> LeaveCoupleAsync(CancellationToken ct)
    {
        if (current.CoupleId is not { } coupleId || current.UserId is not { } me)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The couple filter scopes these deletes to the couple being left.
        await db.Set<Answer>().Where(a => a.UserId == me).ExecuteDeleteAsync(ct);
        await db.Set<Reaction>().Where(r => r.UserId == me).ExecuteDeleteAsync(ct);
        await db.Set<CustomQuestion>().Where(q => q.AuthorId == me).ExecuteDeleteAsync(ct);
        var now = time.GetUtcNow();
        var partners = await db.Users.Where(u => u.CoupleId == coupleId && u.Id != me).Select(u => u.Id).ToListAsync(ct);
        await db.Users.Where(u => u.CoupleId == coupleId && u.Id != me)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CoupleId, (Guid?)null).SetProperty(u => u.CoupleEndedAt, now).SetProperty(u => u.MaxQuestionDepth, 1), ct);
        await db.Users.Where(u => u.Id == me)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CoupleId, (Guid?)null).SetProperty(u => u.CoupleEndedAt, (DateTimeOffset?)null).SetProperty(u => u.MaxQuestionDepth, 1), ct);
        await transaction.CommitAsync(ct);
        current.Set(me, null);
        sessionCache.Forget([me, .. partners]);
        // Someone else signed in to this account on another device is out too: leaving is meant to be safe.
        await sessions.RevokeOthersAsync(me, current.SessionId, ct);
        await audit.RecordAsync(AuditKind.LeftCouple, me);
        return true;
    }

    /// <summary>Deletes the account and everything it wrote, and destroys its data key, once the password confirms it (Confirmed).</summary>
    public async Task<Confirmation> DeleteAccountAsync(string? password, CancellationToken ct)
    {
        var me = current.UserId!.Value;
        if (await passwords.ConfirmAsync(me, password) is var confirmed and not Confirmation.Confirmed)
        {
            return confirmed;
        }

        await LeaveCoupleAsync(ct);
        // Words written in earlier couples are deleted too: like the export, this reads by author across couples.
        await db.Set<Answer>().IgnoreQueryFilters().Where(a => a.UserId == me).ExecuteDeleteAsync(ct);
        await db.Set<Reaction>().IgnoreQueryFilters().Where(r => r.UserId == me).ExecuteDeleteAsync(ct);
        await db.Set<CustomQuestion>().IgnoreQueryFilters().Where(q => q.AuthorId == me).ExecuteDeleteAsync(ct);
        await db.Invitations.Where(i => i.InviterId == me).ExecuteDeleteAsync(ct);
        var user = await users.FindByIdAsync(me.ToString());
        if (user is not null)
        {
            await users.DeleteAsync(user);
        }

        cipher.Shred(KeyOwner.User(me));
        sessionCache.Forget(me);
        current.Clear();
        await audit.RecordAsync(AuditKind.AccountDeleted, me);
        return Confirmation.Confirmed;
    }
}
