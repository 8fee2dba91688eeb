using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Attune.Data;

/// <summary>
/// A change stamp per couple, for views cached in memory (the Today view and the Today page's cards). Writes
/// are counted where they happen: every <c>SaveChanges</c>, every committed transaction and every statement
/// outside a transaction that changed rows (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, raw SQL) in a
/// context scoped to couple X change X's stamp; work outside such a context that changes what a view
/// shows calls <see cref="Changed"/> itself. A view is cached with the stamp read before its
/// queries ran, so a write that races the read makes the entry stale rather than wrong. Stamps are per
/// process; caches add a short lifetime for writes made by another instance (docs/scaling.md).
/// </summary>
internal sealed class CoupleChanges(TimeProvider time) : SaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    private readonly ChangeStamps _stamps = new(time);

    public long Version(Guid coupleId) => _stamps.Current(coupleId);

    public void Changed(Guid coupleId) => _stamps.Change(coupleId);

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Bump(eventData.Context, result);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context, result);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Bump(eventData.Context, 1);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context, 1);
        return Task.CompletedTask;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        BumpOutsideTransaction(command, eventData.Context, result);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        BumpOutsideTransaction(command, eventData.Context, result);
        return ValueTask.FromResult(result);
    }

    // Inside a transaction the commit counts (a rolled-back statement changed nothing).
    private void BumpOutsideTransaction(DbCommand command, DbContext? context, int written)
    {
        if (command.Transaction is null)
        {
            Bump(context, written);
        }
    }

    private void Bump(DbContext? context, int written)
    {
        if (written > 0 && context is AttuneDbContext { ScopeCoupleId: { } coupleId })
        {
            Changed(coupleId);
        }
    }
}
