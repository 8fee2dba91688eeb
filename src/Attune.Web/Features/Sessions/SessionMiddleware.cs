using System.Security.Claims;
using Attune.Data;

namespace Attune.Features.Sessions;

/// <summary>
/// Runs once per request, right after authentication: a live session becomes the request's
/// <see cref="Caller"/> (with the couple read in the same query), and a revoked one an anonymous caller.
/// </summary>
internal sealed class SessionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CallerScope caller)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            if (await SessionValidation.ResolveAsync(context, context.User) is { } session)
            {
                caller.Set(new Caller(session.UserId, session.CoupleId, session.SessionId));
            }
            else
            {
                await SessionValidation.RecordRevokedUseAsync(context, context.User);
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
        }

        await next(context);
    }
}
