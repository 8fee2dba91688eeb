using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Rituals;

internal sealed class RitualConfiguration : IEntityTypeConfiguration<Ritual>
{
    public void Configure(EntityTypeBuilder<Ritual> builder)
    {
        builder.ToTable("rituals");
        builder.HasKey(r => new { r.CoupleId, r.Id });
        builder.Property(r => r.Template).HasMaxLength(40);
    }
}

internal sealed class RitualSessionConfiguration : IEntityTypeConfiguration<RitualSession>
{
    public void Configure(EntityTypeBuilder<RitualSession> builder)
    {
        builder.ToTable("ritual_sessions");
        builder.HasKey(s => new { s.CoupleId, s.Id });
        builder.HasIndex(s => new { s.CoupleId, s.StartedAt });
    }
}

internal sealed class RitualReflectionConfiguration : IEntityTypeConfiguration<RitualReflection>
{
    public void Configure(EntityTypeBuilder<RitualReflection> builder)
    {
        builder.ToTable("ritual_reflections");
        builder.HasKey(r => new { r.CoupleId, r.SessionId, r.AuthorId });
    }
}
