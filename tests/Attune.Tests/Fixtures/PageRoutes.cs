using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Fixtures;

/// <summary>Every Razor page of the app, read from its own endpoint list, so a page added later is in every check built on it.</summary>
public static partial class PageRoutes
{
    /// <summary>The paths, with optional route values left out (the app has no page with a required one).</summary>
    public static List<string> Of(AttuneApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.OfType<PageActionDescriptor>().Any())
            .Select(e => "/" + OptionalValue().Replace(e.RoutePattern.RawText ?? "", "").Trim('/'))
            .Distinct()
            .Order()];

    [GeneratedRegex(@"/?\{[^}]*\?\}")]
    private static partial Regex OptionalValue();
}
