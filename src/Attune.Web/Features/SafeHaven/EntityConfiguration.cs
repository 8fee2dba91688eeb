using Attune.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.SafeHaven;

internal sealed class SupportPreferencesConfiguration : IEntityTypeConfiguration<SupportPreferences>
{
    public void Configure(EntityTypeBuilder<SupportPreferences> builder)
    {
        builder.ToTable("support_preferences");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.Ways).HasMaxLength(100);
        // A person's preferences go with their account.
        builder.HasOne<AttuneUser>().WithOne().HasForeignKey<SupportPreferences>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupportRequestConfiguration : IEntityTypeConfiguration<SupportRequest>
{
    public void Configure(EntityTypeBuilder<SupportRequest> builder)
    {
        builder.ToTable("support_requests");
        builder.HasKey(r => new { r.CoupleId, r.Id });
        // One open signal per person: two sent at the same instant cannot both be open.
        builder.HasIndex(r => new { r.CoupleId, r.UserId }).IsUnique().HasFilter("closed_at IS NULL");
    }
}

internal sealed class SupportResponseConfiguration : IEntityTypeConfiguration<SupportResponse>
{
    public void Configure(EntityTypeBuilder<SupportResponse> builder)
    {
        builder.ToTable("support_responses");
        builder.HasKey(r => new { r.CoupleId, r.Id });
        builder.HasIndex(r => new { r.CoupleId, r.RequestId });
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
