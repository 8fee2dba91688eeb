using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Apologies;

internal static class ApologyEndpoints
{
    public static IServiceCollection AddApologies(this IServiceCollection services)
    {
        services.AddScoped<ApologyService>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.RequireCouple("/Apologies"));
        services.AddNavEntry<ApologiesText>(Destination.Together, 50, "nav.apologies", "heart", "/apologies", Audience.Couples);
        return services;
    }

    public static RouteGroupBuilder MapApologies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/apologies").WithTags("Apologies").RequireAuthorization().RequireCouple();
        group.MapGet("/", List);
        group.MapPost("/", Write);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/{id:guid}/answer", Answer);
        group.MapDelete("/{id:guid}", Delete);
        return group;
    }

    private static async Task<Ok<List<ApologyView>>> List(ApologyService apologies, CancellationToken ct) =>
        TypedResults.Ok(await apologies.ListAsync(ct));

    private static async Task<Results<Created<ApologyView>, ProblemHttpResult, ValidationProblem>> Write(
        ApologyRequest request, ApologyService apologies, CancellationToken ct) =>
        (await apologies.WriteAsync(request, ct)).ToResult(a => TypedResults.Created($"/api/v1/apologies/{a.Id}", a));

    private static async Task<Results<Ok<ApologyView>, ProblemHttpResult, ValidationProblem>> Get(Guid id, ApologyService apologies, CancellationToken ct) =>
        (await apologies.GetAsync(id, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<ApologyView>, ProblemHttpResult, ValidationProblem>> Answer(
        Guid id, ApologyAnswerRequest request, ApologyService apologies, CancellationToken ct) =>
        (await apologies.AnswerAsync(id, request.Answer, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Delete(Guid id, ApologyService apologies, CancellationToken ct) =>
        (await apologies.DeleteAsync(id, ct)).ToResult();
}
