using System.Reflection;
using Attune.Features.Accounts;
using Attune.Features.Audit;
using Attune.Features.Couples;
using Attune.Features.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Attune.Data;

/// <summary>
/// The app's one context. It is pooled (see DatabaseSetup): each request leases an instance and
/// <see cref="Lease"/> hands it that request's couple scope and clock; returning it clears them, so
/// a pooled instance never carries one request's scope into another.
/// </summary>
internal sealed class AttuneDbContext(DbContextOptions<AttuneDbContext> options)
    : IdentityDbContext<AttuneUser, IdentityRole<Guid>, Guid>(options)
{
    private CurrentCouple? _scope;
    private TimeProvider _time = TimeProvider.System;

    private static readonly MethodInfo ApplyCoupleFilterMethod =
        typeof(AttuneDbContext).GetMethod(nameof(ApplyCoupleFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public DbSet<Couple> Couples => Set<Couple>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<SignInSession> Sessions => Set<SignInSession>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    /// <summary>
    /// The caller's couple; read by the query filters at query time (EF parameterises it). Without a
    /// scope it is null, and a couple-owned row (whose couple_id is never null) matches nothing.
    /// </summary>
    internal Guid? ScopeCoupleId => _scope?.CoupleId;

    /// <summary>Binds a leased instance to the request's couple scope and clock.</summary>
    public AttuneDbContext Lease(CurrentCouple scope, TimeProvider time)
    {
        _scope = scope;
        _time = time;
        return this;
    }

    public override void Dispose()
    {
        _scope = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _scope = null;
        return base.DisposeAsync();
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Accounts made through the Identity API carry only an e-mail; give them a name to start with.
        foreach (var entry in ChangeTracker.Entries<AttuneUser>().Where(e => e.State == EntityState.Added))
        {
            var user = entry.Entity;
            if (string.IsNullOrWhiteSpace(user.DisplayName))
            {
                var email = user.Email ?? user.UserName ?? "";
                var at = email.IndexOf('@', StringComparison.Ordinal);
                var name = at > 0 ? email[..at] : email;
                user.DisplayName = name.Length > AttuneUser.MaxDisplayNameLength ? name[..AttuneUser.MaxDisplayNameLength] : name;
            }

            if (user.CreatedAt == default)
            {
                user.CreatedAt = _time.GetUtcNow();
            }
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
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
        builder.Entity<Couple>().HasQueryFilter(c => c.Id == ScopeCoupleId);
        foreach (var entity in builder.Model.GetEntityTypes()
                     .Where(e => typeof(ICoupleOwned).IsAssignableFrom(e.ClrType)).ToList())
        {
            ApplyCoupleFilterMethod.MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);
        }
    }

    private void ApplyCoupleFilter<T>(ModelBuilder builder)
        where T : class, ICoupleOwned =>
        builder.Entity<T>().HasQueryFilter(e => e.CoupleId == ScopeCoupleId);
}
