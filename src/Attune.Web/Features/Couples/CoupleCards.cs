using Attune.Data;
using Attune.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Couples;

/// <summary>Today's card before pairing: what to do next.</summary>
internal sealed record NextStepCard(bool CoupleEnded);

/// <summary>Today's card for a couple: whose couple this is, and once, a welcome naming the partner.</summary>
internal sealed record CoupleCard(string PartnerName, DateTimeOffset Since, bool Welcome);

/// <summary>Loads the Couples feature's Today cards.</summary>
internal sealed class CoupleCards(Caller caller, CoupleService couples, ProfileService profiles, AttuneDbContext db, TimeProvider time)
{
    /// <summary>After this, a person who never opened Today since pairing is no longer welcomed (and no query is spent on it).</summary>
    public static readonly TimeSpan WelcomeFor = TimeSpan.FromDays(14);

    // Which couple a person was last welcomed to, kept in Identity's per-user token table (no schema change).
    private const string TokenProvider = "Attune";
    private const string TokenName = "welcomed-to-couple";

    public async Task<NextStepCard> NextStepAsync(CancellationToken ct) =>
        new((await profiles.GetAsync(caller, ct))?.CoupleEndedAt is not null);

    public async Task<CoupleCard?> CoupleAsync(CancellationToken ct)
    {
        if (await couples.CurrentAsync(ct) is not { } couple)
        {
            return null;
        }

        var welcome = time.GetUtcNow() - couple.Since < WelcomeFor && await FirstLookAsync(couple.Id, ct);
        return new CoupleCard(couple.Partner.DisplayName, couple.Since, welcome);
    }

    /// <summary>True the first time this person sees this couple; records that they have.</summary>
    private async Task<bool> FirstLookAsync(Guid coupleId, CancellationToken ct)
    {
        var (userId, value) = (caller.UserId, coupleId.ToString("N"));
        var tokens = db.Set<IdentityUserToken<Guid>>().Where(t => t.UserId == userId && t.LoginProvider == TokenProvider && t.Name == TokenName);
        var seen = await tokens.Select(t => t.Value).FirstOrDefaultAsync(ct);
        if (seen == value)
        {
            return false;
        }

        if (seen is not null)
        {
            await tokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, value), ct);
            return true;
        }

        db.Add(new IdentityUserToken<Guid> { UserId = userId, LoginProvider = TokenProvider, Name = TokenName, Value = value });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person opened Today twice at the same instant: the other request shows the welcome.
            return false;
        }

        return true;
    }
}
