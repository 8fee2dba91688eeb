using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.CheckIns;

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.ToTable("checkins");
        builder.HasKey(c => new { c.CoupleId, c.Week, c.UserId });
    }
}

internal sealed class CheckInScheduleConfiguration : IEntityTypeConfiguration<CheckInSchedule>
{
    public void Configure(EntityTypeBuilder<CheckInSchedule> builder)
    {
        builder.ToTable("checkin_schedules");
        builder.HasKey(s => s.CoupleId);
        builder.Property(s => s.Day).HasConversion<string>().HasMaxLength(10);
    }
}

internal sealed class CheckInConversationConfiguration : IEntityTypeConfiguration<CheckInConversation>
{
    public void Configure(EntityTypeBuilder<CheckInConversation> builder)
    {
        builder.ToTable("checkin_conversations");
        builder.HasKey(c => new { c.CoupleId, c.Week });
    }
}
