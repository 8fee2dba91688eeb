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

    /// <summary>The category as people read it, in the request's language (key <c>category.inner-world</c> …).</summary>
    public static string Label(QuestionCategory category, IStringLocalizer<QuestionsText> t) => t["category." + Name(category)];

    /// <summary>The depth as people read it: light, personal or vulnerable.</summary>
    public static string DepthLabel(int depth, IStringLocalizer<QuestionsText> t) => t[depth switch
    {
        1 => "depth.light",
        2 => "depth.personal",
        _ => "depth.vulnerable",
    }];
}
