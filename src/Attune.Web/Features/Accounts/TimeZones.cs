using System.Collections.Frozen;

namespace Attune.Features.Accounts;

/// <summary>IANA time zone names this machine knows. A couple's "day" is computed in one of these.</summary>
internal static class TimeZones
{
    public const string Default = "Etc/UTC";

    private static readonly FrozenSet<string> Known = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id)
        .Append(Default)
        .Where(IsIanaName)
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Sorted for a select list.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Known.Order(StringComparer.Ordinal)];


    public static bool IsKnown(string? id) => id is not null && Known.Contains(id);

    public static TimeZoneInfo Find(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The calendar date an instant falls on in a time zone.</summary>
    public static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    // Windows ids ("W. Europe Standard Time") are also resolvable on Linux; accept IANA names only.
    private static bool IsIanaName(string id) =>
        id.Contains('/', StringComparison.Ordinal) || id is "UTC";
}
