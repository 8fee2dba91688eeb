using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.CheckIns;

internal static class CheckInEndpoints
{
    public static IServiceCollection AddCheckIns(this IServiceCollection services)
    {
        services.AddScoped<CheckInPrivacy>();
        services.AddScoped<CheckInValidation>();
        services.AddScoped<CheckInService>();
        services.AddScoped<Calendar.ICalendarSource, CheckInCalendarSource>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.RequireCouple("/CheckIns"));
        // Only once both have checked in: nothing on Today ever asks a partner to check in.
        services.AddTodayCard("checkin-conversation", 30, Audience.Couples, "/Features/CheckIns/_ConversationCard.cshtml",
            async (CheckInService checkIns, CancellationToken ct) => await checkIns.GetCurrentAsync(ct) is { Revealed: true, ConversationDoneAt: null } week ? week : null);
        services.AddNavEntry<CheckInsText>(Destination.CheckIn, 10, "nav.week", "pulse", "/check-in/week", Audience.Couples);
        return services;
    }

    public static RouteGroupBuilder MapCheckIns(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/checkins").WithTags("Check-ins").RequireAuthorization().RequireCouple();
        group.MapGet("/current", GetCurrent);
        group.MapPut("/current", SaveDraft);
        group.MapPost("/current/submit", Submit);
        group.MapPut("/day", SetDay);
        group.MapPost("/{week}/conversation-done", MarkDone);
        group.MapGet("", List).WithMetadata(new StatementBudgetAttribute(8, "The couple's zone, check-in day and latest week to find the current week, then the page of weeks (measured 7)."));
        return group;
    }

    private static async Task<Ok<CheckInWeekView>> GetCurrent(CheckInService checkIns, CancellationToken ct) =>
        TypedResults.Ok(await checkIns.GetCurrentAsync(ct));

    private static async Task<Results<Ok<CheckInWeekView>, ProblemHttpResult, ValidationProblem>> SaveDraft(
        CheckInRequest request, CheckInService checkIns, CancellationToken ct) =>
        (await checkIns.SaveAsync(request, submit: false, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<CheckInWeekView>, ProblemHttpResult, ValidationProblem>> Submit(
        [FromBody] CheckInRequest? request, CheckInService checkIns, CancellationToken ct) =>
        (await checkIns.SaveAsync(request, submit: true, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<CheckInWeekView>, ProblemHttpResult, ValidationProblem>> SetDay(
        CheckInDayRequest request, CheckInService checkIns, CancellationToken ct) =>
        (await checkIns.SetDayAsync(request.Day, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<CheckInWeekView>, ProblemHttpResult, ValidationProblem>> MarkDone(
        string week, CheckInService checkIns, CancellationToken ct) =>
        (await checkIns.MarkDoneAsync(week, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<CheckInListResponse>, ProblemHttpResult, ValidationProblem>> List(
        int? limit, DateOnly? before, CheckInService checkIns, CancellationToken ct) =>
        (await checkIns.ListAsync(limit, before, ct)).ToResult(TypedResults.Ok);
}
