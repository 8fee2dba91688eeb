using Attune.Data;

namespace Attune.Features.Quiz;

internal enum QuizMark
{
    Right,
    Close,
    NotQuite,
}

/// <summary>
/// One know-me round: the subject answers questions about themselves, the guesser guesses. Revealed once
/// both have sent theirs (<see cref="RevealedAt"/>); only then do either see the other's words.
/// </summary>
internal sealed class QuizRound : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid Id { get; set; }

    public Guid SubjectId { get; set; }

    public Guid GuesserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public DateTimeOffset? GuessedAt { get; set; }

    public DateTimeOffset? RevealedAt { get; set; }
}

/// <summary>
/// One question of a round: the subject's answer and the guesser's guess, each sealed under its writer's
/// key until the round is revealed, then both under the couple's key; the guesser's mark after the reveal.
/// </summary>
internal sealed class QuizItem : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid RoundId { get; set; }

    public string QuestionId { get; set; } = "";

    public int Position { get; set; }

    public byte[]? Answer { get; set; }

    public byte[]? Guess { get; set; }

    public QuizMark? Mark { get; set; }
}
