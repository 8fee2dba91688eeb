using Attune.Data;

namespace Attune.Features.SafeHaven;

/// <summary>Ways a person likes to be supported when stressed; more than one may be chosen.</summary>
internal enum SupportWay
{
    Listen,
    Comfort,
    HelpSolve,
    Space,
    Distraction,
}

/// <summary>How a partner answers a hard day.</summary>
internal enum SupportResponseKind
{
    ImHere,
    TalkTonight,
    Message,
}

/// <summary>
/// One person's support preferences: theirs, not the couple's (they stay with the person across couples and go
/// with the account). "What helps me" is sealed under the person's own key. The partner is shown them only
/// while this person has an open hard-day signal (<see cref="SupportRequestService"/>).
/// </summary>
internal sealed class SupportPreferences
{
    public Guid UserId { get; set; }

    /// <summary>Comma-separated <see cref="SupportWay"/> names in kebab case, e.g. "listen,comfort".</summary>
    public string Ways { get; set; } = "";

    public byte[]? WhatHelps { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A hard-day signal. The note is sealed under the signaller's own key and opened for the partner only while
/// the signal is open (closed by its author, or 3 days after it was sent, computed on read).
/// </summary>
internal sealed class SupportRequest : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>How heavy it feels, 1 to 3.</summary>
    public int Intensity { get; set; }

    public byte[]? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the author closes it (or, on the next signal, when it ran out); null while it may be open.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>The partner's answer to a hard day; its message is sealed under the couple's key (it is written to be read).</summary>
internal sealed class SupportResponse : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid Id { get; set; }

    public Guid RequestId { get; set; }

    public Guid UserId { get; set; }

    public SupportResponseKind Kind { get; set; }

    public byte[]? Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
