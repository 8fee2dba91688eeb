using System.Security.Cryptography;
using System.Text;

namespace Attune.Features.Questions;

internal sealed record Candidate(string Id, QuestionCategory Category, int Depth);

/// <summary>What the picker needs to know of the couple's past days.</summary>
internal sealed record PastDays(int CurrentCycle, IReadOnlySet<string> UsedInCycle, QuestionCategory? YesterdaysCategory);

/// <summary>
/// Chooses a couple's question for a day. The rules, in order:
/// 1. only questions at or below the couple's depth level are allowed;
/// 2. no question comes back until every allowed question was asked (a "cycle"; then a new one starts);
/// 3. not the same category as yesterday, unless nothing else is left;
/// 4. questions at the couple's current level first, so the ladder is felt;
/// 5. from the categories with the most questions left, so categories stay balanced through a round;
/// 6. among what is left, a choice that is fixed for the couple and the day (a hash), not random.
/// </summary>
internal static class QuestionPicker
{
    public static (Candidate Question, int Cycle) Pick(
        Guid coupleId, DateOnly date, int level, IReadOnlyList<Candidate> candidates, PastDays past)
    {
        var allowed = candidates.Where(c => c.Depth <= level).ToList();
        if (allowed.Count == 0)
        {
            throw new InvalidOperationException("No question is allowed at this depth; the library cannot be empty.");
        }

        var cycle = Math.Max(past.CurrentCycle, 1);
        var remaining = allowed.Where(c => !past.UsedInCycle.Contains(c.Id)).ToList();
        if (remaining.Count == 0)
        {
            cycle++;
            remaining = allowed;
        }

        var otherCategory = remaining.Where(c => c.Category != past.YesterdaysCategory).ToList();
        var pool = otherCategory.Count > 0 ? otherCategory : remaining;
        var atLevel = pool.Where(c => c.Depth == level).ToList();
        if (atLevel.Count > 0)
        {
            pool = atLevel;
        }

        // Draw from the categories with the most questions left, so a round ends with a mix of
        // categories rather than a run of one (which rule 3 could then not avoid).
        var most = pool.GroupBy(c => c.Category).Max(g => g.Count());
        pool = pool.GroupBy(c => c.Category).Where(g => g.Count() == most).SelectMany(g => g).ToList();

        pool.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return (pool[(int)(Hash(coupleId, date) % (ulong)pool.Count)], cycle);
    }

    private static ulong Hash(Guid coupleId, DateOnly date)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{coupleId:N}|{date:yyyy-MM-dd}"), digest);
        return BitConverter.ToUInt64(digest);
    }
}
