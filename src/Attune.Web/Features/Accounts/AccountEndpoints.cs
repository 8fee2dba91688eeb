using System.Security.Claims;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Features.Accounts;

internal static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapAuth();
        var me = app.MapGroup("/api/v1/me").WithTags("Me").RequireAuthorization();
        me.MapGet("/", GetMe);
        me.MapPut("/", UpdateMe);
        return me;
    }

    private static async Task<Results<Ok<MeResponse>, NotFound>> GetMe(
        ClaimsPrincipal user, ProfileService profiles, CancellationToken ct) =>
        await profiles.GetAsync(user.RequireUserId(), ct) is { } me ? TypedResults.Ok(me) : TypedResults.NotFound();

    private static async Task<Results<Ok<MeResponse>, ValidationProblem, NotFound>> UpdateMe(
        UpdateMeRequest request, ClaimsPrincipal user, ProfileService profiles, CancellationToken ct)
    {
        var (me, errors) = await profiles.UpdateAsync(user.RequireUserId(), request, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return me is null ? TypedResults.NotFound() : TypedResults.Ok(me);
    }
}
