using Attune.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Listening;

/// <summary>Where a speaker–listener session stands.</summary>
internal enum ListeningPhase
{
    /// <summary>The speaker holds the floor.</summary>
    Speaking,

    /// <summary>The listener says back what they heard.</summary>
    Reflecting,

    /// <summary>The speaker says how understood they felt (1–5).</summary>
    Rating,

    /// <summary>The turn is done: swap roles, or (once both have spoken) close with appreciations.</summary>
    TurnDone,

    /// <summary>Both said one thing they appreciated, or someone ended it.</summary>
    Ended,
}

/// <summary>
/// One speaker–listener session of a couple. <see cref="Version"/> grows with every change, so a second
/// device polling the state knows when to refresh. A calm-down break sets <see cref="PausedUntil"/>.
/// </summary>
internal sealed class ListeningSession : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid Id { get; set; }

    /// <summary>True: both partners on one shared phone; false: each on their own device.</summary>
    public bool OnePhone { get; set; }

    public Guid StartedBy { get; set; }

    public Guid FirstSpeakerId { get; set; }

    public Guid SpeakerId { get; set; }

    public ListeningPhase Phase { get; set; }

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset TurnStartedAt { get; set; }

    public DateTimeOffset? PausedUntil { get; set; }

    /// <summary>What the first speaker appreciated, sealed under the couple's key.</summary>
    public byte[]? FirstAppreciation { get; set; }

    /// <summary>What the second speaker appreciated, sealed under the couple's key.</summary>
    public byte[]? SecondAppreciation { get; set; }

    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>One turn of a session: who spoke, the listener's reflection (sealed, couple key) and how understood the speaker felt.</summary>
internal sealed class ListeningTurn : ICoupleOwned
{
    public Guid CoupleId { get; set; }

    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public int Number { get; set; }

    public Guid SpeakerId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public byte[]? Reflection { get; set; }

    /// <summary>1–5, given by the speaker; kept for insights.</summary>
    public int? FeltUnderstood { get; set; }
}

internal sealed class ListeningSessionConfiguration : IEntityTypeConfiguration<ListeningSession>
{
    public void Configure(EntityTypeBuilder<ListeningSession> builder)
    {
        builder.ToTable("listening_sessions");
        builder.HasKey(s => new { s.CoupleId, s.Id });
        builder.Property(s => s.Phase).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class ListeningTurnConfiguration : IEntityTypeConfiguration<ListeningTurn>
{
    public void Configure(EntityTypeBuilder<ListeningTurn> builder)
    {
        builder.ToTable("listening_turns");
        builder.HasKey(t => new { t.CoupleId, t.Id });
        builder.HasIndex(t => new { t.CoupleId, t.SessionId, t.Number }).IsUnique();
    }
}
