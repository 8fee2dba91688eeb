using Attune.Features.Sessions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Attune.Hosting;

/// <summary>
/// Cookie settings shared by sign-in and antiforgery. Outside Development every cookie is
/// __Host- prefixed and Secure (browsers treat http://localhost as secure, so a local run works;
/// plain HTTP from elsewhere is refused by <see cref="PlainHttp"/>).
/// In Development the prefix is dropped, because browsers reject a __Host- cookie without Secure.
/// </summary>
internal static class AuthCookies
{
    public static IServiceCollection AddAuthCookies(this IServiceCollection services)
    {
        // Configured through options so the final environment (including a test host's) decides, and after
        // everything else (PostConfigure): Identity's own set-up replaces the cookie events and paths, and
        // must never undo the session check, whichever order the features are added in.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<IHostEnvironment>(Configure);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme)
            .PostConfigure<IHostEnvironment>((o, env) => Apply(o.Cookie, env, "2fa"));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme)
            .PostConfigure<IHostEnvironment>((o, env) => Apply(o.Cookie, env, "2fa-remember"));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme)
            .PostConfigure<IHostEnvironment>((o, env) => Apply(o.Cookie, env, "ext"));
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure<IHostEnvironment>((o, env) =>
        {
            Apply(o.Cookie, env, "af");
            // Antiforgery throws on plain HTTP (http://localhost too) when its policy is Always; PlainHttp's cookie policy makes it Secure.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        return services;
    }

    private static void Configure(CookieAuthenticationOptions options, IHostEnvironment environment)
    {
        Apply(options.Cookie, environment, "auth");
        options.LoginPath = "/signin";
        options.LogoutPath = "/signout";
        options.AccessDeniedPath = "/signin";
        options.ExpireTimeSpan = TimeSpan.FromDays(14);
        options.SlidingExpiration = true;

        // Identity's security-stamp check first, then the session check that makes revocation immediate.
        var stampCheck = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            await stampCheck(context);
            await SessionValidation.ValidateCookieAsync(context);
        };
    }

    private static void Apply(CookieBuilder cookie, IHostEnvironment environment, string name)
    {
        var development = environment.IsDevelopment();
        cookie.Name = development ? $"attune.{name}" : $"__Host-attune.{name}";
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Lax;
        cookie.Path = "/";
        cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    }
}
