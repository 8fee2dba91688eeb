using Attune.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Features.Sessions;

internal sealed record RevokedResponse(int Revoked);

internal static class SessionEndpoints
{
    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        services.AddScoped<SessionService>();
        services.AddScoped<SessionProofs>();
        services.AddScoped<RefreshTokens>();
        services.AddOptions<SignInSessionOptions>().BindConfiguration(SignInSessionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SessionCache>();
        return services;
    }

    /// <summary>Right after authentication: the live session becomes the request's caller (<see cref="SessionMiddleware"/>).</summary>
    public static IApplicationBuilder UseSessions(this IApplicationBuilder app) => app.UseMiddleware<SessionMiddleware>();

    public static RouteGroupBuilder MapSessions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me/sessions").WithTags("Sessions").RequireAuthorization();
        group.MapGet("/", List);
        group.MapDelete("/{id:guid}", Revoke);
        group.MapDelete("/", RevokeOthers);
        return group;
    }

    private static async Task<Ok<List<SessionView>>> List(SessionService sessions, Caller caller, CancellationToken ct) =>
        TypedResults.Ok(await sessions.ListAsync(caller, ct));

    /// <summary>Revoking the current session is how an app signs out.</summary>
    private static async Task<Results<NoContent, NotFound>> Revoke(Guid id, SessionService sessions, Caller caller, CancellationToken ct) =>
        await sessions.RevokeAsync(caller, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Signs out everywhere else.</summary>
    private static async Task<Ok<RevokedResponse>> RevokeOthers(SessionService sessions, Caller caller, CancellationToken ct) =>
        TypedResults.Ok(new RevokedResponse(await sessions.RevokeOthersAsync(caller, ct)));
}
