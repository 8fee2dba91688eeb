using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Attune.Bench.Seed;

/// <summary>
/// Inserts many rows, hundreds per statement, in one transaction, using EF Core's own model for
/// table and column names and EF's type mappings for the values, so the rows are exactly what the app
/// would write (Guid text on SQLite, sortable instants, enum strings), only much faster.
/// </summary>
internal static class BulkInsert
{
    public static async Task<int> RunAsync<T>(DbContext db, IReadOnlyCollection<T> rows)
        where T : class
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        // Many rows per statement: one round trip per row made PostgreSQL seeding take minutes per million rows.
        // Both providers allow thousands of parameters per statement (SQLite 32,766; PostgreSQL 65,535).
        var perStatement = Math.Clamp(30_000 / properties.Count, 1, 500);
        string Statement(int count) =>
            $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!)} ({columns}) VALUES " +
            string.Join(", ", Enumerable.Range(0, count).Select(r => "(" + string.Join(", ", properties.Select((_, i) => $"@p{r}_{i}")) + ")"));
        var fullStatement = Statement(perStatement);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var mappings = properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToList();

        foreach (var chunk in rows.Chunk(perStatement))
        {
            command.CommandText = chunk.Length == perStatement ? fullStatement : Statement(chunk.Length);
            command.Parameters.Clear();
            for (var r = 0; r < chunk.Length; r++)
            {
                for (var i = 0; i < properties.Count; i++)
                {
                    // CreateParameter applies the mapping's value converter itself.
                    var value = properties[i].PropertyInfo!.GetValue(chunk[r]);
                    command.Parameters.Add(mappings[i].CreateParameter(command, $"@p{r}_{i}", value, properties[i].IsNullable));
                }
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await db.Database.CloseConnectionAsync();
        return rows.Count;
    }
}
