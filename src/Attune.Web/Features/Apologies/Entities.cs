using Attune.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Apologies;

/// <summary>How the partner answered an apology. Forgiving is final: it seals the matter.</summary>
internal enum ApologyAnswer
{
    NeedTime,
    Talk,
    Forgive,
}

/// <summary>
/// One partner's apology to the other, in four guided parts, each sealed under the couple's key (both read
/// it while it is open). When the partner forgives, the four parts are erased in the same write that records
/// the forgiveness: from then on only "forgiven on DATE" exists, for both, on every route and page.
/// </summary>
internal sealed class Apology : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid Id { get; set; }

    public Guid AuthorId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public byte[]? WhatHappened { get; set; }

    public byte[]? MyPart { get; set; }

    public byte[]? Impact { get; set; }

    public byte[]? NextTime { get; set; }

    public ApologyAnswer? Answer { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>The couple's local day of the forgiveness; set together with erasing the text.</summary>
    public DateOnly? ForgivenOn { get; set; }
}

internal sealed class ApologyConfiguration : IEntityTypeConfiguration<Apology>
{
    public void Configure(EntityTypeBuilder<Apology> builder)
    {
        builder.ToTable("apologies");
        builder.HasKey(a => new { a.CoupleId, a.Id });
        builder.Property(a => a.Answer).HasConversion<string>().HasMaxLength(20);
    }
}
