using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Journal;

// Entries belong to a person, not a couple: keyed by user, read only where user_id is the caller (JournalService.Mine).
internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("journal_entries");
        builder.HasKey(e => new { e.UserId, e.Id });
        builder.HasIndex(e => new { e.UserId, e.CreatedAt });
    }
}

internal sealed class JournalShareConfiguration : IEntityTypeConfiguration<JournalShare>
{
    public void Configure(EntityTypeBuilder<JournalShare> builder)
    {
        builder.ToTable("journal_shares");
        builder.HasKey(s => new { s.CoupleId, s.EntryId });
    }
}
