using Attune.Data;
using Attune.Features.Accounts;
using Attune.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Sessions;

/// <summary>
/// What one signed-in device has proved about the person holding it: when it last showed the password
/// (or signed in), and how many wrong passwords it has entered in a row. The account's lockout guards
/// the sign-in against strangers; this guards each session on its own, so a stranger's guesses never
/// block the owner's session, and a session's own guesses are limited like a sign-in's.
/// </summary>
internal sealed class SessionProofs(AttuneDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>When the session last proved who holds it; null when it is gone.</summary>
    public Task<DateTimeOffset?> VerifiedAtAsync(Guid userId, Guid sessionId) =>
        db.Set<SignInSession>().AsNoTracking().Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => (DateTimeOffset?)s.VerifiedAt).FirstOrDefaultAsync();

    /// <summary>True while this device may not try a password, after too many wrong ones.</summary>
    public async Task<bool> IsPausedAsync(Guid userId, Guid sessionId)
    {
        var until = await db.Set<SignInSession>().AsNoTracking().Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => s.PasswordPausedUntil).FirstOrDefaultAsync();
        return until > time.GetUtcNow();
    }

    /// <summary>The right password, or a new sign-in on this device: it counts as recent, and its wrong guesses are forgiven.</summary>
    public Task ProvedAsync(Guid sessionId)
    {
        var now = time.GetUtcNow();
        return db.Set<SignInSession>().Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.VerifiedAt, now)
            .SetProperty(x => x.PasswordFailures, 0)
            .SetProperty(x => x.PasswordPausedUntil, (DateTimeOffset?)null));
    }

    /// <summary>Counts a wrong password; the last one allowed pauses this device's password checks. True when it did.</summary>
    public async Task<bool> FailedAsync(Guid userId, Guid sessionId)
    {
        await db.Set<SignInSession>().Where(s => s.Id == sessionId && s.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PasswordFailures, x => x.PasswordFailures + 1));
        var until = time.GetUtcNow().AddMinutes(PasswordRules.LockoutMinutes);
        var paused = await db.Set<SignInSession>().Where(s => s.Id == sessionId && s.PasswordFailures >= PasswordRules.LockoutAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PasswordFailures, 0).SetProperty(x => x.PasswordPausedUntil, (DateTimeOffset?)until));
        if (paused > 0)
        {
            await audit.RecordAsync(AuditKind.PasswordPausedOnDevice, userId);
        }

        return paused > 0;
    }
}
