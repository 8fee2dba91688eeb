using System.Security.Cryptography;
using Microsoft.AspNetCore.Diagnostics;

namespace Attune.Hosting;

/// <summary>
/// A sealed value that does not open (altered, copied from another row, or its key destroyed, e.g. by an
/// account deletion that stopped half-way) fails its request closed: nothing of it is shown, and the
/// request does not go on as if the value were absent. An API caller gets a 500 ProblemDetails that says
/// so; a page gets the error page. The log line names the path, never content.
/// </summary>
internal sealed partial class SealedValueFailures(ILogger<SealedValueFailures> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed Request.Path at the error page; the feature keeps the original.
        var path = new PathString(httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path);
        if (exception is not CryptographicException || !path.StartsWithSegments("/api"))
        {
            return false;
        }

        LogUnreadable(logger, path);
        var words = HostingText.For(httpContext);
        await TypedResults.Problem(
            title: words["problem.sealed.title"],
            detail: words["problem.sealed.detail"],
            statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(EventId = 9100, Level = LogLevel.Warning, Message = "A sealed value could not be opened on {Path}: it was altered, moved from another row, or its key was destroyed.")]
    private static partial void LogUnreadable(ILogger logger, PathString path);
}
