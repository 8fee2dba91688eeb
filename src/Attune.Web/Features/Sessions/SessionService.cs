using Attune.Data;
using Attune.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Sessions;

internal sealed record SessionView(Guid Id, SessionKind Kind, string Device, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool Current);

/// <summary>Starting, listing and revoking one's own sign-in sessions.</summary>
internal sealed class SessionService(AttuneDbContext db, SessionCache cache, AuditLog audit, TimeProvider time)
{
    public async Task<Guid> StartAsync(Guid userId, SessionKind kind, string? userAgent)
    {
        var now = time.GetUtcNow();
        var session = new SignInSession
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Kind = kind,
            Device = DeviceLabel.From(userAgent),
            CreatedAt = now,
            LastSeenAt = now,
            VerifiedAt = now,
        };
        db.Add(session);
        await db.SaveChangesAsync();
        db.Entry(session).State = EntityState.Detached;
        return session.Id;
    }

    /// <summary>Most recently used first; the caller's own session is marked.</summary>
    public async Task<List<SessionView>> ListAsync(Caller caller, CancellationToken ct)
    {
        var sessions = await db.Set<SignInSession>().AsNoTracking().Where(s => s.UserId == caller.UserId)
            .Select(s => new SessionView(s.Id, s.Kind, s.Device, s.CreatedAt, s.LastSeenAt, s.Id == caller.SessionId))
            .ToListAsync(ct);
        return [.. sessions.OrderByDescending(s => s.Current).ThenByDescending(s => s.LastSeenAt)];
    }

    /// <summary>Signs one of my devices out at once. False when it is not mine or already gone.</summary>
    public async Task<bool> RevokeAsync(Caller caller, Guid sessionId, CancellationToken ct)
    {
        var userId = caller.UserId;
        var removed = await db.Set<SignInSession>().Where(s => s.Id == sessionId && s.UserId == userId).ExecuteDeleteAsync(ct);
        cache.Forget(userId);
        if (removed > 0)
        {
            await audit.RecordAsync(AuditKind.SessionRevoked, userId);
        }

        return removed > 0;
    }

    /// <summary>Signs out every device but the caller's own (after a password change, leaving a couple, or on request).</summary>
    public async Task<int> RevokeOthersAsync(Caller caller, CancellationToken ct)
    {
        var (userId, keep) = (caller.UserId, caller.SessionId);
        var removed = await db.Set<SignInSession>().Where(s => s.UserId == userId && s.Id != keep).ExecuteDeleteAsync(ct);
        cache.Forget(userId);
        if (removed > 0)
        {
            await audit.RecordAsync(AuditKind.OtherSessionsRevoked, userId);
        }

        return removed;
    }
}
