using Attune.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Features.Audit;

internal static class AuditEndpoints
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditLog>();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuditRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditRetention>());
        return services;
    }

    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me/security-events").WithTags("Security").RequireAuthorization();
        group.MapGet("/", List);
        return group;
    }

    private static async Task<Ok<List<AuditEntry>>> List(AttuneDbContext db, Caller caller, CancellationToken ct) =>
        TypedResults.Ok(await AuditLog.ListAsync(db, caller.UserId, ct));
}
