using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.SafeHaven;

internal static class SafeHavenEndpoints
{
    public static IServiceCollection AddSafeHaven(this IServiceCollection services)
    {
        services.AddScoped<SupportPreferencesService>();
        services.AddScoped<SupportRequestService>();
        services.AddScoped<SafeHavenCards>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.RequireCouple("/SafeHaven"));
        // The partner's hard day comes first on Today, right after the greeting.
        services.AddTodayCard("hard-day-partner", 1, Audience.Couples, "/Features/SafeHaven/_PartnerHardDayCard.cshtml",
            (SafeHavenCards cards, CancellationToken ct) => cards.PartnerAsync(ct));
        services.AddTodayCard("hard-day-mine", 2, Audience.Couples, "/Features/SafeHaven/_MyHardDayCard.cshtml",
            (SafeHavenCards cards, CancellationToken ct) => cards.MineAsync(ct));
        services.AddNavEntry<SafeHavenText>(Destination.Together, 50, "nav.hardday", "lifebuoy", "/safe-haven", Audience.Couples);
        services.AddNavEntry<SafeHavenText>(Destination.Me, 25, "nav.preferences", "heart", "/me/support", Audience.Couples);
        return services;
    }

    public static RouteGroupBuilder MapSafeHaven(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Safe haven").RequireAuthorization().RequireCouple();
        group.MapGet("/me/support-preferences", GetPreferences);
        group.MapPut("/me/support-preferences", SetPreferences);
        group.MapPost("/support-requests", Signal);
        group.MapGet("/support-requests/active", Active);
        group.MapPost("/support-requests/{id:guid}/responses", Respond);
        group.MapPost("/support-requests/{id:guid}/close", Close);
        return group;
    }

    private static async Task<Ok<SupportPreferencesView>> GetPreferences(SupportPreferencesService preferences, CancellationToken ct) =>
        TypedResults.Ok(await preferences.GetMineAsync(ct));

    private static async Task<Results<Ok<SupportPreferencesView>, ProblemHttpResult, ValidationProblem>> SetPreferences(
        SupportPreferencesRequest request, SupportPreferencesService preferences, CancellationToken ct) =>
        (await preferences.SetMineAsync(request, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Created<MySignalView>, ProblemHttpResult, ValidationProblem>> Signal(
        SupportSignalRequest request, SupportRequestService signals, CancellationToken ct) =>
        (await signals.SignalAsync(request, ct)).ToResult(mine => TypedResults.Created("/api/v1/support-requests/active", mine));

    private static async Task<Ok<ActiveSignalsView>> Active(SupportRequestService signals, CancellationToken ct) =>
        TypedResults.Ok(await signals.ActiveAsync(ct));

    private static async Task<Results<Created<SupportResponseView>, ProblemHttpResult, ValidationProblem>> Respond(
        Guid id, SupportResponseRequest request, SupportRequestService signals, CancellationToken ct) =>
        (await signals.RespondAsync(id, request, ct)).ToResult(r => TypedResults.Created("/api/v1/support-requests/active", r));

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Close(
        Guid id, SupportRequestService signals, CancellationToken ct) =>
        (await signals.CloseAsync(id, ct)).ToResult();
}
