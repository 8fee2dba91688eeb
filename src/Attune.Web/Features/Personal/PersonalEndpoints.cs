using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Features.Personal;

internal static class PersonalEndpoints
{
    public static IServiceCollection AddPersonal(this IServiceCollection services)
    {
        services.AddScoped<PersonalService>();
        services.AddScoped<PersonalBalance>();
        services.AddNavEntry<PersonalText>(Destination.Me, 6, "nav.time", "sun", "/me/time", Audience.Everyone);
        return services;
    }

    public static RouteGroupBuilder MapPersonal(this IEndpointRouteBuilder app)
    {
        // One's own goals need no couple: a single person keeps them too.
        var mine = app.MapGroup("/api/v1/personal").WithTags("Personal").RequireAuthorization();
        mine.MapGet("/goals", List);
        mine.MapPost("/goals", Create);
        mine.MapPut("/goals/{id:guid}", Update);
        mine.MapDelete("/goals/{id:guid}", Delete);
        mine.MapPost("/goals/{id:guid}/log", Log);
        mine.MapGet("/balance", Balance);

        var shared = app.MapGroup("/api/v1/personal").WithTags("Personal").RequireAuthorization().RequireCouple();
        shared.MapPost("/goals/{id:guid}/share", Share);
        shared.MapDelete("/goals/{id:guid}/share", Unshare);
        shared.MapGet("/partner", Partner);
        return mine;
    }

    private static async Task<Ok<List<GoalView>>> List(PersonalService personal, CancellationToken ct) =>
        TypedResults.Ok(await personal.ListAsync(ct));

    private static async Task<Results<Created<GoalView>, ProblemHttpResult, ValidationProblem>> Create(GoalRequest request, PersonalService personal, CancellationToken ct) =>
        (await personal.CreateAsync(request, ct)).ToResult(goal => TypedResults.Created($"/api/v1/personal/goals/{goal.Id}", goal));

    private static async Task<Results<Ok<GoalView>, ProblemHttpResult, ValidationProblem>> Update(Guid id, GoalRequest request, PersonalService personal, CancellationToken ct) =>
        (await personal.UpdateAsync(id, request, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<NoContent, NotFound>> Delete(Guid id, PersonalService personal, CancellationToken ct) =>
        await personal.DeleteAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<GoalView>, ProblemHttpResult, ValidationProblem>> Log(Guid id, LogRequest request, PersonalService personal, CancellationToken ct) =>
        (await personal.LogAsync(id, request, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<BalanceView>, ProblemHttpResult, ValidationProblem>> Balance(string? month, PersonalBalance balance, CancellationToken ct) =>
        (await balance.MonthAsync(month, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<GoalView>, ProblemHttpResult, ValidationProblem>> Share(Guid id, PersonalService personal, CancellationToken ct) =>
        (await personal.ShareAsync(id, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Unshare(Guid id, PersonalService personal, CancellationToken ct) =>
        (await personal.UnshareAsync(id, ct)).ToResult();

    private static async Task<Ok<List<SharedGoalView>>> Partner(PersonalService personal, CancellationToken ct) =>
        TypedResults.Ok(await personal.PartnerSharesAsync(ct));
}
