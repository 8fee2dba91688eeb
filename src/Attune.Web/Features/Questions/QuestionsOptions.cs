using System.ComponentModel.DataAnnotations;

namespace Attune.Features.Questions;

internal sealed class QuestionsOptions
{
    public const string Section = "Questions";

    public const int MaxAnswerLength = 4000;
    public const int MaxReplyLength = 500;
    public const int MaxCustomQuestionLength = 300;

    /// <summary>Revealed answers at the couple's current depth before both are invited one level deeper.</summary>
    [Range(1, 100)]
    public int RevealsBeforeDeeper { get; set; } = 5;
}
