using Attune.Features.Accounts;
using Attune.Features.Export;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Features.Leaving;

internal static class LeavingEndpoints
{
    public static RouteGroupBuilder MapLeaving(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Leaving").RequireAuthorization();
        group.MapPost("/couple/leave", Leave);
        group.MapPost("/me/delete", Delete).RequireRateLimiting(RateLimits.Auth).WithMetadata(new HashesPasswordAttribute());
        return group;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Leave(LeavingService leaving, CancellationToken ct) =>
        await leaving.LeaveCoupleAsync(ct) ? TypedResults.NoContent() : Problems.NotInCouple();

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(ExportRequest request, LeavingService leaving, CancellationToken ct) =>
        await leaving.DeleteAccountAsync(request.Password, ct) is var confirmed and not Confirmation.Confirmed
            ? confirmed.Problem("Deleting your account needs your current password.")
            : TypedResults.NoContent();
}
