using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Attune.Data;

/// <summary>
/// Lets one connection of this process write to the SQLite file at a time, queued without blocking a thread.
/// SQLite has one writer; when two connections want the write lock, Microsoft.Data.Sqlite answers the loser's
/// "busy" by putting its thread to sleep for 150 ms and trying again. Under load (32 writers on two cores)
/// that made writes wait hundreds of milliseconds while the lock itself was free most of the time
/// (bench/README.md, issue 17). Queueing in front of the lock instead hands it on the moment it is free.
/// <para>
/// A connection takes the gate when it begins a transaction (the app begins one only to write) or runs a
/// write outside a transaction (<c>INSERT</c>, <c>UPDATE</c>, <c>DELETE</c>, <c>REPLACE</c>), and gives it
/// back when the transaction ends, the statement is done, or, as a fallback, the connection closes (a
/// transaction disposed without commit or rollback tells no interceptor). A connection that holds the gate
/// does not wait for it again. If the gate is not free within <see cref="Patience"/>, the connection goes
/// ahead without it: SQLite's own locking still keeps the data correct, and nothing can wait forever on a
/// hold that was never given back. Other processes on the same file (tools, a second instance) are not
/// queued here and meet SQLite's locking as before. PostgreSQL needs none of this (row locks, many writers).
/// </para>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One instance for the life of the process.")]
internal sealed partial class SqliteWriteGate : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    /// <summary>As long as a command may wait for SQLite's lock (Microsoft.Data.Sqlite's default command timeout).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // How long a waiter waits before it looks for holds that were never given back.
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(100);

    // One gate per database file (tests run several apps, each on its own file, in one process).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    // Which connections hold the gate, and why; weak, so a connection never closed (a bug) is not kept alive by it.
    private readonly ConditionalWeakTable<DbConnection, Hold> _holds = [];

    // The connection of each open transaction (a committed SqliteTransaction forgets its connection).
    private readonly ConditionalWeakTable<DbTransaction, DbConnection> _transactions = [];

    private SqliteWriteGate()
    {
    }

    private sealed class Hold(bool forCommand, SemaphoreSlim gate)
    {
        public bool ForCommand { get; } = forCommand;

        public SemaphoreSlim Gate { get; } = gate;
    }

    // Transactions.
    async ValueTask<InterceptionResult<DbTransaction>> IDbTransactionInterceptor.TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken)
    {
        await EnterAsync(connection, forCommand: false, cancellationToken);
        return result;
    }

    InterceptionResult<DbTransaction> IDbTransactionInterceptor.TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection, forCommand: false);
        return result;
    }

    DbTransaction IDbTransactionInterceptor.TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _transactions.AddOrUpdate(result, connection);
        return result;
    }

    ValueTask<DbTransaction> IDbTransactionInterceptor.TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken)
    {
        _transactions.AddOrUpdate(result, connection);
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(transaction);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Leave(transaction);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(transaction);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Leave(transaction);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(transaction);

    Task IDbTransactionInterceptor.TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken)
    {
        Leave(transaction);
        return Task.CompletedTask;
    }

    // Writes outside a transaction.
    async ValueTask<InterceptionResult<DbDataReader>> IDbCommandInterceptor.ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken)
    {
        if (IsLoneWrite(command))
        {
            await EnterAsync(command.Connection!, forCommand: true, cancellationToken);
        }

        return result;
    }

    InterceptionResult<DbDataReader> IDbCommandInterceptor.ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsLoneWrite(command))
        {
            Enter(command.Connection!, forCommand: true);
        }

        return result;
    }

    async ValueTask<InterceptionResult<int>> IDbCommandInterceptor.NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
    {
        if (IsLoneWrite(command))
        {
            await EnterAsync(command.Connection!, forCommand: true, cancellationToken);
        }

        return result;
    }

    InterceptionResult<int> IDbCommandInterceptor.NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsLoneWrite(command))
        {
            Enter(command.Connection!, forCommand: true);
        }

        return result;
    }

    async ValueTask<InterceptionResult<object>> IDbCommandInterceptor.ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken)
    {
        if (IsLoneWrite(command))
        {
            await EnterAsync(command.Connection!, forCommand: true, cancellationToken);
        }

        return result;
    }

    InterceptionResult<object> IDbCommandInterceptor.ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        if (IsLoneWrite(command))
        {
            Enter(command.Connection!, forCommand: true);
        }

        return result;
    }

    // A reader's statement runs (and, outside a transaction, commits) until the reader is closed.
    InterceptionResult IDbCommandInterceptor.DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveCommand(command);
        return result;
    }

    ValueTask<InterceptionResult> IDbCommandInterceptor.DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveCommand(command);
        return ValueTask.FromResult(result);
    }

    InterceptionResult IDbCommandInterceptor.DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveCommand(command);
        return result;
    }

    int IDbCommandInterceptor.NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveCommand(command);
        return result;
    }

    ValueTask<int> IDbCommandInterceptor.NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken)
    {
        LeaveCommand(command);
        return ValueTask.FromResult(result);
    }

    object? IDbCommandInterceptor.ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        LeaveCommand(command);
        return result;
    }

    ValueTask<object?> IDbCommandInterceptor.ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken)
    {
        LeaveCommand(command);
        return ValueTask.FromResult(result);
    }

    void IDbCommandInterceptor.CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveCommand(command);

    Task IDbCommandInterceptor.CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken)
    {
        LeaveCommand(command);
        return Task.CompletedTask;
    }

    void IDbCommandInterceptor.CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveCommand(command);

    Task IDbCommandInterceptor.CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken)
    {
        LeaveCommand(command);
        return Task.CompletedTask;
    }

    // The fallback: whatever a connection still holds is given back when it closes.
    InterceptionResult IDbConnectionInterceptor.ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return result;
    }

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return ValueTask.FromResult(result);
    }

    InterceptionResult IDbConnectionInterceptor.ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return result;
    }

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return ValueTask.FromResult(result);
    }

    private static bool IsLoneWrite(DbCommand command) =>
        command.Transaction is null && command.Connection is not null && Write().IsMatch(command.CommandText);

    private async ValueTask EnterAsync(DbConnection connection, bool forCommand, CancellationToken cancellationToken)
    {
        if (_holds.TryGetValue(connection, out _))
        {
            return;
        }

        var gate = GateOf(connection);
        if (gate.CurrentCount == 0)
        {
            Reap();
        }

        var waited = TimeSpan.Zero;
        while (waited < Patience)
        {
            if (await gate.WaitAsync(Slice, cancellationToken))
            {
                _holds.AddOrUpdate(connection, new Hold(forCommand, gate));
                return;
            }

            waited += Slice;
            Reap();
        }
    }

    private void Enter(DbConnection connection, bool forCommand)
    {
        if (_holds.TryGetValue(connection, out _))
        {
            return;
        }

        var gate = GateOf(connection);
        if (gate.CurrentCount == 0)
        {
            Reap();
        }

        var waited = TimeSpan.Zero;
        while (waited < Patience)
        {
            if (gate.Wait(Slice))
            {
                _holds.AddOrUpdate(connection, new Hold(forCommand, gate));
                return;
            }

            waited += Slice;
            Reap();
        }
    }

    /// <summary>
    /// Gives back holds of connections that are closed. A write needs an open connection (EF Core opens it
    /// before the interceptors above run), so such a hold was missed by every hook: measured under load, a
    /// request aborted while it waited (wrk closing its connections) could leave one behind.
    /// </summary>
    /// <summary>For tests: whether the database's gate is free once holds of closed connections are given back.</summary>
    public bool IsFree(string dataSource)
    {
        Reap();
        return !_gates.TryGetValue(dataSource, out var gate) || gate.CurrentCount == 1;
    }

    private SemaphoreSlim GateOf(DbConnection connection) => _gates.GetOrAdd(connection.DataSource, _ => new SemaphoreSlim(1, 1));

    private void Reap()
    {
        foreach (var (connection, _) in _holds)
        {
            if (connection.State == System.Data.ConnectionState.Closed)
            {
                Leave(connection);
            }
        }
    }

    private void LeaveCommand(DbCommand command)
    {
        if (command.Connection is { } connection && _holds.TryGetValue(connection, out var hold) && hold.ForCommand)
        {
            Leave(connection);
        }
    }

    private void Leave(DbTransaction? transaction)
    {
        if (transaction is not null && _transactions.TryGetValue(transaction, out var connection))
        {
            _transactions.Remove(transaction);
            Leave(connection);
        }
    }

    private void Leave(DbConnection connection)
    {
        if (_holds.TryGetValue(connection, out var hold) && _holds.Remove(connection))
        {
            hold.Gate.Release();
        }
    }

    [GeneratedRegex(@"(^|;)\s*(INSERT|UPDATE|DELETE|REPLACE)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Write();
}
