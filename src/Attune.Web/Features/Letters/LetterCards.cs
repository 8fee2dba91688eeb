namespace Attune.Features.Letters;

internal sealed record LetterCard(int Waiting, bool ReadyNow, DateTimeOffset? NextOpensAt, TimeZoneInfo Zone);

/// <summary>The Today card: a letter is waiting for you (and when it opens), or one is ready to open.</summary>
internal sealed class LetterCards(LetterService letters, Journal.JournalService zones)
{
    public async Task<LetterCard?> WaitingAsync(CancellationToken ct)
    {
        var waiting = await letters.WaitingForMeAsync(ct);
        if (waiting.Count == 0)
        {
            return null;
        }

        var ready = waiting.Any(l => l.Together || l.Open);
        var next = waiting.Where(l => !l.Open && l.OpensAt is not null).Min(l => l.OpensAt);
        return new LetterCard(waiting.Count, ready, next, await zones.TimeZoneAsync(ct));
    }
}
