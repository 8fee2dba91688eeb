using Attune.Data;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Couples;

internal sealed record InvitationResponse(string Code, string Url, DateTimeOffset ExpiresAt);

internal sealed record PartnerView(string DisplayName);

internal sealed record CoupleResponse(Guid Id, DateTimeOffset Since, string TimeZone, PartnerView Partner);

internal sealed record JoinRequest(string? Code);

internal sealed record CoupleUpdateRequest(string? TimeZone);

internal sealed record JoinResponse(Guid CoupleId, PartnerView Partner);

internal enum JoinFailure
{
    /// <summary>Unknown, used and expired codes answer alike, so codes cannot be probed.</summary>
    NotFound,
    OwnInvitation,
    AlreadyInCouple,
}

/// <summary>Invitations, joining and the couple itself; used by the API and the pages.</summary>
internal sealed class CoupleService(AttuneDbContext db, CurrentCouple current, TimeProvider time, Sessions.SessionCache sessions)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    /// <summary>A new single-use invitation; older unused ones of the same person stop working. Null when already paired.</summary>
    public async Task<InvitationResponse?> CreateInvitationAsync(Guid userId, Uri baseUrl, CancellationToken ct)
    {
        if (current.IsInCouple)
        {
            return null;
        }

        var now = time.GetUtcNow();
        await db.Invitations.Where(i => i.InviterId == userId && i.UsedAt == null).ExecuteDeleteAsync(ct);
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            Code = InvitationCode.New(),
            InviterId = userId,
            CreatedAt = now,
            ExpiresAt = now + InvitationLifetime,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return ToResponse(invitation.Code, invitation.ExpiresAt, baseUrl);
    }

    /// <summary>The person's open invitation, if any.</summary>
    public async Task<InvitationResponse?> GetOpenInvitationAsync(Guid userId, Uri baseUrl, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var open = await db.Invitations.AsNoTracking()
            .Where(i => i.InviterId == userId && i.UsedAt == null && i.ExpiresAt > now)
            .Select(i => new { i.Code, i.ExpiresAt })
            .FirstOrDefaultAsync(ct);
        return open is null || current.IsInCouple ? null : ToResponse(open.Code, open.ExpiresAt, baseUrl);
    }

    public async Task<(JoinResponse? Joined, JoinFailure? Failure)> JoinAsync(Guid userId, string? code, CancellationToken ct)
    {
        if (current.IsInCouple)
        {
            return (null, JoinFailure.AlreadyInCouple);
        }

        var normalized = InvitationCode.Normalize(code);
        if (normalized is null)
        {
            return (null, JoinFailure.NotFound);
        }

        var now = time.GetUtcNow();
        var invitation = await db.Invitations.AsNoTracking()
            .Where(i => i.Code == normalized && i.UsedAt == null && i.ExpiresAt > now)
            .Select(i => new { i.Id, i.InviterId })
            .FirstOrDefaultAsync(ct);
        if (invitation is null)
        {
            return (null, JoinFailure.NotFound);
        }

        if (invitation.InviterId == userId)
        {
            return (null, JoinFailure.OwnInvitation);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Claim the code atomically: of two people joining with it at once, exactly one wins.
        var claimed = await db.Invitations.Where(i => i.Id == invitation.Id && i.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now), ct);
        var inviter = await db.Users.AsNoTracking()
            .Where(u => u.Id == invitation.InviterId)
            .Select(u => new { u.DisplayName, u.TimeZone })
            .FirstOrDefaultAsync(ct);
        if (claimed != 1 || inviter is null)
        {
            return (null, JoinFailure.NotFound);
        }

        var couple = new Couple { Id = Guid.NewGuid(), Since = now, TimeZone = inviter.TimeZone };
        db.Couples.Add(couple);
        await db.SaveChangesAsync(ct);
        var linked = await db.Users
            .Where(u => (u.Id == userId || u.Id == invitation.InviterId) && u.CoupleId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CoupleId, couple.Id).SetProperty(u => u.CoupleEndedAt, (DateTimeOffset?)null), ct);
        if (linked != 2)
        {
            // One of the two paired with someone else in the meantime: the invitation no longer stands.
            await transaction.RollbackAsync(ct);
            return (null, JoinFailure.NotFound);
        }

        await transaction.CommitAsync(ct);
        current.Set(userId, couple.Id);
        // Both people's sessions carry their couple; check them again on the next request.
        sessions.Forget(userId, invitation.InviterId);
        return (new JoinResponse(couple.Id, new PartnerView(inviter.DisplayName)), null);
    }

    /// <summary>The caller's couple with the partner's public name; null when single.</summary>
    public async Task<CoupleResponse?> GetAsync(CancellationToken ct)
    {
        if (current.UserId is not { } me)
        {
            return null;
        }

        // The query filter scopes Couples to the caller's own couple.
        return await db.Couples.AsNoTracking()
            .Select(c => new CoupleResponse(
                c.Id,
                c.Since,
                c.TimeZone,
                new PartnerView(db.Users.Where(u => u.CoupleId == c.Id && u.Id != me).Select(u => u.DisplayName).First())))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Changes the zone the couple's day runs in; either partner may. Null when single.</summary>
    public async Task<CoupleResponse?> SetTimeZoneAsync(string timeZone, CancellationToken ct)
    {
        // The query filter limits the update to the caller's own couple.
        return await db.Couples.ExecuteUpdateAsync(s => s.SetProperty(c => c.TimeZone, timeZone), ct) == 1
            ? await GetAsync(ct)
            : null;
    }

    private static InvitationResponse ToResponse(string code, DateTimeOffset expiresAt, Uri baseUrl)
    {
        var formatted = InvitationCode.Format(code);
        return new InvitationResponse(formatted, new Uri(baseUrl, $"join/{formatted}").ToString(), expiresAt);
    }
}
