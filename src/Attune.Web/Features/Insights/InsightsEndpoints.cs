using Attune.Features.CheckIns;
using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Insights;

internal static class InsightsEndpoints
{
    public static IServiceCollection AddInsights(this IServiceCollection services)
    {
        services.AddScoped<InsightData>();
        services.AddScoped<NoticeService>();
        services.AddScoped<CounsellingService>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.RequireCouple("/Insights"));
        services.AddNavEntry<CheckInsText>(Destination.CheckIn, 20, "nav.trends", "pulse", "/check-in/trends", Audience.Couples);
        services.AddNavEntry<CheckInsText>(Destination.CheckIn, 30, "nav.counselling", "lifebuoy", "/check-in/counselling", Audience.Couples);
        services.AddTodayCard("insight-notices", 40, Audience.Couples, "/Features/Insights/_NoticeCard.cshtml",
            async (NoticeService notices, CancellationToken ct) => await notices.ActiveAsync(ct) is { Count: > 0 } active ? active : null);
        return services;
    }

    public static RouteGroupBuilder MapInsights(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/insights").WithTags("Insights").RequireAuthorization().RequireCouple();
        group.MapGet("/trends", GetTrends);
        group.MapGet("/notices", GetNotices);
        group.MapPost("/notices/{id}/dismiss", Dismiss);
        group.MapGet("/counsellor-consent", GetConsent);
        group.MapPut("/counsellor-consent", PutConsent);
        group.MapGet("/counsellor-summary", GetSummary);
        return group;
    }

    private static async Task<Ok<TrendsResponse>> GetTrends(InsightData data, CancellationToken ct) =>
        TypedResults.Ok(Trends.From(await data.LoadAsync(ct)));

    private static async Task<Ok<IReadOnlyList<NoticeView>>> GetNotices(NoticeService notices, CancellationToken ct) =>
        TypedResults.Ok(await notices.ActiveAsync(ct));

    private static async Task<Ok<ConsentView>> GetConsent(CounsellingService counselling, CancellationToken ct) =>
        TypedResults.Ok(await counselling.ConsentAsync(ct));

    private static async Task<Results<Ok<ConsentView>, ProblemHttpResult, ValidationProblem>> PutConsent(
        ConsentRequest? request, CounsellingService counselling, CancellationToken ct) =>
        (await counselling.SetConsentAsync(request?.Consent, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<CounsellorSummary>, ProblemHttpResult, ValidationProblem>> GetSummary(CounsellingService counselling, CancellationToken ct) =>
        (await counselling.SummaryAsync(ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Dismiss(string id, NoticeService notices, CancellationToken ct) =>
        (await notices.DismissAsync(id, ct)).ToResult();
}
