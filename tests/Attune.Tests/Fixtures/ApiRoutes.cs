using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Fixtures;

/// <summary>
/// One /api/v1 route (one method of one pattern) and the inputs its handler binds: route values,
/// query parameters and the JSON body's fields (camelCase, as the app's JSON options write them).
/// </summary>
public sealed record ApiRoute(string Method, string Pattern, IReadOnlyList<string> RouteValues, IReadOnlyList<string> Query, IReadOnlyList<string>? BodyFields)
{
    /// <summary>"METHOD /pattern" with route constraints, as the endpoint list names it.</summary>
    public string Name => $"{Method} {Pattern}";

    /// <summary>The pattern as OpenAPI writes it: "{id:guid}" becomes "{id}".</summary>
    public string OpenApiPath => System.Text.RegularExpressions.Regex.Replace(Pattern, @"\{([^}:=?]+)[^}]*\}", "{$1}");

    public bool TakesInput => RouteValues.Count > 0 || Query.Count > 0 || BodyFields is not null;

    public override string ToString() => Name;
}

/// <summary>
/// Every /api/v1 route, read from the app's own <see cref="EndpointDataSource"/> (as
/// IsolationMatrixTests does), so a route the app gains is in every check built on this list.
/// </summary>
public static class ApiRoutes
{
    private static readonly HashSet<Type> FrameworkTypes =
        [typeof(CancellationToken), typeof(HttpContext), typeof(HttpRequest), typeof(HttpResponse), typeof(ClaimsPrincipal)];

    public static IReadOnlyList<ApiRoute> Of(AttuneApp app)
    {
        var isService = app.Services.GetRequiredService<IServiceProviderIsService>();
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => Describe(e, method, isService)))
            .DistinctBy(r => r.Name)
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();
    }

    private static ApiRoute Describe(RouteEndpoint endpoint, string method, IServiceProviderIsService isService)
    {
        var pattern = endpoint.RoutePattern.RawText!.TrimEnd('/');
        var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
        var body = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var handler = endpoint.Metadata.GetMetadata<MethodInfo>()
                      ?? throw new InvalidOperationException($"{method} {pattern} has no handler method in its metadata");
        var query = new List<string>();
        foreach (var parameter in handler.GetParameters())
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (routeValues.Contains(parameter.Name!, StringComparer.OrdinalIgnoreCase) || type == body
                || FrameworkTypes.Contains(type) || isService.IsService(parameter.ParameterType))
            {
                continue;
            }

            // Minimal APIs bind the remaining simple types (string, or anything with TryParse) from the query string.
            if (type == typeof(string) || type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]) is not null)
            {
                query.Add(parameter.Name!);
                continue;
            }

            // A new kind of input (a form, a header, [AsParameters]) needs generators before the property can cover it.
            throw new InvalidOperationException($"{method} {pattern}: cannot tell how parameter {parameter.Name} ({type.Name}) is bound");
        }

        var fields = body?.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList();
        return new ApiRoute(method, pattern, routeValues, query, fields);
    }
}
