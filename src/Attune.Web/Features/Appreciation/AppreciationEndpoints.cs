using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Appreciation;

internal static class AppreciationEndpoints
{
    public static IServiceCollection AddAppreciation(this IServiceCollection services)
    {
        services.AddScoped<AppreciationService>();
        services.AddScoped<AppreciationCards>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.RequireCouple("/Appreciation"));
        services.AddTodayCard("appreciation-new", 4, Audience.Couples, "/Features/Appreciation/_NewAppreciationsCard.cshtml",
            (AppreciationCards cards, CancellationToken ct) => cards.NewAsync(ct));
        services.AddTodayCard("appreciation-write", 30, Audience.Couples, "/Features/Appreciation/_WriteAppreciationCard.cshtml",
            (AppreciationCards cards, CancellationToken ct) => cards.WriteAsync(ct));
        services.AddNavEntry<AppreciationText>(Destination.Us, 30, "nav.jar", "heart", "/appreciations", Audience.Couples);
        return services;
    }

    public static RouteGroupBuilder MapAppreciation(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/appreciations").WithTags("Appreciation").RequireAuthorization().RequireCouple();
        group.MapPost("/", Send);
        group.MapGet("/", List);
        group.MapPut("/{id:guid}/favourite", Favourite);
        group.MapPost("/nudge", Nudge);
        return group;
    }

    private static async Task<Results<Created<AppreciationView>, ProblemHttpResult, ValidationProblem>> Send(
        AppreciationRequest request, AppreciationService appreciations, CancellationToken ct) =>
        (await appreciations.AddAsync(request.Text, ct)).ToResult(sent => TypedResults.Created($"/api/v1/appreciations/{sent.Id}", sent));

    private static async Task<Results<Ok<AppreciationList>, ProblemHttpResult, ValidationProblem>> List(
        string? direction, int? limit, Guid? before, AppreciationService appreciations, CancellationToken ct) =>
        (await appreciations.ListAsync(direction, limit, before, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<AppreciationView>, ProblemHttpResult, ValidationProblem>> Favourite(
        Guid id, FavouriteRequest request, AppreciationService appreciations, CancellationToken ct) =>
        (await appreciations.SetFavouriteAsync(id, request.Favourite, ct)).ToResult(TypedResults.Ok);

    private static Results<Ok<NudgeResponse>, ProblemHttpResult, ValidationProblem> Nudge(
        AppreciationRequest request, AppreciationService appreciations) =>
        appreciations.Nudge(request.Text).ToResult(TypedResults.Ok);
}
