using Attune.Data;
using System.Security.Claims;
using Attune.Features.Audit;
using Attune.Features.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Attune.Features.Accounts;

/// <summary>
/// Identity's sign-in, plus the two things Attune adds to every sign-in: a session row that the owner
/// can see and revoke, named in the cookie or token; and a security event for each outcome.
/// </summary>
internal sealed class AttuneSignInManager(
    UserManager<AttuneUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AttuneUser> claimsFactory,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<AttuneUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AttuneUser> confirmation,
    SessionService sessions,
    AuditLog audit)
    : SignInManager<AttuneUser>(users, contextAccessor, claimsFactory, options, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(AttuneUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var sessionId = ContinuingBrowserSession(user)
                        ?? await sessions.StartAsync(user.Id, AuthenticationScheme == IdentityConstants.BearerScheme ? SessionKind.App : SessionKind.Browser,
                            Context.Request.Headers.UserAgent);
        await base.SignInWithClaimsAsync(user, authenticationProperties,
            additionalClaims.Append(new Claim(SessionValidation.ClaimType, sessionId.ToString())));
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }

        await audit.RecordAsync(AuditKind.SignInFailed, null);
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> PasswordSignInAsync(AttuneUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await RecordAsync(result, user.Id, AuditKind.SignInFailed);
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        await RecordAsync(result, user?.Id, AuditKind.SecondStepFailed);
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        await RecordAsync(result, user?.Id, AuditKind.SecondStepFailed);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditKind.RecoveryCodeUsed, user?.Id);
        }

        return result;
    }

    public override async Task<SignInResult> PasskeySignInAsync(string credentialJson)
    {
        var result = await base.PasskeySignInAsync(credentialJson);
        var user = result.Succeeded && Guid.TryParse(Context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        await RecordAsync(result, user, AuditKind.SignInFailed);
        return result;
    }

    /// <summary>Refreshing a browser's sign-in (after a password change) keeps that browser's session.</summary>
    private Guid? ContinuingBrowserSession(AttuneUser user) =>
        AuthenticationScheme == IdentityConstants.ApplicationScheme
        && Context.User.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id.ToString()
            ? Context.User.SessionId()
            : null;

    private Task RecordAsync(SignInResult result, Guid? userId, AuditKind failure) => result switch
    {
        { Succeeded: true } => audit.RecordAsync(AuditKind.SignedIn, userId),
        { IsLockedOut: true } => audit.RecordAsync(AuditKind.LockedOut, userId),
        { RequiresTwoFactor: true } => Task.CompletedTask,
        _ => audit.RecordAsync(failure, userId),
    };
}
