using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.GoodNews;

internal static class GoodNewsEndpoints
{
    public static IServiceCollection AddGoodNews(this IServiceCollection services)
    {
        services.AddScoped<GoodNewsService>();
        services.AddScoped<GoodNewsCards>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.RequireCouple("/GoodNews"));
        services.AddTodayCard("good-news-to-answer", 6, Audience.Couples, "/Features/GoodNews/_GoodNewsCard.cshtml",
            (GoodNewsCards cards, CancellationToken ct) => cards.WaitingAsync(ct));
        services.AddNavEntry<GoodNewsText>(Destination.Us, 40, "nav.goodnews", "sun", "/good-news", Audience.Couples);
        return services;
    }

    public static RouteGroupBuilder MapGoodNews(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/good-news").WithTags("Good news").RequireAuthorization().RequireCouple();
        group.MapPost("/", Share);
        group.MapGet("/", List);
        group.MapPost("/{id:guid}/reply", Reply);
        return group;
    }

    private static async Task<Results<Created<GoodNewsView>, ProblemHttpResult, ValidationProblem>> Share(
        GoodNewsRequest request, GoodNewsService news, CancellationToken ct) =>
        (await news.ShareAsync(request.Text, ct)).ToResult(shared => TypedResults.Created($"/api/v1/good-news/{shared.Id}", shared));

    private static async Task<Results<Ok<GoodNewsList>, ProblemHttpResult, ValidationProblem>> List(
        int? limit, Guid? before, GoodNewsService news, CancellationToken ct) =>
        (await news.ListAsync(limit, before, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<GoodNewsView>, ProblemHttpResult, ValidationProblem>> Reply(
        Guid id, GoodNewsRequest request, GoodNewsService news, CancellationToken ct) =>
        (await news.ReplyAsync(id, request.Text, ct)).ToResult(TypedResults.Ok);
}
