namespace Attune.Encryption;

internal enum KeyOwnerKind
{
    /// <summary>Content both partners may read (revealed answers, shared notes).</summary>
    Couple,

    /// <summary>Content only one person may ever read (journal, unrevealed answers).</summary>
    User,
}

/// <summary>Whose data key protects a value.</summary>
internal readonly record struct KeyOwner(KeyOwnerKind Kind, Guid Id)
{
    public static KeyOwner Couple(Guid coupleId) => new(KeyOwnerKind.Couple, coupleId);

    public static KeyOwner User(Guid userId) => new(KeyOwnerKind.User, userId);

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Id:N}";
}
