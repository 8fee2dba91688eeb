namespace Attune.Encryption;

internal enum KeyOwnerKind
{
    /// <summary>
    /// Content that belongs to a couple while it lasts: the custom questions either partner adds. The key
    /// is destroyed when the couple ends (after the remaining partner's questions were re-sealed under their own key).
    /// </summary>
    Couple,

    /// <summary>
    /// Content of one person: their answers and replies, before and after the reveal (revealing is an access
    /// rule in AnswerPrivacy, not a re-seal), their two-step secrets, and custom questions they kept when a
    /// couple ended. The key is destroyed when the account is deleted.
    /// </summary>
    User,
}

/// <summary>Whose data key protects a value.</summary>
internal readonly record struct KeyOwner(KeyOwnerKind Kind, Guid Id)
{
    public static KeyOwner Couple(Guid coupleId) => new(KeyOwnerKind.Couple, coupleId);

    public static KeyOwner User(Guid userId) => new(KeyOwnerKind.User, userId);

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Id:N}";
}
