using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Quiz;

internal static class QuizEndpoints
{
    public static IServiceCollection AddQuiz(this IServiceCollection services)
    {
        services.AddScoped<QuizService>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.RequireCouple("/Quiz"));
        services.AddNavEntry<QuizText>(Destination.Together, 35, "nav.quiz", "chat", "/quiz", Audience.Couples);
        services.AddTodayCard("quiz-your-turn", 28, Audience.Couples, "/Features/Quiz/_QuizCard.cshtml",
            (QuizService quiz, CancellationToken ct) => quiz.WaitingForMeAsync(ct));
        return services;
    }

    public static RouteGroupBuilder MapQuiz(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/quiz").WithTags("Quiz").RequireAuthorization().RequireCouple();
        group.MapPost("/rounds", Start);
        group.MapGet("/rounds", List);
        group.MapGet("/rounds/{id:guid}", Get);
        group.MapPut("/rounds/{id:guid}/mine", Submit);
        group.MapPut("/rounds/{id:guid}/marks", Mark);
        return group;
    }

    private static async Task<Results<Created<QuizRoundView>, ProblemHttpResult, ValidationProblem>> Start(
        QuizStartRequest request, QuizService quiz, CancellationToken ct) =>
        (await quiz.StartAsync(request, ct)).ToResult(round => TypedResults.Created($"/api/v1/quiz/rounds/{round.Id}", round));

    private static async Task<Ok<List<QuizRoundSummary>>> List(QuizService quiz, CancellationToken ct) =>
        TypedResults.Ok(await quiz.ListAsync(ct));

    private static async Task<Results<Ok<QuizRoundView>, ProblemHttpResult, ValidationProblem>> Get(Guid id, QuizService quiz, CancellationToken ct) =>
        (await quiz.GetAsync(id, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<QuizRoundView>, ProblemHttpResult, ValidationProblem>> Submit(
        Guid id, QuizSubmitRequest request, QuizService quiz, CancellationToken ct) =>
        (await quiz.SubmitAsync(id, request, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<QuizRoundView>, ProblemHttpResult, ValidationProblem>> Mark(
        Guid id, QuizMarksRequest request, QuizService quiz, CancellationToken ct) =>
        (await quiz.MarkAsync(id, request, ct)).ToResult(TypedResults.Ok);
}
