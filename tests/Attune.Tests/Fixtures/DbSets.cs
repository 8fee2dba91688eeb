using Attune.Data;
using Attune.Features.Audit;
using Attune.Features.Couples;
using Attune.Features.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Attune.Tests.Fixtures;

/// <summary>Short names for the tables tests read directly (the app's context names no feature's table).</summary>
internal static class DbSets
{
    extension(AttuneDbContext db)
    {
        public DbSet<Couple> Couples => db.Set<Couple>();

        public DbSet<Invitation> Invitations => db.Set<Invitation>();

        public DbSet<SignInSession> Sessions => db.Set<SignInSession>();

        public DbSet<AuditEvent> AuditEvents => db.Set<AuditEvent>();
    }
}
