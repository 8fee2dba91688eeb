using Attune.Data;

namespace Attune.Features.Appreciation;

/// <summary>
/// One appreciation a partner sent the other. The text is sealed under the couple's key (it is shared the
/// moment it is sent). Each partner pins their own favourites; the recipient's "read" mark decides what
/// Today shows as new.
/// </summary>
internal sealed class AppreciationNote : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid Id { get; set; }

    public Guid AuthorId { get; set; }

    public byte[] Text { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the recipient put it in the jar (from Today or by opening the jar); null while it is new to them.</summary>
    public DateTimeOffset? ReadAt { get; set; }

    public bool FavouriteOfAuthor { get; set; }

    public bool FavouriteOfRecipient { get; set; }
}
