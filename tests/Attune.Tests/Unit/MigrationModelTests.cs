using Attune.Data;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Unit;

/// <summary>
/// The committed migrations describe the model exactly, on each provider: a feature merged beside another
/// (each with its own migration) cannot leave a table or column that no migration creates.
/// </summary>
public abstract class MigrationModelTests(AttuneApp app, ITestOutputHelper output)
{
    private readonly AttuneApp app = app.LogsTo(output);

    [Fact]
    public void The_migrations_match_the_model()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttuneDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes no migration describes on {db.Database.ProviderName}: run eng/add-migration.sh Name");
    }
}

public sealed class SqliteMigrationModelTests(AttuneApp app, ITestOutputHelper output)
    : MigrationModelTests(app, output), IClassFixture<AttuneApp>;

public sealed class PostgresMigrationModelTests(PostgresAttuneApp app, ITestOutputHelper output)
    : MigrationModelTests(app, output), IClassFixture<PostgresAttuneApp>;
