using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Exercises;

internal static class ExerciseEndpoints
{
    public static IServiceCollection AddExercises(this IServiceCollection services)
    {
        services.AddScoped<GazingService>();
        services.AddScoped<EveningService>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.RequireCouple("/Exercises"));
        services.AddNavEntry<ExercisesText>(Destination.Together, 35, "nav.gazing", "eye", "/exercises/gazing", Audience.Couples);
        services.AddNavEntry<ExercisesText>(Destination.Together, 36, "nav.evening", "moon", "/exercises/evening", Audience.Couples);
        return services;
    }

    public static RouteGroupBuilder MapExercises(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/exercises").WithTags("Exercises").RequireAuthorization().RequireCouple();
        group.MapPost("/gazing", StartGazing);
        group.MapGet("/gazing/{id:guid}", Gazing);
        group.MapPost("/gazing/{id:guid}/reflection", Reflect);
        group.MapPost("/evening", StartEvening);
        group.MapGet("/evening/{id:guid}", Evening);
        group.MapPost("/evening/{id:guid}/next", Next);
        group.MapPost("/evening/{id:guid}/previous", Previous);
        group.MapPost("/evening/{id:guid}/finish", Finish);
        return group;
    }

    private static async Task<Results<Created<GazingView>, ProblemHttpResult, ValidationProblem>> StartGazing(
        GazingRequest request, GazingService gazing, CancellationToken ct) =>
        (await gazing.StartAsync(request, ct)).ToResult(s => TypedResults.Created($"/api/v1/exercises/gazing/{s.Id}", s));

    private static async Task<Results<Ok<GazingView>, ProblemHttpResult, ValidationProblem>> Gazing(
        Guid id, GazingService gazing, CancellationToken ct) =>
        (await gazing.GetAsync(id, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<GazingView>, ProblemHttpResult, ValidationProblem>> Reflect(
        Guid id, GazingReflectionRequest request, GazingService gazing, CancellationToken ct) =>
        (await gazing.ReflectAsync(id, request.Text, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Created<EveningView>, ProblemHttpResult, ValidationProblem>> StartEvening(
        EveningRequest request, EveningService evenings, CancellationToken ct) =>
        (await evenings.StartAsync(request, ct)).ToResult(e => TypedResults.Created($"/api/v1/exercises/evening/{e.Id}", e));

    private static async Task<Results<Ok<EveningView>, ProblemHttpResult, ValidationProblem>> Evening(
        Guid id, EveningService evenings, CancellationToken ct) =>
        (await evenings.GetAsync(id, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<EveningView>, ProblemHttpResult, ValidationProblem>> Next(
        Guid id, EveningService evenings, CancellationToken ct) =>
        (await evenings.MoveAsync(id, 1, null, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<EveningView>, ProblemHttpResult, ValidationProblem>> Previous(
        Guid id, EveningService evenings, CancellationToken ct) =>
        (await evenings.MoveAsync(id, -1, null, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<EveningView>, ProblemHttpResult, ValidationProblem>> Finish(
        Guid id, EveningService evenings, CancellationToken ct) =>
        (await evenings.FinishAsync(id, ct)).ToResult(TypedResults.Ok);
}
