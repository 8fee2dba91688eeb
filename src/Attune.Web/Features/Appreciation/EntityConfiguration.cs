using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Appreciation;

internal sealed class AppreciationNoteConfiguration : IEntityTypeConfiguration<AppreciationNote>
{
    public void Configure(EntityTypeBuilder<AppreciationNote> builder)
    {
        builder.ToTable("appreciations");
        builder.HasKey(a => new { a.CoupleId, a.Id });
        builder.HasIndex(a => new { a.CoupleId, a.CreatedAt });
    }
}
