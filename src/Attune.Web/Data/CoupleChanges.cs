using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Attune.Data;

/// <summary>
/// A change counter per couple, for views cached in memory (the Today view). Every write a request
/// makes goes through <see cref="AttuneDbContext"/>, so this interceptor is the one place that sees
/// them all: a write, and the commit of a transaction, in a request scoped to couple X bump X. A
/// view is cached with the counter read before its queries ran, so a write that races the read
/// makes the entry stale rather than wrong. Counters are per process; caches add a short lifetime
/// for writes made by another instance (docs/scaling.md).
/// </summary>
internal sealed class CoupleChanges : DbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly ConcurrentDictionary<Guid, long> _versions = new();

    public long Version(Guid coupleId) => _versions.GetValueOrDefault(coupleId);

    public void Changed(Guid coupleId) => _versions.AddOrUpdate(coupleId, 1, (_, version) => version + 1);

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Written(command, eventData.Context);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Written(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Written(command, eventData.Context);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Written(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Bump(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return Task.CompletedTask;
    }

    private void Written(DbCommand command, Microsoft.EntityFrameworkCore.DbContext? context)
    {
        var text = command.CommandText.AsSpan().TrimStart();
        if (!text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase))
        {
            Bump(context);
        }
    }

    private void Bump(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is AttuneDbContext { ScopeCoupleId: { } coupleId })
        {
            Changed(coupleId);
        }
    }
}
