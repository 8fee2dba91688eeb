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

internal sealed class AttuneDbContext(DbContextOptions<AttuneDbContext> options, CurrentCouple currentCouple, TimeProvider time)
    : IdentityDbContext<AttuneUser, IdentityRole<Guid>, Guid>(options)
{
    private static readonly MethodInfo ApplyCoupleFilterMethod =
        typeof(AttuneDbContext).GetMethod(nameof(ApplyCoupleFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public DbSet<Couple> Couples => Set<Couple>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<SignInSession> Sessions => Set<SignInSession>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    /// <summary>The caller's couple; read by the query filters at query time (EF parameterises it).</summary>
    private Guid? ScopeCoupleId => currentCouple.CoupleId;

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
                user.CreatedAt = time.GetUtcNow();
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
