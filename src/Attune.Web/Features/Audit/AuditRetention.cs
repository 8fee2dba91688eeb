using System.ComponentModel.DataAnnotations;
using Attune.Data;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attune.Features.Audit;

internal sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>How long security events are kept.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How often old events are pruned.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PruneEvery { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Deletes events older than the retention. Safe to run on every instance and to repeat.</summary>
internal sealed partial class AuditRetention(IServiceScopeFactory scopes, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditRetention> logger)
    : BackgroundService
{
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttuneDbContext>();
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        return await db.Set<AuditEvent>().Where(e => e.At < cutoff).ExecuteDeleteAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PruneEvery, time);
        while (await timer.NextRoundAsync(stoppingToken))
        {
            try
            {
                var pruned = await PruneAsync(stoppingToken);
                LogPruned(logger, pruned);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; an unavailable database must not stop the host.
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Debug, Message = "Pruned {Count} old security events")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "Pruning security events failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
