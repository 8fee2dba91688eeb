using System.Threading.RateLimiting;

namespace Attune.Hosting;

/// <summary>Marks an endpoint or page that hashes a password (sign-in, registration).</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class HashesPasswordAttribute : Attribute;

internal sealed class PasswordHashingOptions
{
    public const string Section = "PasswordHashing";

    /// <summary>
    /// How many requests may hash a password at once. PBKDF2 with 210,000 iterations costs tens of
    /// milliseconds of one core; unbounded, a sign-in flood would take every core from readers.
    /// </summary>
    public int MaxConcurrent { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>
    /// How many password hashes may start per second across the process. With ~0.1 s of CPU per hash,
    /// 4 per second keep a sign-in flood to a fraction of one core, so people reading their day are not
    /// starved. Raise it on a bigger machine.
    /// </summary>
    public int MaxPerSecond { get; set; } = 4;
}

/// <summary>Queues password-hashing requests asynchronously behind a semaphore (no thread is blocked while waiting).</summary>
internal static class PasswordHashingGate
{
    public static IApplicationBuilder UsePasswordHashingGate(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<PasswordHashingOptions>>().Value;
        var gate = new SemaphoreSlim(Math.Max(1, options.MaxConcurrent));
        var pace = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.MaxPerSecond),
            TokensPerPeriod = Math.Max(1, options.MaxPerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 10_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        return app.Use(async (context, next) =>
        {
            var hashes = context.GetEndpoint()?.Metadata.GetMetadata<HashesPasswordAttribute>() is not null
                         && HttpMethods.IsPost(context.Request.Method);
            if (!hashes)
            {
                await next(context);
                return;
            }

            using var lease = await pace.AcquireAsync(1, context.RequestAborted);
            if (!lease.IsAcquired)
            {
                await TypedResults.Problem(title: "Too many sign-ins", detail: "Please try again in a moment.",
                    statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
                return;
            }

            await gate.WaitAsync(context.RequestAborted);
            try
            {
                await next(context);
            }
            finally
            {
                gate.Release();
            }
        });
    }
}
