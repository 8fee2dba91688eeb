using Attune.Data;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Audit;

internal sealed record AuditEntry(DateTimeOffset At, AuditKind Kind);

/// <summary>
/// Writes security events to their own table (and one log line each). It saves through a context of
/// its own so that recording an event never flushes, or is lost with, the caller's unsaved work.
/// </summary>
internal sealed partial class AuditLog(IServiceScopeFactory scopes, TimeProvider time, ILogger<AuditLog> logger)
{
    public const int ListLimit = 50;

    public async Task RecordAsync(AuditKind kind, Guid? userId)
    {
        LogEvent(logger, kind, userId);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttuneDbContext>();
        var now = time.GetUtcNow();
        db.Add(new AuditEvent { At = now, Kind = kind, UserId = userId });
        await db.SaveChangesAsync();
    }

    /// <summary>My own recent events, newest first.</summary>
    public static Task<List<AuditEntry>> ListAsync(AttuneDbContext db, Guid userId, CancellationToken ct) =>
        db.Set<AuditEvent>().AsNoTracking().Where(e => e.UserId == userId)
            .OrderByDescending(e => e.Id).Take(ListLimit)
            .Select(e => new AuditEntry(e.At, e.Kind)).ToListAsync(ct);

    [LoggerMessage(EventId = 9000, Level = LogLevel.Information, Message = "Security event {Kind} for user {UserId}")]
    private static partial void LogEvent(ILogger logger, AuditKind kind, Guid? userId);
}
