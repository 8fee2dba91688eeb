using Attune.Data;
using Attune.Encryption;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Couples;

internal sealed record InvitationResponse(string Code, string Url, DateTimeOffset ExpiresAt);

internal sealed record PartnerView(string DisplayName);

internal sealed record CoupleResponse(Guid Id, DateTimeOffset Since, string TimeZone, PartnerView Partner);

internal sealed record JoinRequest(string? Code);

internal sealed record CoupleUpdateRequest(string? TimeZone);

internal sealed record JoinResponse(Guid CoupleId, PartnerView Partner);

/// <summary>Invitations, joining and the couple itself; used by the API and the pages.</summary>
internal sealed class CoupleService(AttuneDbContext db, Caller caller, CoupleChanges changes, TimeProvider time, Sessions.SessionCache sessions, KeyVault vault, IStringLocalizer<CouplesText> t)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    /// <summary>The couple resource does not exist for a single person: 404, unlike routes that need a couple (409).</summary>
    public Failure NoCouple => Failure.NotFound(t["problem.nocouple.title"], t["problem.nocouple.detail"]);

    public Failure AlreadyInCouple => Failure.Conflict(t["problem.already.title"], t["problem.already.detail"]);

    /// <summary>Unknown, used and expired codes answer alike, so codes cannot be probed.</summary>
    public Failure UnknownInvitation => Failure.NotFound(t["problem.invitation.title"], t["problem.invitation.detail"]);

    /// <summary>A new single-use invitation; older unused ones of the same person stop working.</summary>
    public async Task<Outcome<InvitationResponse>> CreateInvitationAsync(Uri baseUrl, CancellationToken ct)
    {
        if (caller.IsInCouple)
        {
            return AlreadyInCouple;
        }

        var userId = caller.UserId;
        var now = time.GetUtcNow();
        await db.Set<Invitation>().Where(i => i.InviterId == userId && i.UsedAt == null).ExecuteDeleteAsync(ct);
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            Code = InvitationCode.New(),
            InviterId = userId,
            CreatedAt = now,
            ExpiresAt = now + InvitationLifetime,
        };
        db.Set<Invitation>().Add(invitation);
        await db.SaveChangesAsync(ct);
        return ToResponse(invitation.Code, invitation.ExpiresAt, baseUrl);
    }

    /// <summary>The person's open invitation, if any.</summary>
    public async Task<InvitationResponse?> GetOpenInvitationAsync(Uri baseUrl, CancellationToken ct)
    {
        var (userId, now) = (caller.UserId, time.GetUtcNow());
        var open = await db.Set<Invitation>().AsNoTracking()
            .Where(i => i.InviterId == userId && i.UsedAt == null && i.ExpiresAt > now)
            .Select(i => new { i.Code, i.ExpiresAt })
            .FirstOrDefaultAsync(ct);
        return open is null || caller.IsInCouple ? null : ToResponse(open.Code, open.ExpiresAt, baseUrl);
    }

    public async Task<Outcome<JoinResponse>> JoinAsync(string? code, CancellationToken ct)
    {
        if (caller.IsInCouple)
        {
            return AlreadyInCouple;
        }

        var userId = caller.UserId;
        var normalized = InvitationCode.Normalize(code);
        if (normalized is null)
        {
            return UnknownInvitation;
        }

        var now = time.GetUtcNow();
        var invitation = await db.Set<Invitation>().AsNoTracking()
            .Where(i => i.Code == normalized && i.UsedAt == null && i.ExpiresAt > now)
            .Select(i => new { i.Id, i.InviterId })
            .FirstOrDefaultAsync(ct);
        if (invitation is null)
        {
            return UnknownInvitation;
        }

        if (invitation.InviterId == userId)
        {
            return Failure.Field("code", t["problem.own"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Claim the code atomically: of two people joining with it at once, exactly one wins.
        var claimed = await db.Set<Invitation>().Where(i => i.Id == invitation.Id && i.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now), ct);
        var inviter = await db.Users.AsNoTracking()
            .Where(u => u.Id == invitation.InviterId)
            .Select(u => new { u.DisplayName, u.TimeZone })
            .FirstOrDefaultAsync(ct);
        if (claimed != 1 || inviter is null)
        {
            return UnknownInvitation;
        }

        var couple = new Couple { Id = Guid.NewGuid(), Since = now, TimeZone = inviter.TimeZone };
        db.Add(couple);
        await db.SaveChangesAsync(ct);
        var linked = await db.Users
            .Where(u => (u.Id == userId || u.Id == invitation.InviterId) && u.CoupleId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CoupleId, couple.Id).SetProperty(u => u.CoupleEndedAt, (DateTimeOffset?)null), ct);
        if (linked != 2)
        {
            // One of the two paired with someone else in the meantime: the invitation no longer stands.
            await transaction.RollbackAsync(ct);
            return UnknownInvitation;
        }

        await transaction.CommitAsync(ct);
        // Both people's sessions carry their couple; check them again on the next request.
        sessions.Forget(userId, invitation.InviterId);
        // The couple's data key (appreciations, good news, custom questions) is made now, once, rather than at the
        // couple's first appreciation: making a key is a durable write to the key file, one at a time, and on an
        // evening when many couples write their first note those writes queued behind each other (bench/README.md).
        vault.GetOrCreate(KeyOwner.Couple(couple.Id));
        return new JoinResponse(couple.Id, new PartnerView(inviter.DisplayName));
    }

    private Task<CoupleResponse?>? _current;

    /// <summary>
    /// The caller's couple for read-only views within this request (Today's cards each need the partner's name):
    /// read once, then shared. Routes that change the couple read <see cref="GetAsync"/> afresh.
    /// </summary>
    public Task<CoupleResponse?> CurrentAsync(CancellationToken ct) => _current ??= GetAsync(ct);

    /// <summary>The partner's public name for a card, or "" when single.</summary>
    public async Task<string> PartnerNameAsync(CancellationToken ct) => (await CurrentAsync(ct))?.Partner.DisplayName ?? "";

    /// <summary>The caller's couple with the partner's public name; null when single.</summary>
    public async Task<CoupleResponse?> GetAsync(CancellationToken ct)
    {
        var me = caller.UserId;
        // The query filter scopes couples to the caller's own couple.
        return await db.Set<Couple>().AsNoTracking()
            .Select(c => new CoupleResponse(
                c.Id,
                c.Since,
                c.TimeZone,
                new PartnerView(db.Users.Where(u => u.CoupleId == c.Id && u.Id != me).Select(u => u.DisplayName).First())))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Changes the zone the couple's day runs in; either partner may.</summary>
    public async Task<Outcome<CoupleResponse>> SetTimeZoneAsync(string? timeZone, CancellationToken ct)
    {
        if (!Accounts.TimeZones.IsKnown(timeZone))
        {
            return Failure.Field("timeZone", t["timezone.unknown"]);
        }

        // The query filter limits the update to the caller's own couple.
        if (caller.CoupleId is not { } coupleId
            || await db.Set<Couple>().ExecuteUpdateAsync(s => s.SetProperty(c => c.TimeZone, timeZone), ct) != 1)
        {
            return NoCouple;
        }

        changes.Changed(coupleId);
        return (await GetAsync(ct))!;
    }

    private static InvitationResponse ToResponse(string code, DateTimeOffset expiresAt, Uri baseUrl)
    {
        var formatted = InvitationCode.Format(code);
        return new InvitationResponse(formatted, new Uri(baseUrl, $"join/{formatted}").ToString(), expiresAt);
    }
}
