using Attune.Data;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Features.Export;

internal static class ExportEndpoints
{
    public static IServiceCollection AddExport(this IServiceCollection services) => services.AddScoped<ExportService>();

    public static RouteGroupBuilder MapExport(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me/export").WithTags("Me").RequireAuthorization()
            .RequireRateLimiting(RateLimits.Auth).HashesPassword();
        group.MapPost("/", Export);
        return group;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> Export(
        ExportRequest request, Caller caller, ExportService export, CancellationToken ct) =>
        (await export.FileAsync(caller, request.Password, ct)).ToResult(file => TypedResults.File(file.Content, "application/json", file.Name));
}
