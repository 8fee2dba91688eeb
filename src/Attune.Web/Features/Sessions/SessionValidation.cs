using System.Security.Claims;
using Attune.Data;
using Attune.Features.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Sessions;

/// <summary>The session a request runs in, with the caller's couple and saved language (null: the browser's) read in the same query.</summary>
internal sealed record ActiveSession(Guid UserId, Guid SessionId, Guid? CoupleId, string? Language = null);

internal sealed record SessionRow(DateTimeOffset LastSeenAt, Guid? CoupleId, string? Language);

/// <summary>
/// Every authenticated request is checked against the sessions table, once, before anything else
/// runs: a revoked session is signed out on its very next request, cookie or bearer token alike.
/// The same query reads the caller's couple and saved language, so scoping and the request's language cost no extra statement.
/// </summary>
internal static class SessionValidation
{
    public const string ClaimType = "attune.session";

    /// <summary>How stale "last seen" may get before it is written again; keeps reads free of writes.</summary>
    private static readonly TimeSpan TouchAfter = TimeSpan.FromMinutes(5);

    private static readonly object ItemsKey = new();

    /// <summary>Runs whenever a session is not in the cache, so it is compiled (<see cref="PerModel{TQuery}"/>).</summary>
    private static readonly PerModel<Func<AttuneDbContext, Guid, Guid, Task<SessionRow?>>> LiveSessionQuery = new(() =>
        EF.CompileAsyncQuery((AttuneDbContext context, Guid session, Guid user) =>
            (from s in context.Set<SignInSession>()
             join u in context.Users on s.UserId equals u.Id
             where s.Id == session && s.UserId == user
             select new SessionRow(s.LastSeenAt, u.CoupleId, u.Language)).AsNoTracking().FirstOrDefault()));

    private static Task<SessionRow?> LiveSession(AttuneDbContext db, Guid sessionId, Guid userId) =>
        LiveSessionQuery.For(db)(db, sessionId, userId);

    public static Guid? SessionId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimType), out var id) ? id : null;

    /// <summary>The live session behind this principal, or null when it was revoked or never existed.</summary>
    public static async Task<ActiveSession?> ResolveAsync(HttpContext context, ClaimsPrincipal principal)
    {
        if (context.Items.TryGetValue(ItemsKey, out var cached))
        {
            return cached as ActiveSession;
        }

        ActiveSession? session = null;
        if (Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) && principal.SessionId() is { } sessionId)
        {
            var cache = context.RequestServices.GetRequiredService<SessionCache>();
            session = cache.Find(sessionId, userId) ?? await CheckDatabaseAsync(context, cache, userId, sessionId);
        }

        context.Items[ItemsKey] = session;
        return session;
    }

    private static async Task<ActiveSession?> CheckDatabaseAsync(HttpContext context, SessionCache cache, Guid userId, Guid sessionId)
    {
        var generation = cache.Generation(userId);
        var db = context.RequestServices.GetRequiredService<AttuneDbContext>();
        if (await LiveSession(db, sessionId, userId) is not { } row)
        {
            return null;
        }

        var session = new ActiveSession(userId, sessionId, row.CoupleId, row.Language);
        cache.Keep(session, generation);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (now - row.LastSeenAt > TouchAfter)
        {
            await db.Set<SignInSession>().Where(s => s.Id == sessionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), context.RequestAborted);
        }

        return session;
    }

    /// <summary>Runs after Identity's security-stamp check on every cookie, so pages honour revocation too.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal && await ResolveAsync(context.HttpContext, principal) is null)
        {
            await RecordRevokedUseAsync(context.HttpContext, principal);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>A re-issued principal (security-stamp refresh) stays in the session it came from.</summary>
    public static Task KeepSessionOnRefresh(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(ClaimType) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(ClaimType, claim.Value));
        }

        return Task.CompletedTask;
    }

    public static Task RecordRevokedUseAsync(HttpContext context, ClaimsPrincipal principal) =>
        context.RequestServices.GetRequiredService<AuditLog>().RecordAsync(AuditKind.RevokedSessionUsed,
            Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null);
}
