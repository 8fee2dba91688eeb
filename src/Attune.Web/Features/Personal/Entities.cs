using Attune.Data;

namespace Attune.Features.Personal;

internal enum PersonalKind
{
    Goal,
    Habit,
}

/// <summary>
/// A personal goal or self-care habit: one person's, in no couple (like the journal). The title is sealed
/// under the owner's key and opened only for the owner; sharing makes a copy under the couple's key.
/// </summary>
internal sealed class PersonalGoal
{
    public Guid UserId { get; set; }

    public Guid Id { get; set; }

    public PersonalKind Kind { get; set; }

    public byte[] Title { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A goal its owner chose to show their partner: the title sealed under the couple's key. Unsharing deletes it.</summary>
internal sealed class PersonalGoalShare : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid GoalId { get; set; }

    public Guid OwnerId { get; set; }

    public PersonalKind Kind { get; set; }

    public byte[] Title { get; set; } = [];

    public DateTimeOffset SharedAt { get; set; }
}

/// <summary>Time one person spent on one of their goals: a date and minutes, or just "did it" (no minutes). Theirs alone.</summary>
internal sealed class PersonalLog
{
    public Guid UserId { get; set; }

    public Guid Id { get; set; }

    public Guid GoalId { get; set; }

    public DateOnly Date { get; set; }

    public int? Minutes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
