using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Attune.Hosting;

/// <summary>
/// Cookie settings shared by sign-in and antiforgery. Outside Development every cookie is
/// __Host- prefixed and Secure (browsers treat http://localhost as secure, so a local run works).
/// In Development the prefix is dropped, because browsers reject a __Host- cookie without Secure.
/// </summary>
internal static class AuthCookies
{
    public static void Configure(CookieAuthenticationOptions options, IHostEnvironment environment)
    {
        Apply(options.Cookie, environment, "auth");
        options.LoginPath = "/signin";
        options.LogoutPath = "/signout";
        options.AccessDeniedPath = "/signin";
        options.ExpireTimeSpan = TimeSpan.FromDays(14);
        options.SlidingExpiration = true;
    }

    public static void ConfigureSecondary(CookieAuthenticationOptions options, IHostEnvironment environment, string name) =>
        Apply(options.Cookie, environment, name);

    public static void ConfigureAntiforgery(AntiforgeryOptions options, IHostEnvironment environment)
    {
        Apply(options.Cookie, environment, "af");
        options.HeaderName = "X-CSRF-TOKEN";
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
