using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Quiz;

internal sealed class QuizRoundConfiguration : IEntityTypeConfiguration<QuizRound>
{
    public void Configure(EntityTypeBuilder<QuizRound> builder)
    {
        builder.ToTable("quiz_rounds");
        builder.HasKey(r => new { r.CoupleId, r.Id });
        builder.HasIndex(r => new { r.CoupleId, r.SubjectId, r.CreatedAt });
    }
}

internal sealed class QuizItemConfiguration : IEntityTypeConfiguration<QuizItem>
{
    public void Configure(EntityTypeBuilder<QuizItem> builder)
    {
        builder.ToTable("quiz_items");
        builder.HasKey(i => new { i.CoupleId, i.RoundId, i.QuestionId });
        builder.Property(i => i.QuestionId).HasMaxLength(40);
        builder.Property(i => i.Mark).HasConversion<string>().HasMaxLength(10);
    }
}
