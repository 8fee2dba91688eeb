using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Questions;

// Couple-owned tables lead their primary key with couple_id, so they can be distributed by couple.
internal sealed class LibraryQuestionConfiguration : IEntityTypeConfiguration<LibraryQuestion>
{
    public void Configure(EntityTypeBuilder<LibraryQuestion> builder)
    {
        builder.ToTable("questions");
        builder.Property(q => q.Id).HasMaxLength(32);
        builder.Property(q => q.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.Dimensions).HasMaxLength(100);
        builder.Property(q => q.Text).HasMaxLength(400);
    }
}

internal sealed class CustomQuestionConfiguration : IEntityTypeConfiguration<CustomQuestion>
{
    public void Configure(EntityTypeBuilder<CustomQuestion> builder)
    {
        builder.ToTable("custom_questions");
        builder.HasKey(q => new { q.CoupleId, q.Id });
        builder.Property(q => q.Category).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class DailyQuestionConfiguration : IEntityTypeConfiguration<DailyQuestion>
{
    public void Configure(EntityTypeBuilder<DailyQuestion> builder)
    {
        builder.ToTable("daily_questions");
        builder.HasKey(d => new { d.CoupleId, d.Date });
        builder.Property(d => d.QuestionId).HasMaxLength(48);
        builder.Property(d => d.Category).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.ToTable("answers");
        builder.HasKey(a => new { a.CoupleId, a.Date, a.UserId });
    }
}

internal sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> builder)
    {
        builder.ToTable("reactions");
        builder.HasKey(r => new { r.CoupleId, r.Date, r.UserId });
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
