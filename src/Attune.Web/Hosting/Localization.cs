using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Attune.Hosting;

/// <summary>
/// The languages Attune speaks and how a request picks one. English is the source language and the
/// fallback for anything not yet translated; dates and numbers follow the request's culture.
/// </summary>
internal static class Localization
{
    public const string DefaultCulture = "en";

    public static readonly IReadOnlyList<string> SupportedCultures = [DefaultCulture, "de"];

    public static IServiceCollection AddAttuneLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        // Each feature keeps its words in XxxText.resx (English) and XxxText.de.resx next to a marker class
        // XxxText; views and services take IStringLocalizer<XxxText>. A key missing everywhere is noticed.
        services.AddSingleton<MissingText>();
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, TrackedLocalizerFactory>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = SupportedCultures.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // "de-AT" or "de-CH" from a browser still gets German rather than the default.
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Only the browser's Accept-Language for now: no query string or cookie, so a link cannot switch
            // someone's language. The saved language from the profile goes first here once it exists
            // (a provider inserted at index 0 that reads the signed-in person's setting).
            o.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>
    /// Page models' <c>[Display(Name = "key")]</c> and <c>ErrorMessage = "key"</c> are keys in their feature's
    /// text: a model in <c>Attune.Features.Accounts</c> reads <c>AccountsText</c>.
    /// </summary>
    public static IStringLocalizer ForModel(Type model, IStringLocalizerFactory factory)
    {
        var feature = model.Namespace?.Split('.')[^1];
        var text = feature is null ? null : model.Assembly.GetType($"{model.Namespace}.{feature}Text");
        return factory.Create(text ?? typeof(HostingText));
    }

    /// <summary>After authentication, so that a provider reading the person's saved language can see who it is.</summary>
    public static IApplicationBuilder UseAttuneLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();
}
