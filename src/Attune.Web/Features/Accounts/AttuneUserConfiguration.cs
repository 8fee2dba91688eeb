using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Accounts;

internal sealed class AttuneUserConfiguration : IEntityTypeConfiguration<AttuneUser>
{
    public void Configure(EntityTypeBuilder<AttuneUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(AttuneUser.MaxDisplayNameLength);
        builder.Property(u => u.TimeZone).HasMaxLength(64);
        builder.HasIndex(u => u.CoupleId);
        builder.HasOne<Couples.Couple>().WithMany().HasForeignKey(u => u.CoupleId).OnDelete(DeleteBehavior.SetNull);
    }
}
