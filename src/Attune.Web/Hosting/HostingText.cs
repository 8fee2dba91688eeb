using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Attune.Hosting;

/// <summary>
/// The words the pipeline itself says (<c>HostingText.resx</c>, <c>HostingText.de.resx</c>): the title of
/// every validation problem, "Not in a couple", too many attempts, and the answers to a server fault.
/// </summary>
internal sealed class HostingText
{
    /// <summary>
    /// The pipeline's words for this request. An exception handler runs outside the localization
    /// middleware's culture, so the request's culture is restored from the feature it left behind.
    /// </summary>
    public static IStringLocalizer<HostingText> For(HttpContext http)
    {
        if (http.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } chosen)
        {
            CultureInfo.CurrentCulture = chosen.Culture;
            CultureInfo.CurrentUICulture = chosen.UICulture;
        }

        return http.RequestServices.GetRequiredService<IStringLocalizer<HostingText>>();
    }

    /// <summary>Every validation problem (400 with field errors) says "Please check your input" in the request's language.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is HttpValidationProblemDetails problem && problem.Title is null or "One or more validation errors occurred.")
        {
            problem.Title = For(context.HttpContext)["problem.invalid"];
        }
    }
}
