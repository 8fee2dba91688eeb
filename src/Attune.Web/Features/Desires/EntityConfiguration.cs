using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Desires;

internal sealed class DesireSwitchConfiguration : IEntityTypeConfiguration<DesireSwitch>
{
    public void Configure(EntityTypeBuilder<DesireSwitch> builder)
    {
        builder.ToTable("desire_switches");
        builder.HasKey(s => s.CoupleId);
    }
}

internal sealed class DesireMarksConfiguration : IEntityTypeConfiguration<DesireMarks>
{
    public void Configure(EntityTypeBuilder<DesireMarks> builder)
    {
        builder.ToTable("desire_marks");
        builder.HasKey(m => new { m.CoupleId, m.UserId });
    }
}
