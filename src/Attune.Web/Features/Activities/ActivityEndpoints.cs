using Attune.Features.Calendar;
using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Activities;

internal static class ActivityEndpoints
{
    public static IServiceCollection AddActivities(this IServiceCollection services)
    {
        services.AddScoped<ActivityService>();
        services.AddScoped<PlanService>();
        services.AddScoped<ActivityCards>();
        services.AddScoped<ICalendarSource, ActivitiesCalendarSource>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.RequireCouple("/Activities"));
        services.AddTodayCard("activity-planned", 26, Audience.Couples, "/Features/Activities/_PlannedCard.cshtml",
            (ActivityCards cards, CancellationToken ct) => cards.PlannedAsync(ct));
        services.AddNavEntry<ActivitiesText>(Destination.Together, 25, "nav.activities", "sun", "/activities", Audience.Couples);
        services.AddNavEntry<ActivitiesText>(Destination.Us, 35, "nav.memories", "heart", "/memories", Audience.Couples);
        return services;
    }

    public static RouteGroupBuilder MapActivities(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/activities").WithTags("Activities").RequireAuthorization().RequireCouple();
        group.MapGet("/", Library);
        group.MapGet("/suggestions", Suggestions);
        group.MapPut("/{key}/mark", Mark);
        group.MapGet("/list", List);
        group.MapPost("/list", Add);
        group.MapPut("/list/{id:guid}/plan", Schedule);
        group.MapPost("/list/{id:guid}/done", Done);
        group.MapDelete("/list/{id:guid}", Remove);
        group.MapGet("/memories", Memories);
        return group;
    }

    private static async Task<Results<Ok<LibraryView>, ProblemHttpResult, ValidationProblem>> Library(
        string? family, ActivityService activities, CancellationToken ct) =>
        (await activities.LibraryAsync(family, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<SuggestionsView>, ProblemHttpResult, ValidationProblem>> Suggestions(
        string? family, int? another, ActivityService activities, CancellationToken ct) =>
        (await activities.SuggestionsAsync(family, another, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<IdeaView>, ProblemHttpResult, ValidationProblem>> Mark(
        string key, MarkRequest request, ActivityService activities, CancellationToken ct) =>
        (await activities.MarkAsync(key, request.Mark, ct)).ToResult(TypedResults.Ok);

    private static async Task<Ok<PlanList>> List(PlanService plans, CancellationToken ct) =>
        TypedResults.Ok(await plans.ListAsync(ct));

    private static async Task<Results<Created<PlanView>, ProblemHttpResult, ValidationProblem>> Add(
        PlanRequest request, PlanService plans, CancellationToken ct) =>
        (await plans.AddAsync(request, ct)).ToResult(p => TypedResults.Created($"/api/v1/activities/list/{p.Id}", p));

    private static async Task<Results<Ok<PlanView>, ProblemHttpResult, ValidationProblem>> Schedule(
        Guid id, ScheduleRequest request, PlanService plans, CancellationToken ct) =>
        (await plans.ScheduleAsync(id, request, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<PlanView>, ProblemHttpResult, ValidationProblem>> Done(
        Guid id, DoneRequest request, PlanService plans, CancellationToken ct) =>
        (await plans.DoneAsync(id, request.Memory, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Remove(
        Guid id, PlanService plans, CancellationToken ct) =>
        (await plans.RemoveAsync(id, ct)).ToResult();

    private static async Task<Ok<IReadOnlyList<PlanView>>> Memories(PlanService plans, CancellationToken ct) =>
        TypedResults.Ok(await plans.MemoriesAsync(ct));
}
