using Attune.Data;
using Attune.Features.Accounts;
using Attune.Features.Security;
using Attune.Hosting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Attune.Features.Passkeys;

internal sealed record PasskeySignInRequest(string? Credential);

/// <summary>
/// Passkeys: managing my own (/api/v1/me/passkeys) and signing in with one (/api/v1/auth/passkey).
/// Each ceremony is two calls: options, then the credential; Identity keeps the challenge in between
/// in a short-lived cookie, so both calls must come from the same client. Adding and removing one
/// needs the password (field "password") or a recent sign-in on this device (RecentSignIn).
/// </summary>
internal static class PasskeyEndpoints
{
    public static RouteGroupBuilder MapPasskeys(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/v1/me/passkeys").WithTags("Passkeys").RequireAuthorization().RequireRateLimiting(RateLimits.Auth);
        mine.MapGet("/", List);
        mine.MapPost("/options", CreationOptions).WithMetadata(new HashesPasswordAttribute());
        mine.MapPost("/", Add).WithMetadata(new HashesPasswordAttribute());
        mine.MapDelete("/{id}", Remove).WithMetadata(new HashesPasswordAttribute());

        var signIn = app.MapGroup("/api/v1/auth/passkey").WithTags("Auth").RequireRateLimiting(RateLimits.Auth);
        signIn.MapPost("/options", RequestOptions);
        signIn.MapPost("/", SignIn);
        return mine;
    }

    private static async Task<Ok<List<PasskeyView>>> List(PasskeyService passkeys, CurrentCouple current) =>
        TypedResults.Ok(await passkeys.ListAsync(current.UserId!.Value));

    /// <summary>The body (with "password") is optional: a recent sign-in on this device is enough.</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> CreationOptions(
        PasswordRequest? request, PasskeyService passkeys, RecentSignIn recent, CurrentCouple current) =>
        await recent.CheckAsync(current.UserId!.Value, request?.Password) is var confirmed and not Confirmation.Confirmed
            ? confirmed.Problem()
            : TypedResults.Text(await passkeys.CreationOptionsAsync(current.UserId!.Value), "application/json");

    private static async Task<Results<Created, ValidationProblem, ProblemHttpResult>> Add(
        AddPasskeyRequest request, PasskeyService passkeys, RecentSignIn recent, CurrentCouple current)
    {
        if (await recent.CheckAsync(current.UserId!.Value, request.Password) is var confirmed and not Confirmation.Confirmed)
        {
            return confirmed.Problem();
        }

        return await passkeys.AddAsync(current.UserId!.Value, request) is { } error
            ? Problems.Field("credential", error)
            : TypedResults.Created("/api/v1/me/passkeys");
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Remove(
        string id, [FromBody] PasswordRequest? request, PasskeyService passkeys, RecentSignIn recent, CurrentCouple current) =>
        await recent.CheckAsync(current.UserId!.Value, request?.Password) is var confirmed and not Confirmation.Confirmed
            ? confirmed.Problem()
            : await passkeys.RemoveAsync(current.UserId!.Value, id) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Options for navigator.credentials.get(): any passkey of this site (discoverable credentials).</summary>
    private static async Task<ContentHttpResult> RequestOptions(SignInManager<AttuneUser> signIn) =>
        TypedResults.Text(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    /// <summary>Bearer tokens by default; ?useCookies=true signs a browser in with the cookie instead.</summary>
    private static async Task<Results<Ok<AccessTokenResponse>, EmptyHttpResult, ProblemHttpResult, ValidationProblem>> SignIn(
        PasskeySignInRequest request, bool? useCookies, SignInManager<AttuneUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(request.Credential))
        {
            return Problems.Field("credential", "The passkey did not arrive. Please try again.");
        }

        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasskeySignInAsync(request.Credential);
        return result.Succeeded ? TypedResults.Empty : TypedResults.Problem(result.ToString(), statusCode: StatusCodes.Status401Unauthorized);
    }
}
