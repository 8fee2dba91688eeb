using Microsoft.EntityFrameworkCore;

namespace Attune.Data;

/// <summary>
/// Runs a piece of work that makes several queries on one open connection. Otherwise EF Core takes a
/// connection from the pool and gives it back around every query, and on SQLite each open also registers
/// EF Core's functions on it again: measured on the cold path of <c>GET /api/v1/today</c> (6 queries), opening
/// and closing took about a fifth of the CPU (bench/README.md).
/// </summary>
internal static class OneConnection
{
    public static async Task<T> OnOneConnectionAsync<T>(this AttuneDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await work();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
