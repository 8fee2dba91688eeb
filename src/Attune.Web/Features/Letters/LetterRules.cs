namespace Attune.Features.Letters;

/// <summary>When a letter is open: the one rule the API, the pages and the Today card use.</summary>
internal static class LetterRules
{
    /// <summary>"Together" means both pressed open no more than this far apart.</summary>
    public static readonly TimeSpan Together = TimeSpan.FromMinutes(1);

    public static bool IsOpen(Letter letter, DateTimeOffset now) =>
        letter.OpenedAt is not null || (letter.OpensAt is { } at && now >= at);

    /// <summary>Both presses are there and close enough: the letter opens now.</summary>
    public static bool BothPressed(Letter letter) =>
        letter is { WriterPressedAt: { } w, RecipientPressedAt: { } r } && (w - r).Duration() <= Together;

    /// <summary>A press counts only for a minute; an older one is as if not pressed.</summary>
    public static bool IsFresh(DateTimeOffset? press, DateTimeOffset now) => press is { } at && now - at <= Together;
}
