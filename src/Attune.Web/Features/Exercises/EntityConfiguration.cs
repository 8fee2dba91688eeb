using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Exercises;

internal sealed class GazingSessionConfiguration : IEntityTypeConfiguration<GazingSession>
{
    public void Configure(EntityTypeBuilder<GazingSession> builder)
    {
        builder.ToTable("gazing_sessions");
        builder.HasKey(s => new { s.CoupleId, s.Id });
        builder.HasIndex(s => new { s.CoupleId, s.StartedAt });
    }
}

internal sealed class GazingReflectionConfiguration : IEntityTypeConfiguration<GazingReflection>
{
    public void Configure(EntityTypeBuilder<GazingReflection> builder)
    {
        builder.ToTable("gazing_reflections");
        builder.HasKey(r => new { r.CoupleId, r.SessionId, r.AuthorId });
    }
}

internal sealed class EveningSessionConfiguration : IEntityTypeConfiguration<EveningSession>
{
    public void Configure(EntityTypeBuilder<EveningSession> builder)
    {
        builder.ToTable("evening_sessions");
        builder.HasKey(s => new { s.CoupleId, s.Id });
        builder.HasIndex(s => new { s.CoupleId, s.StartedAt });
    }
}
