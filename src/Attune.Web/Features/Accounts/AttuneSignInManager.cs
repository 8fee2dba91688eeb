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
    SessionProofs proofs,
    AuditLog audit,
    Registration registration,
    NobodysHash nobodys,
    Hosting.PublicUrls urls)
    : SignInManager<AttuneUser>(users, contextAccessor, claimsFactory, options, logger, schemes, confirmation)
{
    /// <summary>Set while a cookie is re-issued after a change: that proves nothing about who holds the device.</summary>
    private bool _refreshing;

    public override async Task SignInWithClaimsAsync(AttuneUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var continuing = ContinuingBrowserSession(user);
        if (continuing is { } signedInAgain && !_refreshing)
        {
            // Signing in again on a signed-in browser proves who holds it, as a first sign-in does.
            await proofs.ProvedAsync(signedInAgain);
        }

        var sessionId = continuing
                        ?? await sessions.StartAsync(user.Id, AuthenticationScheme == IdentityConstants.BearerScheme ? SessionKind.App : SessionKind.Browser,
                            Context.Request.Headers.UserAgent);
        var claims = additionalClaims.Append(new Claim(SessionValidation.ClaimType, sessionId.ToString()));
        await base.SignInWithClaimsAsync(user, authenticationProperties,
            AuthenticationScheme == IdentityConstants.BearerScheme ? claims.Append(RefreshTokens.Claim(0)) : claims);
    }

    public override async Task RefreshSignInAsync(AttuneUser user)
    {
        _refreshing = true;
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            _refreshing = false;
        }
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }

        SameAnswer.SpendHash(UserManager, nobodys, null, password);
        await audit.RecordAsync(AuditKind.SignInFailed, null);
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> PasswordSignInAsync(AttuneUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.IsLockedOutAsync(user))
        {
            // Identity answers a paused account without checking the password; take as long as a check would.
            SameAnswer.SpendHash(UserManager, nobodys, user, password);
            if (Options.SignIn.RequireConfirmedEmail && !user.EmailConfirmed)
            {
                // Identity would say "not allowed" before "locked out", telling that the address registered.
                await RecordAsync(SignInResult.LockedOut, user.Id, AuditKind.SignInFailed);
                return SignInResult.LockedOut;
            }
        }
        else if (Options.SignIn.RequireConfirmedEmail && !user.EmailConfirmed)
        {
            return await UnconfirmedAsync(user, password, lockoutOnFailure);
        }

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

    /// <summary>
    /// Identity answers an unconfirmed account "not allowed" without checking the password, which would tell anyone
    /// that the address registered. So the password is checked first: a wrong one is any failure (and counts towards
    /// the pause); only the right one learns that the address waits for its link, and a new link is sent.
    /// </summary>
    private async Task<SignInResult> UnconfirmedAsync(AttuneUser user, string password, bool lockoutOnFailure)
    {
        if (!await UserManager.CheckPasswordAsync(user, password))
        {
            if (lockoutOnFailure)
            {
                await UserManager.AccessFailedAsync(user);
            }

            await audit.RecordAsync(AuditKind.SignInFailed, user.Id);
            return SignInResult.Failed;
        }

        if (urls.BaseFor(Context.Request) is { } site)
        {
            await registration.SendLinkAgainAsync(user, site, Context.RequestAborted);
        }

        return SignInResult.NotAllowed;
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
