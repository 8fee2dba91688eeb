using System.Security.Claims;

namespace Attune.Hosting;

internal static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id; only called behind RequireAuthorization, so it is always there.</summary>
    public static Guid RequireUserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)
                   ?? throw new InvalidOperationException("The endpoint requires an authenticated user."));
}
