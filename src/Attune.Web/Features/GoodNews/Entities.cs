using Attune.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.GoodNews;

/// <summary>
/// A piece of good news one partner shared, and the other's reply. Both texts are sealed under the couple's
/// key: they are shared with the partner the moment they are written.
/// </summary>
internal sealed class GoodNewsItem : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid Id { get; set; }

    public Guid AuthorId { get; set; }

    public byte[] Text { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The partner's reply; only the one who did not share the news may write it.</summary>
    public byte[]? Reply { get; set; }

    public DateTimeOffset? RepliedAt { get; set; }
}

internal sealed class GoodNewsItemConfiguration : IEntityTypeConfiguration<GoodNewsItem>
{
    public void Configure(EntityTypeBuilder<GoodNewsItem> builder)
    {
        builder.ToTable("good_news");
        builder.HasKey(g => new { g.CoupleId, g.Id });
        builder.HasIndex(g => new { g.CoupleId, g.CreatedAt });
    }
}
