using Attune.Data;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Features.Questions;

internal sealed record DepthRequest(int? MaxDepth);

internal static class QuestionEndpoints
{
    public static RouteGroupBuilder MapQuestions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Questions").RequireAuthorization();
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

    private static async Task<Results<Ok<TodayResponse>, ProblemHttpResult>> GetToday(TodayService today, CancellationToken ct) =>
        await today.GetAsync(ct) is { } response ? TypedResults.Ok(response) : Problems.NotInCouple();

    private static async Task<Results<Ok<TodayResponse>, ValidationProblem, ProblemHttpResult>> Answer(
        AnswerRequest request, TodayService today, CancellationToken ct)
    {
        var text = request.Text?.Trim() ?? "";
        if (text.Length is 0 or > QuestionsOptions.MaxAnswerLength)
        {
            return Problems.Field("text", text.Length == 0
                ? "Please write your answer before saving."
                : $"Please keep your answer to {QuestionsOptions.MaxAnswerLength} characters or fewer.");
        }

        var (response, failure) = await today.AnswerAsync(text, ct);
        return failure switch
        {
            null => TypedResults.Ok(response!),
            TodayFailure.AlreadyRevealed => Problems.Conflict("Answers are final", "Both of you have answered, so today's answers can no longer change."),
            _ => Problems.NotInCouple(),
        };
    }

    private static async Task<Results<Ok<TodayResponse>, ValidationProblem, ProblemHttpResult>> React(
        ReactionRequest request, TodayService today, CancellationToken ct)
    {
        if (!ReactionKinds.TryParse(request.Kind, out var kind))
        {
            return Problems.Field("kind", "Please choose a reaction: thank-you, tell-me-more, heart, me-too or hug.");
        }

        var reply = request.Text?.Trim();
        if (reply?.Length > QuestionsOptions.MaxReplyLength)
        {
            return Problems.Field("text", $"Please keep your reply to {QuestionsOptions.MaxReplyLength} characters or fewer.");
        }

        var (response, failure) = await today.ReactAsync(kind, reply, ct);
        return failure switch
        {
            null => TypedResults.Ok(response!),
            TodayFailure.NotRevealedYet => Problems.Conflict("Not revealed yet", "You can react once you have both answered."),
            _ => Problems.NotInCouple(),
        };
    }

    private static async Task<Results<Ok<HistoryResponse>, ValidationProblem, ProblemHttpResult>> History(
        string? category, DateOnly? before, int? limit, HistoryService history, CurrentCouple current, CancellationToken ct)
    {
        if (!current.IsInCouple)
        {
            return Problems.NotInCouple();
        }

        QuestionCategory? parsed = null;
        if (!string.IsNullOrEmpty(category))
        {
            if (!QuestionCategories.TryParse(category, out var c))
            {
                return Problems.Field("category", "Unknown category. Use inner-world, values, relationship, everyday or fun.");
            }

            parsed = c;
        }

        if (limit is < 1 or > HistoryService.MaxLimit)
        {
            return Problems.Field("limit", $"Please ask for 1 to {HistoryService.MaxLimit} days.");
        }

        return TypedResults.Ok(await history.GetAsync(parsed, before, limit ?? HistoryService.DefaultLimit, ct));
    }

    private static async Task<Results<Ok<List<CustomQuestionView>>, ProblemHttpResult>> ListCustom(
        CustomQuestionService custom, CurrentCouple current, CancellationToken ct) =>
        current.IsInCouple ? TypedResults.Ok(await custom.ListAsync(ct)) : Problems.NotInCouple();

    private static async Task<Results<Created<CustomQuestionView>, ValidationProblem, ProblemHttpResult>> AddCustom(
        CustomQuestionRequest request, CustomQuestionService custom, CurrentCouple current, CancellationToken ct)
    {
        if (!current.IsInCouple)
        {
            return Problems.NotInCouple();
        }

        var errors = CustomQuestionService.Validate(request, out var text, out var category);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var added = await custom.AddAsync(text, category, request.Depth!.Value, ct);
        return TypedResults.Created($"/api/v1/questions/custom/{added.Id}", added);
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RemoveCustom(
        Guid id, CustomQuestionService custom, CurrentCouple current, CancellationToken ct) =>
        !current.IsInCouple ? Problems.NotInCouple()
        : await custom.RemoveAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<DepthView>, ValidationProblem, ProblemHttpResult>> SetDepth(
        DepthRequest request, DepthLadder ladder, CurrentCouple current, CancellationToken ct)
    {
        if (request.MaxDepth is not (>= 1 and <= 3))
        {
            return Problems.Field("maxDepth", "Please choose 1 (light), 2 (personal) or 3 (vulnerable).");
        }

        return current.IsInCouple ? TypedResults.Ok(await ladder.SetMineAsync(request.MaxDepth.Value, ct)) : Problems.NotInCouple();
    }
}
