using Attune.Features.Export;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Features.Leaving;

internal static class LeavingEndpoints
{
    public static IServiceCollection AddLeaving(this IServiceCollection services) => services.AddScoped<LeavingService>();

    public static RouteGroupBuilder MapLeaving(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Leaving").RequireAuthorization();
        group.MapPost("/couple/leave", Leave).RequireCouple();
        group.MapPost("/me/delete", Delete).RequireRateLimiting(RateLimits.Auth).HashesPassword();
        return group;
    }

    private static async Task<NoContent> Leave(LeavingService leaving, CancellationToken ct)
    {
        await leaving.LeaveCoupleAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Delete(ExportRequest request, LeavingService leaving, CancellationToken ct) =>
        (await leaving.DeleteAccountAsync(request.Password, ct)).ToResult();
}
