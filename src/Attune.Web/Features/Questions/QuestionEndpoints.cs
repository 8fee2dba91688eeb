using Attune.Data;
using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Questions;

internal sealed record DepthRequest(int? MaxDepth);

internal static class QuestionEndpoints
{
    public static IServiceCollection AddQuestions(this IServiceCollection services)
    {
        services.AddOptions<QuestionsOptions>().BindConfiguration(QuestionsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<QuestionLibrary>();
        services.AddSingleton<IDatabaseStartupTask>(sp => sp.GetRequiredService<QuestionLibrary>());
        services.AddScoped<DailyQuestions>();
        services.AddScoped<AnswerPrivacy>();
        services.AddScoped<DepthLadder>();
        services.AddScoped<TodayService>();
        services.AddSingleton<TodayCache>();
        services.AddScoped<HistoryService>();
        services.AddScoped<CustomQuestionService>();
        services.AddScoped<QuestionCards>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.RequireCouple("/Questions"));
        services.AddTodayCard("question-of-the-day", 10, Audience.Couples, "/Features/Questions/_QuestionCard.cshtml",
            (QuestionCards cards, CancellationToken ct) => cards.LoadAsync(ct));
        services.AddNavEntry<QuestionsText>(Destination.Us, 10, "nav.answers", "book", "/history", Audience.Couples);
        services.AddNavEntry<QuestionsText>(Destination.Us, 20, "nav.questions", "chat", "/questions/custom", Audience.Couples);
        return services;
    }

    public static RouteGroupBuilder MapQuestions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Questions").RequireAuthorization().RequireCouple();
        group.MapGet("/today", GetToday);
        group.MapPut("/today/answer", Answer);
        group.MapPost("/today/reactions", React);
        group.MapGet("/questions/history", History);
        group.MapGet("/questions/custom", ListCustom);
        group.MapPost("/questions/custom", AddCustom);
        group.MapDelete("/questions/custom/{id:guid}", RemoveCustom);
        group.MapPut("/me/depth", SetDepth);
        return group;
    }

    private static async Task<Ok<TodayResponse>> GetToday(TodayService today, CancellationToken ct) =>
        TypedResults.Ok(await today.GetAsync(ct));

    private static async Task<Results<Ok<TodayResponse>, ProblemHttpResult, ValidationProblem>> Answer(
        AnswerRequest request, TodayService today, CancellationToken ct) =>
        (await today.AnswerAsync(request.Text, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<TodayResponse>, ProblemHttpResult, ValidationProblem>> React(
        ReactionRequest request, TodayService today, CancellationToken ct) =>
        (await today.ReactAsync(request.Kind, request.Text, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<HistoryResponse>, ProblemHttpResult, ValidationProblem>> History(
        string? category, DateOnly? before, int? limit, HistoryService history, CancellationToken ct) =>
        (await history.GetAsync(category, before, limit, ct)).ToResult(TypedResults.Ok);

    private static async Task<Ok<List<CustomQuestionView>>> ListCustom(CustomQuestionService custom, CancellationToken ct) =>
        TypedResults.Ok(await custom.ListAsync(ct));

    private static async Task<Results<Created<CustomQuestionView>, ProblemHttpResult, ValidationProblem>> AddCustom(
        CustomQuestionRequest request, CustomQuestionService custom, CancellationToken ct) =>
        (await custom.AddAsync(request, ct)).ToResult(added => TypedResults.Created($"/api/v1/questions/custom/{added.Id}", added));

    private static async Task<Results<NoContent, NotFound>> RemoveCustom(Guid id, CustomQuestionService custom, CancellationToken ct) =>
        await custom.RemoveAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<DepthView>, ProblemHttpResult, ValidationProblem>> SetDepth(
        DepthRequest request, DepthLadder ladder, CancellationToken ct) =>
        (await ladder.SetMineAsync(request.MaxDepth, ct)).ToResult(TypedResults.Ok);
}
