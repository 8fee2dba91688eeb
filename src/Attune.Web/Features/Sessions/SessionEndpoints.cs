using Attune.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Features.Sessions;

internal sealed record RevokedResponse(int Revoked);

internal static class SessionEndpoints
{
    public static RouteGroupBuilder MapSessions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me/sessions").WithTags("Sessions").RequireAuthorization();
        group.MapGet("/", List);
        group.MapDelete("/{id:guid}", Revoke);
        group.MapDelete("/", RevokeOthers);
        return group;
    }

    private static async Task<Ok<List<SessionView>>> List(SessionService sessions, CurrentCouple current, CancellationToken ct) =>
        TypedResults.Ok(await sessions.ListAsync(current.UserId!.Value, current.SessionId, ct));

    /// <summary>Revoking the current session is how an app signs out.</summary>
    private static async Task<Results<NoContent, NotFound>> Revoke(Guid id, SessionService sessions, CurrentCouple current, CancellationToken ct) =>
        await sessions.RevokeAsync(current.UserId!.Value, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Signs out everywhere else.</summary>
    private static async Task<Ok<RevokedResponse>> RevokeOthers(SessionService sessions, CurrentCouple current, CancellationToken ct) =>
        TypedResults.Ok(new RevokedResponse(await sessions.RevokeOthersAsync(current.UserId!.Value, current.SessionId, ct)));
}
