using Attune.Features.Shell;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Couples;

internal static class CoupleEndpoints
{
    public static IServiceCollection AddCouples(this IServiceCollection services)
    {
        services.AddScoped<CoupleService>();
        services.AddScoped<CoupleCards>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AllowAnonymousToPage("/Couples/Join"));
        services.AddTodayCard("next-step", 0, Audience.Singles, "/Features/Couples/_NextStepCard.cshtml",
            (CoupleCards cards, CancellationToken ct) => cards.NextStepAsync(ct));
        services.AddTodayCard("couple", 0, Audience.Couples, "/Features/Couples/_CoupleCard.cshtml",
            (CoupleCards cards, CancellationToken ct) => cards.CoupleAsync(ct));
        services.AddNavEntry<CouplesText>(Destination.Me, 20, "nav.couple.single", "link", "/couple", Audience.Singles);
        services.AddNavEntry<CouplesText>(Destination.Me, 20, "nav.couple", "link", "/couple", Audience.Couples);
        return services;
    }

    public static RouteGroupBuilder MapCouples(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/couple").WithTags("Couple").RequireAuthorization();
        group.MapGet("/", GetCouple);
        group.MapPut("/", UpdateCouple);
        group.MapPost("/invitations", CreateInvitation);
        group.MapGet("/invitations/open", GetOpenInvitation);
        group.MapPost("/join", Join).RequireRateLimiting(RateLimits.Auth);
        return group;
    }

    private static async Task<Results<Ok<CoupleResponse>, ProblemHttpResult, ValidationProblem>> GetCouple(
        CoupleService couples, CancellationToken ct) =>
        (await couples.GetAsync(ct) is { } couple ? couple : (Outcome<CoupleResponse>)couples.NoCouple).ToResult(TypedResults.Ok);

    private static async Task<Results<Ok<CoupleResponse>, ProblemHttpResult, ValidationProblem>> UpdateCouple(
        CoupleUpdateRequest request, CoupleService couples, CancellationToken ct) =>
        (await couples.SetTimeZoneAsync(request.TimeZone, ct)).ToResult(TypedResults.Ok);

    private static async Task<Results<Created<InvitationResponse>, ProblemHttpResult, ValidationProblem>> CreateInvitation(
        HttpRequest request, CoupleService couples, PublicUrls urls, CancellationToken ct) =>
        urls.BaseFor(request) is not { } baseUrl
            ? PublicUrls.Unknown()
            : (await couples.CreateInvitationAsync(baseUrl, ct))
            .ToResult(invitation => TypedResults.Created("/api/v1/couple/invitations/open", invitation));

    private static async Task<Results<Ok<InvitationResponse>, NotFound, ProblemHttpResult>> GetOpenInvitation(
        HttpRequest request, CoupleService couples, PublicUrls urls, CancellationToken ct) =>
        urls.BaseFor(request) is not { } baseUrl ? PublicUrls.Unknown()
        : await couples.GetOpenInvitationAsync(baseUrl, ct) is { } invitation ? TypedResults.Ok(invitation)
        : TypedResults.NotFound();

    private static async Task<Results<Ok<JoinResponse>, ProblemHttpResult, ValidationProblem>> Join(
        JoinRequest request, CoupleService couples, CancellationToken ct) =>
        (await couples.JoinAsync(request.Code, ct)).ToResult(TypedResults.Ok);
}
