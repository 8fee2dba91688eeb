using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Attune.Hosting;

/// <summary>
/// What people see when the server fails. The API answers 500 ProblemDetails; pages get the friendly
/// error page (Home/Error, which takes any method and checks no antiforgery token, so a fault in a form
/// post is not turned into a "400 Bad Request" that blames the visitor). Both show the trace id, and
/// each fault is logged once, with that trace id, so a person's report can be found in the log.
/// </summary>
internal static class ErrorHandling
{
    public const string ErrorPage = "/error";

    public static IServiceCollection AddErrorHandling(this IServiceCollection services) =>
        services.AddExceptionHandler<ServerFaults>();

    public static IApplicationBuilder UseErrorHandling(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = ErrorPage,
            // ServerFaults has logged the fault already, with the trace id; the middleware's line would be a second one.
            SuppressDiagnosticsCallback = _ => true,
        });

    /// <summary>The id that ProblemDetails carry as traceId, also shown on the error page and written to the log.</summary>
    public static string TraceId(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;
}

/// <summary>Logs every unhandled exception once; answers API requests itself and leaves pages to the error page.</summary>
internal sealed partial class ServerFaults(IProblemDetailsService problems, ILogger<ServerFaults> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var failed = context.Features.Get<IExceptionHandlerPathFeature>();
        // The route pattern, not the path: paths can hold invitation codes, which never go to the log.
        var route = (failed?.Endpoint as RouteEndpoint)?.RoutePattern.RawText ?? failed?.Endpoint?.DisplayName ?? "(no endpoint)";
        LogFault(logger, exception, context.Request.Method, route, ErrorHandling.TraceId(context));

        if (failed?.Path is not { } path || !path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        var words = HostingText.For(context);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = words["problem.fault.title"],
                Detail = words["problem.fault.detail"],
            },
        });
    }

    [LoggerMessage(LogLevel.Error, "Unhandled exception in {Method} {Route} (trace id {TraceId})")]
    private static partial void LogFault(ILogger logger, Exception exception, string method, string route, string traceId);
}
