using System.Text.Json;

namespace Attune.Features.SafeHaven;

/// <summary>The names the API and forms use for <see cref="SupportWay"/> and <see cref="SupportResponseKind"/> (kebab case, like the JSON).</summary>
internal static class SupportNames
{
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryParse<T>(string? value, out T parsed)
        where T : struct, Enum
    {
        parsed = default;
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Name(candidate), value, StringComparison.Ordinal))
            {
                parsed = candidate;
                return true;
            }
        }

        return false;
    }

    public static IReadOnlyList<SupportWay> ParseStored(string ways) =>
        [.. ways.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(w => TryParse<SupportWay>(w, out var way) ? way : (SupportWay?)null)
            .OfType<SupportWay>()];
}
