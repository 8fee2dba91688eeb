using Attune.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Features.Audit;

internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me/security-events").WithTags("Security").RequireAuthorization();
        group.MapGet("/", List);
        return group;
    }

    private static async Task<Ok<List<AuditEntry>>> List(AttuneDbContext db, CurrentCouple current, CancellationToken ct) =>
        TypedResults.Ok(await AuditLog.ListAsync(db, current.UserId!.Value, ct));
}
