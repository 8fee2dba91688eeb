using Attune.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Activities;

/// <summary>What the couple said about one library idea ("done before", "not for us"); no row means new to them.</summary>
internal sealed class ActivityMarking : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public string ActivityKey { get; set; } = "";

    public ActivityMark Mark { get; set; }

    public Guid MarkedBy { get; set; }

    public DateTimeOffset MarkedAt { get; set; }
}

/// <summary>
/// One thing on the couple's "to try together" list: a library idea (<see cref="ActivityKey"/>) or their own idea
/// (<see cref="Title"/>, sealed under the couple's key). It can carry a planned local date and time (the couple's
/// zone), and once done a short memory note, sealed under the couple's key: both partners read it under Us.
/// </summary>
internal sealed class ActivityPlan : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid Id { get; set; }

    public string? ActivityKey { get; set; }

    public byte[] Title { get; set; } = [];

    public DateOnly? PlannedDate { get; set; }

    public TimeOnly? PlannedTime { get; set; }

    public DateOnly? DoneOn { get; set; }

    public byte[]? Memory { get; set; }

    public Guid AddedBy { get; set; }

    public Guid? DoneBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class ActivityMarkingConfiguration : IEntityTypeConfiguration<ActivityMarking>
{
    public void Configure(EntityTypeBuilder<ActivityMarking> builder)
    {
        builder.ToTable("activity_marks");
        builder.HasKey(m => new { m.CoupleId, m.ActivityKey });
        builder.Property(m => m.ActivityKey).HasMaxLength(40);
        builder.Property(m => m.Mark).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class ActivityPlanConfiguration : IEntityTypeConfiguration<ActivityPlan>
{
    public void Configure(EntityTypeBuilder<ActivityPlan> builder)
    {
        builder.ToTable("activity_plans");
        builder.HasKey(p => new { p.CoupleId, p.Id });
        builder.Property(p => p.ActivityKey).HasMaxLength(40);
        builder.HasIndex(p => new { p.CoupleId, p.PlannedDate });
    }
}
