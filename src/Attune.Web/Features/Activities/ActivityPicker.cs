using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Attune.Features.Activities;

/// <summary>
/// Which ideas to suggest: never one the couple called "not for us" or already has on its list; first the ones
/// it has not done, then the ones it did before. The order within each is a shuffle seeded by the couple and its
/// local day, so reloading shows the same ideas all day and tomorrow brings others. <c>another</c> moves one
/// window further ("show me another"), wrapping around.
/// </summary>
internal static class ActivityPicker
{
    public const int Count = 3;

    public static IReadOnlyList<ActivityIdea> Suggest(
        IEnumerable<ActivityIdea> ideas, IReadOnlyDictionary<string, ActivityMark> marks, IReadOnlySet<string> onList,
        Guid couple, DateOnly day, int another, int count = Count)
    {
        var ordered = ideas
            .Where(i => !onList.Contains(i.Key) && marks.GetValueOrDefault(i.Key) != ActivityMark.NotForUs)
            .OrderBy(i => marks.GetValueOrDefault(i.Key) == ActivityMark.DoneBefore ? 1 : 0)
            .ThenBy(i => Shuffle(couple, day, i.Key))
            .ToList();
        if (ordered.Count == 0)
        {
            return [];
        }

        var start = (int)((long)Math.Max(another, 0) * count % ordered.Count);
        return [.. Enumerable.Range(0, Math.Min(count, ordered.Count)).Select(n => ordered[(start + n) % ordered.Count])];
    }

    private static ulong Shuffle(Guid couple, DateOnly day, string key) =>
        BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"{couple:N}/{day:yyyy-MM-dd}/{key}")));
}
