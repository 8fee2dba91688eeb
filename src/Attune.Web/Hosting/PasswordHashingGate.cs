using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Attune.Hosting;

/// <summary>Marks a page handler that hashes a password (sign-in, registration, a password re-entered).</summary>
[AttributeUsage(AttributeTargets.Method)]
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

/// <summary>
/// The password-hashing policy: requests that hash a password queue (asynchronously, no thread blocked)
/// behind a rate and a concurrency limit. It applies to exactly the handlers that hash: API endpoints
/// declare <c>.HashesPassword()</c>, page handlers carry <see cref="HashesPasswordAttribute"/>; anything
/// else on the same page (revoking a session, say) never waits behind it.
/// </summary>
internal sealed class PasswordHashingGate : IDisposable
{
    private readonly SemaphoreSlim _gate;
    private readonly TokenBucketRateLimiter _pace;

    public PasswordHashingGate(IOptions<PasswordHashingOptions> options)
    {
        var o = options.Value;
        _gate = new SemaphoreSlim(Math.Max(1, o.MaxConcurrent));
        _pace = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, o.MaxPerSecond),
            TokensPerPeriod = Math.Max(1, o.MaxPerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 10_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    private long _runs;

    /// <summary>How many pieces of work have gone through the gate since start (for tests).</summary>
    public long Runs => Interlocked.Read(ref _runs);

    /// <summary>Runs the work inside the gate; null when the queue is full (the caller answers 503).</summary>
    public async Task<T?> RunAsync<T>(Func<Task<T>> work, CancellationToken ct)
        where T : class
    {
        Interlocked.Increment(ref _runs);
        using var lease = await _pace.AcquireAsync(1, ct);
        if (!lease.IsAcquired)
        {
            return null;
        }

        await _gate.WaitAsync(ct);
        try
        {
            return await work();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Dispose();
        _pace.Dispose();
    }

    /// <summary>Page handlers marked <see cref="HashesPasswordAttribute"/> go through the gate.</summary>
    internal sealed class PageFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            if (context.HandlerMethod?.MethodInfo.IsDefined(typeof(HashesPasswordAttribute), inherit: false) != true)
            {
                await next();
                return;
            }

            var gate = context.HttpContext.RequestServices.GetRequiredService<PasswordHashingGate>();
            if (await gate.RunAsync<object>(async () => await next(), context.HttpContext.RequestAborted) is null)
            {
                context.Result = new StatusCodeResult(StatusCodes.Status503ServiceUnavailable);
            }
        }
    }
}

internal static class PasswordHashing
{
    public static IServiceCollection AddPasswordHashingGate(this IServiceCollection services)
    {
        services.AddOptions<PasswordHashingOptions>().BindConfiguration(PasswordHashingOptions.Section).ValidateOnStart();
        services.AddSingleton<PasswordHashingGate>();
        services.Configure<MvcOptions>(o => o.Filters.Add(new PasswordHashingGate.PageFilter()));
        return services;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Busy(HttpContext http)
    {
        var words = HostingText.For(http);
        return TypedResults.Problem(
            title: words["problem.busy.title"], detail: words["problem.busy.detail"], statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The endpoint hashes a password: it runs inside the <see cref="PasswordHashingGate"/> (<see cref="UsePasswordHashingGate"/>).</summary>
    public static TBuilder HashesPassword<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new HashesPasswordAttribute());

    /// <summary>
    /// Runs every endpoint whose metadata carries <see cref="HashesPasswordAttribute"/> inside the gate, after
    /// authorization and before the handler. One mechanism for every way of declaring it: the API's sign-in and
    /// registration once carried the attribute without an endpoint filter, so they were not gated at all, and a
    /// sign-in flood took the CPU from every reader (bench/README.md, 2026-11-24). Page handlers are gated by
    /// <see cref="PasswordHashingGate.PageFilter"/> (their attributes are not endpoint metadata).
    /// </summary>
    public static IApplicationBuilder UsePasswordHashingGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<HashesPasswordAttribute>() is null)
            {
                await next(context);
                return;
            }

            var gate = context.RequestServices.GetRequiredService<PasswordHashingGate>();
            if (await gate.RunAsync<object>(async () =>
                {
                    await next(context);
                    return true;
                }, context.RequestAborted) is null)
            {
                await Busy(context).ExecuteAsync(context);
            }
        });
}
