using Attune.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Calendar;

/// <summary>
/// One person's calendar subscription link. Only the SHA-256 hash of the secret token is kept, so neither
/// the database nor a backup can give the link away; the link itself is shown once, when it is made.
/// It belongs to the person, not to a couple: it stays through couples and goes with the account.
/// </summary>
internal sealed class CalendarLink
{
    public Guid UserId { get; set; }

    /// <summary>SHA-256 of the token's text (32 bytes); unique, so the feed finds its owner by it.</summary>
    public byte[] TokenHash { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class CalendarLinkConfiguration : IEntityTypeConfiguration<CalendarLink>
{
    public void Configure(EntityTypeBuilder<CalendarLink> builder)
    {
        builder.ToTable("calendar_links");
        builder.HasKey(l => l.UserId);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.Property(l => l.TokenHash).HasMaxLength(32);
        builder.HasOne<AttuneUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
