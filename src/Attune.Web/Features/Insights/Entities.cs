using Attune.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Insights;

/// <summary>A notice one partner put away. Only its id (rule and week) is kept; the partner never sees it.</summary>
internal sealed class NoticeDismissal : ICoupleOwned
{
    public const int MaxIdLength = 64;

    public Guid CoupleId { get; set; }

    public Guid UserId { get; set; }

    public string NoticeId { get; set; } = "";

    public DateTimeOffset DismissedAt { get; set; }
}

/// <summary>One partner's yes to the summary for a counsellor; the summary opens only when both said yes.</summary>
internal sealed class CounsellorConsent : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset GivenAt { get; set; }
}

internal sealed class NoticeDismissalConfiguration : IEntityTypeConfiguration<NoticeDismissal>
{
    public void Configure(EntityTypeBuilder<NoticeDismissal> builder)
    {
        builder.ToTable("notice_dismissals");
        builder.HasKey(d => new { d.CoupleId, d.UserId, d.NoticeId });
        builder.Property(d => d.NoticeId).HasMaxLength(NoticeDismissal.MaxIdLength);
    }
}

internal sealed class CounsellorConsentConfiguration : IEntityTypeConfiguration<CounsellorConsent>
{
    public void Configure(EntityTypeBuilder<CounsellorConsent> builder)
    {
        builder.ToTable("counsellor_consents");
        builder.HasKey(c => new { c.CoupleId, c.UserId });
    }
}
