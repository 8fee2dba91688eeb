using Attune.Features.Sessions;
using Attune.Hosting;
using Microsoft.AspNetCore.Localization;

namespace Attune.Features.Accounts;

/// <summary>
/// The language a person chose in their profile, ahead of the browser's Accept-Language. It is read
/// with the session check every signed-in request already makes (<see cref="SessionValidation"/>, and
/// <see cref="SessionCache"/> between checks), so it costs no query of its own; saving the profile
/// forgets the cached session, so the next request speaks the new language.
/// </summary>
internal sealed class SavedLanguage : RequestCultureProvider
{
    public const int MaxLength = 8;

    /// <summary>null or empty follows the browser; otherwise a supported culture ("de-AT" is not one: choose "de").</summary>
    public static bool TryNormalise(string? value, out string? language)
    {
        language = string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
        return language is null || Localization.SupportedCultures.Contains(language);
    }

    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        httpContext.User.Identity?.IsAuthenticated == true
        && await SessionValidation.ResolveAsync(httpContext, httpContext.User) is { Language: { } language }
            ? new ProviderCultureResult(language)
            : null;
}
