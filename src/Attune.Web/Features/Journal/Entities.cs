namespace Attune.Features.Journal;

/// <summary>
/// A journal entry: one person's, in no couple (it stays theirs through couples and without one). Text
/// and feelings are sealed under the author's own key and are only ever opened for the author.
/// </summary>
internal sealed class JournalEntry
{
    public Guid UserId { get; set; }

    public Guid Id { get; set; }

    public byte[] Text { get; set; } = [];

    /// <summary>Feeling ids, comma-separated, sealed like the text.</summary>
    public byte[] Feelings { get; set; } = [];

    public int Intensity { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A copy of an entry the author chose to share with their partner, sealed under the couple's key. The
/// original stays private; withdrawing deletes the copy; it goes with the couple's key when the couple ends.
/// </summary>
internal sealed class JournalShare : Data.ICoupleOwned
{
    public Guid CoupleId { get; set; }

    /// <summary>The entry this is a copy of (one copy per entry; sharing again replaces it).</summary>
    public Guid EntryId { get; set; }

    public Guid AuthorId { get; set; }

    public byte[] Text { get; set; } = [];

    public byte[] Feelings { get; set; } = [];

    public int Intensity { get; set; }

    /// <summary>When the entry was written (shown with the copy).</summary>
    public DateTimeOffset WrittenAt { get; set; }

    public DateTimeOffset SharedAt { get; set; }
}
