using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Attune.Bench.Seed;

/// <summary>
/// Inserts many rows with one prepared statement in one transaction, using EF Core's own model for
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
        var values = string.Join(", ", properties.Select((_, i) => $"@p{i}"));

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!)} ({columns}) VALUES ({values})";
        var mappings = properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToList();

        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < properties.Count; i++)
            {
                // CreateParameter applies the mapping's value converter itself.
                var value = properties[i].PropertyInfo!.GetValue(row);
                command.Parameters.Add(mappings[i].CreateParameter(command, $"@p{i}", value, properties[i].IsNullable));
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await db.Database.CloseConnectionAsync();
        return rows.Count;
    }
}
