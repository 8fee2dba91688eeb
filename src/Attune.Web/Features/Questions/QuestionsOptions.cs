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

    /// <summary>
    /// How long a Today view may be served from memory at most. Writes through this instance end it at
    /// once; this bounds how late a write made through another instance shows. Zero turns caching off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan TodayCacheFor { get; set; } = TimeSpan.FromSeconds(2);
}
