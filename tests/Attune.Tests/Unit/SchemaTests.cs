using Attune.Data;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Tests.Unit;

/// <summary>The schema stays distributable by couple (Citus): couple-owned tables lead their key with couple_id.</summary>
public sealed class SchemaTests(AttuneApp app, ITestOutputHelper output) : IClassFixture<AttuneApp>
{
    private readonly AttuneApp app = app.LogsTo(output);

    [Fact]
    public void Every_couple_owned_table_leads_its_primary_key_with_couple_id()
    {
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AttuneDbContext>().Model;
        var coupleOwned = model.GetEntityTypes().Where(e => typeof(ICoupleOwned).IsAssignableFrom(e.ClrType)).ToList();

        Assert.NotEmpty(coupleOwned);
        Assert.All(coupleOwned, entity =>
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = entity.FindPrimaryKey()!;
            Assert.Equal("couple_id", key.Properties[0].GetColumnName(table));
        });
    }

    [Fact]
    public void Every_table_with_a_couple_id_column_is_scoped_by_the_couple_filter()
    {
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AttuneDbContext>().Model;
        var checkedTables = 0;
        foreach (var entity in model.GetEntityTypes())
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var hasCoupleId = entity.GetProperties().Any(p => p.GetColumnName(table) == "couple_id");
            // Users carry couple_id as membership, not ownership; everything else with the column is couple-owned.
            if (hasCoupleId && entity.ClrType != typeof(AttuneUser))
            {
                Assert.True(typeof(ICoupleOwned).IsAssignableFrom(entity.ClrType), $"{entity.ClrType.Name} has couple_id but no couple filter");
                Assert.NotEmpty(entity.GetDeclaredQueryFilters());
                checkedTables++;
            }
        }

        // Not vacuous: answers, reactions, custom and daily questions carry couple_id.
        Assert.True(checkedTables >= 4, $"only {checkedTables} tables with couple_id were found");
    }
}
