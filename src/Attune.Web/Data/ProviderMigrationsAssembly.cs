using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Attune.Data;

/// <summary>
/// Finds migrations in a provider's own assembly (Attune.Migrations.Sqlite or .Postgres).
/// Those assemblies do not reference the web project (it references them), so their migrations
/// carry no [DbContext] attribute; EF's default lookup needs one, this one does not.
/// See docs/decisions/0002-migrations-per-provider.md.
/// </summary>
internal sealed class ProviderMigrationsAssembly(IDbContextOptions options) : IMigrationsAssembly
{
    private readonly Lazy<Assembly> _assembly = new(() =>
    {
        var name = options.Extensions.OfType<RelationalOptionsExtension>().First().MigrationsAssembly
                   ?? throw new InvalidOperationException("No migrations assembly is configured.");
        return Assembly.Load(new AssemblyName(name));
    });

    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;
    private bool _snapshotLoaded;

    public Assembly Assembly => _assembly.Value;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= Assembly.DefinedTypes
        .Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract)
        .Select(t => (Id: t.GetCustomAttribute<MigrationAttribute>()?.Id, Type: t))
        .Where(m => m.Id is not null)
        .OrderBy(m => m.Id, StringComparer.Ordinal)
        .ToDictionary(m => m.Id!, m => m.Type, StringComparer.Ordinal);

    public ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!_snapshotLoaded)
            {
                var type = Assembly.DefinedTypes.FirstOrDefault(t => t.IsSubclassOf(typeof(ModelSnapshot)) && !t.IsAbstract);
                _snapshot = type is null ? null : (ModelSnapshot)Activator.CreateInstance(type.AsType())!;
                _snapshotLoaded = true;
            }

            return _snapshot;
        }
    }

    public string? FindMigrationId(string nameOrId) => Migrations.Keys
        .FirstOrDefault(id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
                              || string.Equals(id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..], nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }
}
