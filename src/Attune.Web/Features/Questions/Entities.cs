using Attune.Data;

namespace Attune.Features.Questions;

/// <summary>A question of the project's library (questions.json), loaded into the database at start-up.</summary>
internal sealed class LibraryQuestion
{
    public string Id { get; set; } = "";

    public QuestionCategory Category { get; set; }

    public int Depth { get; set; }

    /// <summary>Comma-separated intimacy dimensions, e.g. "trust,vulnerability".</summary>
    public string Dimensions { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>Set when a question leaves the data file; kept so history still shows it.</summary>
    public bool Retired { get; set; }
}

/// <summary>
/// A question a partner added to the couple's own rotation. The text is sealed under the couple's key while the
/// couple lasts; when it ends, the remaining partner's questions are re-sealed under their own key (CustomQuestionText).
/// </summary>
internal sealed class CustomQuestion : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid Id { get; set; }

    public Guid AuthorId { get; set; }

    public QuestionCategory Category { get; set; }

    public int Depth { get; set; }

    public byte[] Text { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Removed questions leave the rotation but stay readable in the history of days they were asked.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
}

/// <summary>The question a couple got on one of its local days.</summary>
internal sealed class DailyQuestion : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>A library id, or "custom:{guid}" for a custom question.</summary>
    public string QuestionId { get; set; } = "";

    public QuestionCategory Category { get; set; }

    public int Depth { get; set; }

    /// <summary>Rotation round: a question is not asked again until every allowed question was asked in the round.</summary>
    public int Cycle { get; set; }

    /// <summary>Bumped by every answer write; the update takes a row lock that serialises the couple's day.</summary>
    public int Version { get; set; }

    public DateTimeOffset AssignedAt { get; set; }
}

/// <summary>One partner's answer for a day, sealed under the author's own key.</summary>
internal sealed class Answer : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public DateOnly Date { get; set; }

    public Guid UserId { get; set; }

    public byte[] Text { get; set; } = [];

    public DateTimeOffset AnsweredAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A warm reaction to the partner's revealed answer, with an optional reply sealed under the author's key.</summary>
internal sealed class Reaction : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public DateOnly Date { get; set; }

    public Guid UserId { get; set; }

    public ReactionKind Kind { get; set; }

    public byte[]? Reply { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal enum QuestionCategory
{
    InnerWorld,
    Values,
    Relationship,
    Everyday,
    Fun,
}

internal enum ReactionKind
{
    ThankYou,
    TellMeMore,
    Heart,
    MeToo,
    Hug,
}
