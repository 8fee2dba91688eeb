using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Listening;

internal static class ListeningEndpoints
{
    public static IServiceCollection AddListening(this IServiceCollection services)
    {
        services.AddScoped<ListeningService>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.RequireCouple("/Listening"));
        services.AddNavEntry<ListeningText>(Destination.Together, 30, "nav.listening", "chat", "/listening", Audience.Couples);
        return services;
    }

    public static RouteGroupBuilder MapListening(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/listening").WithTags("Listening").RequireAuthorization().RequireCouple();
        group.MapPost("/", Start);
        group.MapGet("/current", Current);
        group.MapPost("/{id:guid}/turn/end", (Guid id, ListeningService s, CancellationToken ct) => Done(s.EndTurnAsync(id, ct)));
        group.MapPost("/{id:guid}/reflect", (Guid id, ListeningReflectRequest r, ListeningService s, CancellationToken ct) => Done(s.ReflectAsync(id, r.Text, ct)));
        group.MapPost("/{id:guid}/rate", (Guid id, ListeningRateRequest r, ListeningService s, CancellationToken ct) => Done(s.RateAsync(id, r.Rating, ct)));
        group.MapPost("/{id:guid}/clarify", (Guid id, ListeningService s, CancellationToken ct) => Done(s.ClarifyAsync(id, ct)));
        group.MapPost("/{id:guid}/swap", (Guid id, ListeningService s, CancellationToken ct) => Done(s.SwapAsync(id, ct)));
        group.MapPost("/{id:guid}/pause", (Guid id, ListeningService s, CancellationToken ct) => Done(s.PauseAsync(id, ct)));
        group.MapPost("/{id:guid}/resume", (Guid id, ListeningService s, CancellationToken ct) => Done(s.ResumeAsync(id, ct)));
        group.MapPost("/{id:guid}/appreciate", (Guid id, ListeningAppreciateRequest r, ListeningService s, CancellationToken ct) => Done(s.AppreciateAsync(id, r.Text, ct)));
        group.MapPost("/{id:guid}/end", (Guid id, ListeningService s, CancellationToken ct) => Done(s.EndAsync(id, ct)));
        return group;
    }

    private static async Task<Results<Created<ListeningView>, ProblemHttpResult, ValidationProblem>> Start(
        ListeningStartRequest request, ListeningService listening, CancellationToken ct) =>
        (await listening.StartAsync(request, ct)).ToResult(v => TypedResults.Created("/api/v1/listening/current", v));

    private static async Task<Ok<ListeningCurrent>> Current(ListeningService listening, CancellationToken ct) =>
        TypedResults.Ok(await listening.CurrentAsync(ct));

    private static async Task<Results<Ok<ListeningView>, ProblemHttpResult, ValidationProblem>> Done(Task<Outcome<ListeningView>> outcome) =>
        (await outcome).ToResult(TypedResults.Ok);
}
