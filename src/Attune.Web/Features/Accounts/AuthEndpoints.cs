using Attune.Data;
using System.Security.Claims;
using Attune.Features.Sessions;
using Attune.Hosting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Attune.Features.Accounts;

internal sealed record RegisterRequest(string? Email, string? Password);

internal sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

internal sealed record RefreshRequest(string? RefreshToken);

internal sealed record ConfirmRequest(Guid? UserId, string? Token);

internal sealed record SendLinkRequest(string? Email);

/// <summary>Registration's one answer, whether the address was new or known.</summary>
internal sealed record CheckYourMail(string Status)
{
    public static readonly CheckYourMail Answer = new("check-your-mail");
}

/// <summary>
/// Registration, sign-in and token refresh: the shapes of Identity's own API endpoints, written out
/// so that every token names a revocable session and only the routes Attune supports exist.
/// </summary>
internal static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth").RequireRateLimiting(RateLimits.Auth);
        group.MapPost("/register", Register).HashesPassword();
        group.MapPost("/login", Login).HashesPassword();
        group.MapPost("/refresh", Refresh);
        group.MapPost("/confirm", Confirm);
        group.MapPost("/confirm/again", SendLinkAgain);
        return group;
    }

    /// <summary>
    /// 202 "check your mail" for a new and a known address alike (ADR 0006); only input that is wrong whoever owns
    /// the address (its syntax, the password's rules) gets field errors, and before the address is looked up.
    /// </summary>
    private static async Task<Results<Accepted<CheckYourMail>, ProblemHttpResult, ValidationProblem>> Register(
        RegisterRequest input, Registration registration, PublicUrls urls, HttpContext http, CancellationToken ct)
    {
        if (urls.BaseFor(http.Request) is not { } site)
        {
            return PublicUrls.Unknown();
        }

        return (await registration.RegisterAsync(new NewAccount(input.Email, input.Password), site, returnUrl: null, ct))
            .ToResult(_ => TypedResults.Accepted((string?)null, CheckYourMail.Answer));
    }

    /// <summary>The link's two parts (/confirm/{userId}/{token}); 204 once, then 404 like any unknown link.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Confirm(
        ConfirmRequest input, Registration registration, CancellationToken ct) =>
        (await registration.ConfirmAsync(input.UserId ?? Guid.Empty, input.Token, ct)).ToResult(_ => TypedResults.NoContent());

    /// <summary>Another link for an account that waits for one; the same 202 for any address.</summary>
    private static async Task<Results<Accepted<CheckYourMail>, ProblemHttpResult, ValidationProblem>> SendLinkAgain(
        SendLinkRequest input, Registration registration, PublicUrls urls, HttpContext http, CancellationToken ct)
    {
        if (urls.BaseFor(http.Request) is not { } site)
        {
            return PublicUrls.Unknown();
        }

        return (await registration.SendLinkAgainAsync(input.Email, site, ct)).ToResult(() => TypedResults.Accepted((string?)null, CheckYourMail.Answer));
    }

    /// <summary>Bearer tokens by default; ?useCookies=true signs a browser in with the cookie instead.</summary>
    private static async Task<Results<Ok<AccessTokenResponse>, EmptyHttpResult, ProblemHttpResult, ValidationProblem>> Login(
        LoginRequest input, bool? useCookies, SignInManager<AttuneUser> signIn, IStringLocalizer<AccountsText> t)
    {
        if (string.IsNullOrWhiteSpace(input.Email) || string.IsNullOrEmpty(input.Password))
        {
            return Problems.Field(string.IsNullOrWhiteSpace(input.Email) ? "email" : "password", t["signin.missing"]);
        }

        var cookies = useCookies == true;
        signIn.AuthenticationScheme = cookies ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(input.Email.Trim(), input.Password, isPersistent: cookies, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (!string.IsNullOrEmpty(input.TwoFactorCode))
            {
                result = await signIn.TwoFactorAuthenticatorSignInAsync(input.TwoFactorCode, cookies, rememberClient: false);
            }
            else if (!string.IsNullOrEmpty(input.TwoFactorRecoveryCode))
            {
                result = await signIn.TwoFactorRecoveryCodeSignInAsync(input.TwoFactorRecoveryCode.Trim());
            }
        }

        // Succeeded: the sign-in manager has already written the token response or the cookie.
        return result.Succeeded ? TypedResults.Empty : TypedResults.Problem(SameAnswer.Detail(result), statusCode: StatusCodes.Status401Unauthorized);
    }

    /// <summary>
    /// A refresh token works once, while its session lives: revoking the session ends the refresh chain too.
    /// A lockout does not stop it: the lockout is against guessing the password, and this session proved it.
    /// </summary>
    private static async Task<Results<SignInHttpResult, ChallengeHttpResult>> Refresh(
        RefreshRequest input, IOptionsMonitor<BearerTokenOptions> bearer, SignInManager<AttuneUser> signIn, RefreshTokens refreshTokens,
        TimeProvider time, CancellationToken ct)
    {
        var ticket = string.IsNullOrEmpty(input.RefreshToken)
            ? null
            : bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(input.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || ticket.Principal.SessionId() is not { } sessionId
            || await signIn.UserManager.FindByIdAsync(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "") is not { } user
            || !await signIn.CanSignInAsync(user)
            || await refreshTokens.SpendAsync(user.Id, sessionId, RefreshTokens.CountIn(ticket.Principal), ct) is not { } next)
        {
            return TypedResults.Challenge();
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaims([new Claim(SessionValidation.ClaimType, sessionId.ToString()), RefreshTokens.Claim(next)]);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
