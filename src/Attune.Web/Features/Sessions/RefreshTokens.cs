using System.Globalization;
using System.Security.Claims;
using Attune.Data;
using Attune.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Sessions;

/// <summary>
/// Refresh tokens rotate. Each carries its session's refresh count (claim <see cref="ClaimType"/>); a
/// refresh works only with the current count and moves it on, so every refresh token works once. A
/// spent token coming back means someone else holds a copy: that session ends at once, for both.
/// </summary>
internal sealed class RefreshTokens(AttuneDbContext db, SessionCache cache, AuditLog audit)
{
    public const string ClaimType = "attune.refresh";

    public static Claim Claim(int count) => new(ClaimType, count.ToString(CultureInfo.InvariantCulture));

    /// <summary>The count a token carries; tokens issued before rotation existed carry none and count as the first.</summary>
    public static int CountIn(ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ClaimType), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;

    /// <summary>
    /// Spends the token with this count. Returns the count for the next token, or null when the session
    /// is gone or the token was already spent (the session is then ended and the owner told).
    /// </summary>
    public async Task<int?> SpendAsync(Guid userId, Guid sessionId, int count, CancellationToken ct)
    {
        // One conditional update: of two refreshes with the same token at the same instant, only one wins.
        var spent = await db.Set<SignInSession>().Where(s => s.Id == sessionId && s.UserId == userId && s.RefreshCount == count)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RefreshCount, count + 1), ct);
        if (spent == 1)
        {
            return count + 1;
        }

        var ended = await db.Set<SignInSession>().Where(s => s.Id == sessionId && s.UserId == userId).ExecuteDeleteAsync(ct);
        if (ended > 0)
        {
            cache.Forget(userId);
            await audit.RecordAsync(AuditKind.RefreshTokenReused, userId);
        }

        return null;
    }
}
