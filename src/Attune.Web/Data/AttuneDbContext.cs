using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Attune.Data;

/// <summary>
/// The app's one context. It knows no feature: each feature's entities come from its own
/// <c>IEntityTypeConfiguration</c> in this assembly, and are reached with <c>Set&lt;T&gt;()</c>. It is pooled
/// (see DatabaseSetup): each request leases an instance and <see cref="Lease"/> hands it that request's
/// caller; returning it clears that, so a pooled instance never carries one request's scope into another.
/// </summary>
internal sealed class AttuneDbContext(DbContextOptions<AttuneDbContext> options)
    : IdentityDbContext<AttuneUser, IdentityRole<Guid>, Guid>(options)
{
    private static readonly MethodInfo ApplyCoupleFilterMethod =
        typeof(AttuneDbContext).GetMethod(nameof(ApplyCoupleFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private static readonly MethodInfo ApplyCoupleRowFilterMethod =
        typeof(AttuneDbContext).GetMethod(nameof(ApplyCoupleRowFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private CallerScope? _caller;

    /// <summary>
    /// The caller's couple; read by the query filters at query time (EF parameterises it). Without a
    /// couple it is null, and a couple-owned row (whose couple_id is never null) matches nothing.
    /// </summary>
    internal Guid? ScopeCoupleId => _caller?.Current?.CoupleId;

    /// <summary>Binds a leased instance to the request's caller.</summary>
    public AttuneDbContext Lease(CallerScope caller)
    {
        _caller = caller;
        return this;
    }

    public override void Dispose()
    {
        _caller = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _caller = null;
        return base.DisposeAsync();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type that compares correctly; store instants as sortable 64-bit numbers there.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AttuneDbContext).Assembly);

        // A couple sees only its own couple row, and only its own rows of every couple-owned table.
        foreach (var entity in builder.Model.GetEntityTypes().ToList())
        {
            if (typeof(ICoupleOwned).IsAssignableFrom(entity.ClrType))
            {
                ApplyCoupleFilterMethod.MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);
            }
            else if (typeof(ICoupleRow).IsAssignableFrom(entity.ClrType))
            {
                ApplyCoupleRowFilterMethod.MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);
            }
        }
    }

    private void ApplyCoupleFilter<T>(ModelBuilder builder)
        where T : class, ICoupleOwned =>
        builder.Entity<T>().HasQueryFilter(e => e.CoupleId == ScopeCoupleId);

    private void ApplyCoupleRowFilter<T>(ModelBuilder builder)
        where T : class, ICoupleRow =>
        builder.Entity<T>().HasQueryFilter(e => e.Id == ScopeCoupleId);
}
