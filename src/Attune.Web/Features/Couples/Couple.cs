using Attune.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Couples;

/// <summary>Two partners. Its id is the couple_id every couple-owned table carries.</summary>
internal sealed class Couple : ICoupleRow
{
    public Guid Id { get; set; }

    public DateTimeOffset Since { get; set; }

    /// <summary>IANA zone in which the couple's "day" runs; set from the inviter's zone at pairing.</summary>
    public string TimeZone { get; set; } = Accounts.TimeZones.Default;

    /// <summary>The depth ladder's current rung (1 light, 2 personal, 3 vulnerable); starts light.</summary>
    public int QuestionLevel { get; set; } = 1;
}

/// <summary>A single-use code one person gives their partner. Owned by the inviter, not yet by a couple.</summary>
internal sealed class Invitation
{
    public const int CodeLength = 8;

    public Guid Id { get; set; }

    /// <summary>Normalised code: upper case, no separators.</summary>
    public string Code { get; set; } = "";

    public Guid InviterId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}

internal sealed class CoupleConfiguration : IEntityTypeConfiguration<Couple>
{
    public void Configure(EntityTypeBuilder<Couple> builder)
    {
        builder.ToTable("couples");
        builder.Property(c => c.TimeZone).HasMaxLength(64);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations");
        builder.Property(i => i.Code).HasMaxLength(Invitation.CodeLength);
        builder.HasIndex(i => i.Code).IsUnique();
        builder.HasIndex(i => i.InviterId);
        builder.HasOne<AttuneUser>().WithMany().HasForeignKey(i => i.InviterId).OnDelete(DeleteBehavior.Cascade);
    }
}
