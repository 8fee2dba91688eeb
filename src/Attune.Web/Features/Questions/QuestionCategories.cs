using System.Collections.Frozen;
using System.Text.Json;

namespace Attune.Features.Questions;

/// <summary>Category names as they appear in the API and the data file ("inner-world"), and as people read them.</summary>
internal static class QuestionCategories
{
    private static readonly FrozenDictionary<string, QuestionCategory> ByName = Enum.GetValues<QuestionCategory>()
        .ToFrozenDictionary(Name, c => c, StringComparer.OrdinalIgnoreCase);

    public static string Name(QuestionCategory category) => JsonNamingPolicy.KebabCaseLower.ConvertName(category.ToString());

    public static bool TryParse(string? name, out QuestionCategory category) =>
        ByName.TryGetValue(name?.Trim() ?? "", out category);

    public static string Label(QuestionCategory category) => category switch
    {
        QuestionCategory.InnerWorld => "Inner world",
        QuestionCategory.Values => "Values and dreams",
        QuestionCategory.Relationship => "Our relationship",
        QuestionCategory.Everyday => "How are you lately",
        QuestionCategory.Fun => "Fun and imagination",
        _ => category.ToString(),
    };

    public static string DepthLabel(int depth) => depth switch
    {
        1 => "Light",
        2 => "Personal",
        _ => "Vulnerable",
    };
}
