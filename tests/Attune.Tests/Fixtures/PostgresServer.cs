using Npgsql;

namespace Attune.Tests.Fixtures;

/// <summary>
/// The throw-away PostgreSQL server that ./test.sh starts. ATTUNE_TEST_POSTGRES holds a connection
/// string to its maintenance database; each test app creates and drops a database of its own.
/// </summary>
internal static class PostgresServer
{
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("ATTUNE_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "ATTUNE_TEST_POSTGRES is not set. Run the tests with ./test.sh, which starts a throw-away PostgreSQL server.");

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = true }.ToString();
}
