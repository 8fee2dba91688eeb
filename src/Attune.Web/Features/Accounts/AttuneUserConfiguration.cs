using Attune.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Accounts;

internal sealed class AttuneUserConfiguration : IEntityTypeConfiguration<AttuneUser>
{
    public void Configure(EntityTypeBuilder<AttuneUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(AttuneUser.MaxDisplayNameLength);
        builder.Property(u => u.TimeZone).HasMaxLength(64);
        builder.Property(u => u.Language).HasMaxLength(SavedLanguage.MaxLength);
        builder.HasIndex(u => u.CoupleId);
        // Named as it was while the context had a Couples set (the naming convention derives it from that).
        builder.HasOne<Couples.Couple>().WithMany().HasForeignKey(u => u.CoupleId).OnDelete(DeleteBehavior.SetNull)
            .HasConstraintName("fk_asp_net_users_couples_couple_id");
    }
}
