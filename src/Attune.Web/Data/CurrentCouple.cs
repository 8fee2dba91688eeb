using System.Security.Claims;
using Microsoft.EntityFrameworkCore;

namespace Attune.Data;

/// <summary>
/// Who is calling, and which couple they belong to, for the current request. This is the one place
/// the couple scope comes from: the query filters of <see cref="AttuneDbContext"/> read it.
/// </summary>
internal sealed class CurrentCouple
{
    public Guid? UserId { get; private set; }

    public Guid? CoupleId { get; private set; }

    public bool IsInCouple => CoupleId is not null;

    public void Set(Guid userId, Guid? coupleId)
    {
        UserId = userId;
        CoupleId = coupleId;
    }

    public void Clear()
    {
        UserId = null;
        CoupleId = null;
    }
}

internal static class CurrentCoupleMiddleware
{
    /// <summary>
    /// Resolves the caller's couple once per authenticated request. The couple is read from the
    /// database rather than from a claim so that joining or leaving takes effect immediately.
    /// </summary>
    public static IApplicationBuilder UseCurrentCouple(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
            if (context.User.Identity?.IsAuthenticated == true && Guid.TryParse(id, out var userId))
            {
                var services = context.RequestServices;
                var db = services.GetRequiredService<AttuneDbContext>();
                var coupleId = await db.Users.AsNoTracking()
                    .Where(u => u.Id == userId)
                    .Select(u => u.CoupleId)
                    .FirstOrDefaultAsync(context.RequestAborted);
                services.GetRequiredService<CurrentCouple>().Set(userId, coupleId);
            }

            await next(context);
        });
}
