using Attune.Data;
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
    public static IServiceCollection AddPasskeys(this IServiceCollection services) => services.AddScoped<PasskeyService>();

    public static RouteGroupBuilder MapPasskeys(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/v1/me/passkeys").WithTags("Passkeys").RequireAuthorization().RequireRateLimiting(RateLimits.Auth);
        mine.MapGet("/", List);
        mine.MapPost("/options", CreationOptions).HashesPassword();
        mine.MapPost("/", Add).HashesPassword();
        mine.MapDelete("/{id}", Remove).HashesPassword();

        var signIn = app.MapGroup("/api/v1/auth/passkey").WithTags("Auth").RequireRateLimiting(RateLimits.Auth);
        signIn.MapPost("/options", RequestOptions);
        signIn.MapPost("/", SignIn);
        return mine;
    }

    private static async Task<Ok<List<PasskeyView>>> List(PasskeyService passkeys, Caller caller) =>
        TypedResults.Ok(await passkeys.ListAsync(caller.UserId));

    /// <summary>The body (with "password") is optional: a recent sign-in on this device is enough.</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult, ValidationProblem>> CreationOptions(
        PasswordRequest? request, PasskeyService passkeys, RecentSignIn recent, Caller caller)
    {
        var confirmed = await recent.ConfirmAsync(caller, request?.Password);
        Outcome<string> options = confirmed.Failure is { } refused ? refused : await passkeys.CreationOptionsAsync(caller.UserId);
        return options.ToResult(json => TypedResults.Text(json, "application/json"));
    }

    private static async Task<Results<Created, ProblemHttpResult, ValidationProblem>> Add(
        AddPasskeyRequest request, PasskeyService passkeys, RecentSignIn recent, Caller caller)
    {
        var confirmed = await recent.ConfirmAsync(caller, request.Password);
        var added = confirmed.Succeeded ? await passkeys.AddAsync(caller.UserId, request) : confirmed;
        return added.ToResult(() => TypedResults.Created("/api/v1/me/passkeys"));
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Remove(
        string id, [FromBody] PasswordRequest? request, PasskeyService passkeys, RecentSignIn recent, Caller caller, IStringLocalizer<PasskeysText> t)
    {
        var confirmed = await recent.ConfirmAsync(caller, request?.Password);
        var removed = !confirmed.Succeeded ? confirmed
            : await passkeys.RemoveAsync(caller.UserId, id) ? Outcome.Done
            : Failure.NotFound(t["passkey.none.title"], t["passkey.none.detail"]);
        return removed.ToResult();
    }

    /// <summary>Options for navigator.credentials.get(): any passkey of this site (discoverable credentials).</summary>
    private static async Task<ContentHttpResult> RequestOptions(SignInManager<AttuneUser> signIn) =>
        TypedResults.Text(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    /// <summary>Bearer tokens by default; ?useCookies=true signs a browser in with the cookie instead.</summary>
    private static async Task<Results<Ok<AccessTokenResponse>, EmptyHttpResult, ProblemHttpResult, ValidationProblem>> SignIn(
        PasskeySignInRequest request, bool? useCookies, SignInManager<AttuneUser> signIn, IStringLocalizer<PasskeysText> t)
    {
        if (string.IsNullOrWhiteSpace(request.Credential))
        {
            return Problems.Field("credential", t["passkey.missing"]);
        }

        if (!await PasskeyCeremony.IsUnderwayAsync(signIn.Context, PasskeyCeremony.Assertion))
        {
            return Problems.Field("credential", t["passkey.signin.stale"]);
        }

        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasskeySignInAsync(request.Credential);
        return result.Succeeded ? TypedResults.Empty : TypedResults.Problem(result.ToString(), statusCode: StatusCodes.Status401Unauthorized);
    }
}
