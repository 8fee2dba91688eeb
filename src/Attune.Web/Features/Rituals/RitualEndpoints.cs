using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Rituals;

internal static class RitualEndpoints
{
    public static IServiceCollection AddRituals(this IServiceCollection services)
    {
        services.AddScoped<RitualService>();
        services.AddScoped<RitualCards>();
        services.AddScoped<Calendar.ICalendarSource, RitualCalendarSource>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.RequireCouple("/Rituals"));
        services.AddTodayCard("ritual-tonight", 25, Audience.Couples, "/Features/Rituals/_TonightCard.cshtml",
            (RitualCards cards, CancellationToken ct) => cards.TonightAsync(ct));
        services.AddNavEntry<RitualsText>(Destination.Together, 20, "nav.rituals", "sun", "/rituals", Audience.Couples);
        return services;
    }

    public static RouteGroupBuilder MapRituals(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/rituals").WithTags("Rituals").RequireAuthorization().RequireCouple();
        group.MapGet("/", List);
        group.MapPost("/", Add);
        group.MapGet("/{id:guid}", Get);
        group.MapPut("/{id:guid}", Update);
        group.MapDelete("/{id:guid}", Remove);
        group.MapPost("/{id:guid}/start", Start);
        group.MapGet("/sessions/{id:guid}", Session);
        group.MapPut("/sessions/{id:guid}/reflection", Reflect);
        return group;
    }

    private static async Task<Ok<RitualList>> List(RitualService rituals, CancellationToken ct) =>
        TypedResults.Ok(await rituals.ListAsync(ct));

    private static async Task<Results<Created<RitualView>, ProblemHttpResult, ValidationProblem>> Add(
        RitualRequest request, RitualService rituals, CancellationToken ct) =>
        (await rituals.AddAsync(request, ct)).ToResult(r => TypedResults.Created($"/api/v1/rituals/{r.Id}", r));

    private static async Task<Results<Ok<RitualView>, ProblemHttpResult, ValidationProblem>> Get(
        Guid id, RitualService rituals, CancellationToken ct) =>
        (await rituals.GetAsync(id, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<RitualView>, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, RitualRequest request, RitualService rituals, CancellationToken ct) =>
        (await rituals.UpdateAsync(id, request, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Remove(
        Guid id, RitualService rituals, CancellationToken ct) =>
        (await rituals.RemoveAsync(id, ct)).ToResult();

    private static async Task<Results<Created<SessionView>, ProblemHttpResult, ValidationProblem>> Start(
        Guid id, RitualService rituals, CancellationToken ct) =>
        (await rituals.StartAsync(id, ct)).ToResult(s => TypedResults.Created($"/api/v1/rituals/sessions/{s.Id}", s));

    private static async Task<Results<Ok<SessionView>, ProblemHttpResult, ValidationProblem>> Session(
        Guid id, RitualService rituals, CancellationToken ct) =>
        (await rituals.SessionAsync(id, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<SessionView>, ProblemHttpResult, ValidationProblem>> Reflect(
        Guid id, ReflectionRequest request, RitualService rituals, CancellationToken ct) =>
        (await rituals.ReflectAsync(id, request.Text, ct)).ToResult(TypedResults.Ok);
}
