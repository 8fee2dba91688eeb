using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Desires;

internal static class DesireEndpoints
{
    public static IServiceCollection AddDesires(this IServiceCollection services)
    {
        services.AddScoped<DesireService>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.RequireCouple("/Desires"));
        // One entry, always there for couples: the page itself shows the switch and the 18+ confirmation first.
        services.AddNavEntry<DesiresText>(Destination.Together, 60, "nav.desires", "heart", "/desires", Audience.Couples);
        return services;
    }

    public static RouteGroupBuilder MapDesires(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/desires").WithTags("Desires").RequireAuthorization().RequireCouple();
        group.MapGet("/", Get);
        group.MapPut("/enabled", Switch);
        group.MapPost("/adult", Adult);
        group.MapPut("/{item}", Mark);
        group.MapDelete("/{item}", Clear);
        return group;
    }

    private static async Task<Ok<DesiresView>> Get(DesireService desires, CancellationToken ct) =>
        TypedResults.Ok(await desires.GetAsync(ct));

    private static async Task<Results<Ok<DesiresView>, ProblemHttpResult, ValidationProblem>> Switch(
        DesireSwitchRequest request, DesireService desires, CancellationToken ct) =>
        (await desires.SwitchAsync(request, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<DesiresView>, ProblemHttpResult, ValidationProblem>> Adult(
        DesireAdultRequest request, DesireService desires, CancellationToken ct) =>
        (await desires.ConfirmAdultAsync(request, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<DesiresView>, ProblemHttpResult, ValidationProblem>> Mark(
        string item, DesireMarkRequest request, DesireService desires, CancellationToken ct) =>
        (await desires.MarkAsync(item, request, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<DesiresView>, ProblemHttpResult, ValidationProblem>> Clear(
        string item, DesireService desires, CancellationToken ct) =>
        (await desires.ClearAsync(item, ct)).ToResult(TypedResults.Ok);
}
