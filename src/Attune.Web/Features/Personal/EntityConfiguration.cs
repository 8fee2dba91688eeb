using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Personal;

// Goals and logs belong to a person, not a couple: keyed by user, read only where user_id is the caller (PersonalService.Mine).
internal sealed class PersonalGoalConfiguration : IEntityTypeConfiguration<PersonalGoal>
{
    public void Configure(EntityTypeBuilder<PersonalGoal> builder)
    {
        builder.ToTable("personal_goals");
        builder.HasKey(g => new { g.UserId, g.Id });
        builder.Property(g => g.Kind).HasConversion<string>().HasMaxLength(10);
    }
}

internal sealed class PersonalGoalShareConfiguration : IEntityTypeConfiguration<PersonalGoalShare>
{
    public void Configure(EntityTypeBuilder<PersonalGoalShare> builder)
    {
        builder.ToTable("personal_goal_shares");
        builder.HasKey(s => new { s.CoupleId, s.GoalId });
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(10);
    }
}

internal sealed class PersonalLogConfiguration : IEntityTypeConfiguration<PersonalLog>
{
    public void Configure(EntityTypeBuilder<PersonalLog> builder)
    {
        builder.ToTable("personal_logs");
        builder.HasKey(l => new { l.UserId, l.Id });
        builder.HasIndex(l => new { l.UserId, l.Date });
    }
}
