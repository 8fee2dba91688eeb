namespace Attune.Features.Questions;

internal sealed record MyAnswerView(string Text, DateTimeOffset AnsweredAt);

/// <summary>The partner's side: that they answered, and their words only once both have answered.</summary>
internal sealed record PartnerAnswerView(bool Answered, string? Text, DateTimeOffset? AnsweredAt);

internal sealed record ReactionView(ReactionKind Kind, string? Text);

internal sealed record ReactionsView(ReactionView? Mine, ReactionView? Partner);

internal sealed record TodayResponse(
    DateOnly Date,
    QuestionView Question,
    MyAnswerView? Mine,
    PartnerAnswerView Partner,
    bool Revealed,
    ReactionsView Reactions,
    DepthView Depth);

internal sealed record AnswerRequest(string? Text);

internal sealed record ReactionRequest(string? Kind, string? Text);

internal static class ReactionKinds
{
    /// <summary>What each reaction says, in the words shown on the page.</summary>
    public static string Label(ReactionKind kind, IStringLocalizer<QuestionsText> t) => t["reaction." + Name(kind)];

    public static string Name(ReactionKind kind) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    public static bool TryParse(string? value, out ReactionKind kind)
    {
        kind = default;
        var normalized = value?.Replace("-", "", StringComparison.Ordinal);
        return !string.IsNullOrEmpty(normalized) && !int.TryParse(normalized, out _)
               && Enum.TryParse(normalized, ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }
}
