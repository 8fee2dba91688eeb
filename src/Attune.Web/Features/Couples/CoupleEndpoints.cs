using System.Security.Claims;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attune.Features.Couples;

internal static class CoupleEndpoints
{
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

    private static async Task<Results<Ok<CoupleResponse>, ProblemHttpResult>> GetCouple(
        CoupleService couples, CancellationToken ct) =>
        await couples.GetAsync(ct) is { } couple
            ? TypedResults.Ok(couple)
            : Problems.NotFound("Not in a couple", "You have not joined a partner yet.");

    private static async Task<Results<Ok<CoupleResponse>, ValidationProblem, ProblemHttpResult>> UpdateCouple(
        CoupleUpdateRequest request, CoupleService couples, CancellationToken ct)
    {
        if (!Accounts.TimeZones.IsKnown(request.TimeZone))
        {
            return Problems.Field("timeZone", "Please choose a time zone from the list, such as Europe/Berlin.");
        }

        return await couples.SetTimeZoneAsync(request.TimeZone!, ct) is { } couple
            ? TypedResults.Ok(couple)
            : Problems.NotFound("Not in a couple", "You have not joined a partner yet.");
    }

    private static async Task<Results<Created<InvitationResponse>, ProblemHttpResult>> CreateInvitation(
        ClaimsPrincipal user, HttpRequest request, CoupleService couples, PublicUrls urls, CancellationToken ct)
    {
        if (urls.BaseFor(request) is not { } baseUrl)
        {
            return PublicUrls.Unknown();
        }

        return await couples.CreateInvitationAsync(user.RequireUserId(), baseUrl, ct) is { } invitation
            ? TypedResults.Created("/api/v1/couple/invitations/open", invitation)
            : Problems.Conflict("Already in a couple", "You are already paired with a partner.");
    }

    private static async Task<Results<Ok<InvitationResponse>, NotFound, ProblemHttpResult>> GetOpenInvitation(
        ClaimsPrincipal user, HttpRequest request, CoupleService couples, PublicUrls urls, CancellationToken ct)
    {
        if (urls.BaseFor(request) is not { } baseUrl)
        {
            return PublicUrls.Unknown();
        }

        return await couples.GetOpenInvitationAsync(user.RequireUserId(), baseUrl, ct) is { } invitation
            ? TypedResults.Ok(invitation)
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<JoinResponse>, ProblemHttpResult, ValidationProblem>> Join(
        JoinRequest request, ClaimsPrincipal user, CoupleService couples, CancellationToken ct)
    {
        var (joined, failure) = await couples.JoinAsync(user.RequireUserId(), request.Code, ct);
        return failure switch
        {
            null => TypedResults.Ok(joined!),
            JoinFailure.OwnInvitation => Problems.Field("code", "This is your own invitation. Share it with your partner instead."),
            JoinFailure.AlreadyInCouple => Problems.Conflict("Already in a couple", "You are already paired with a partner."),
            _ => Problems.NotFound("Invitation not found", "This code is unknown, already used or expired. Ask your partner for a new one."),
        };
    }
}
