using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Attune.Hosting;

internal sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in, registration and joining attempts per client address per window.</summary>
    public int AuthPermitLimit { get; set; } = 10;

    public TimeSpan AuthWindow { get; set; } = TimeSpan.FromMinutes(1);
}

internal static class RateLimits
{
    /// <summary>Guards sign-in, registration and joining against guessing. Reading a page is not limited.</summary>
    public const string Auth = "auth";

    public static IServiceCollection AddAttuneRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.AuthPermitLimit > 0 && o.AuthWindow > TimeSpan.Zero, "RateLimits need a positive limit and window.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                await context.HttpContext.RequestServices.GetRequiredService<Features.Audit.AuditLog>().RecordAsync(
                    Features.Audit.AuditKind.RateLimited, context.HttpContext.RequestServices.GetRequiredService<Data.CallerScope>().Current?.UserId);
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                var words = HostingText.For(context.HttpContext);
                await TypedResults.Problem(
                        title: words["problem.ratelimit.title"],
                        detail: words["problem.ratelimit.detail"],
                        statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(context.HttpContext);
            };
            limiter.AddPolicy(Auth, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ =>
                    {
                        var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                        return new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = options.AuthPermitLimit,
                            Window = options.AuthWindow,
                            QueueLimit = 0,
                        };
                    }));
        });
        return services;
    }
}
