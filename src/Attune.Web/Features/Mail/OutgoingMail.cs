using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Attune.Features.Mail;

/// <summary>Where a mail is in its one-way life. Only <see cref="Queued"/> mails are ever (re)tried.</summary>
internal enum MailState
{
    /// <summary>Waiting for its next attempt (<see cref="OutgoingMail.NextAttemptAt"/>).</summary>
    Queued = 0,

    /// <summary>Committed before the transport is given the message: if the process dies now, nobody knows whether it
    /// arrived, and it is never sent again automatically (at most once; ADR 0010).</summary>
    HandingOver = 1,

    Sent = 2,

    /// <summary>Refused too often; kept for the operator to see, never retried.</summary>
    Failed = 3,
}

/// <summary>
/// One outgoing mail, rendered and localized when it was queued, so what is sent does not depend on code or
/// settings at delivery time. Mails carry no intimate text (reminders name only what is waiting), so the row is not
/// sealed; it holds the recipient's address and is deleted with the account.
/// </summary>
internal sealed class OutgoingMail
{
    public const int MaxErrorLength = 300;

    public const int MaxPurposeLength = 40;

    public Guid Id { get; set; }

    /// <summary>The account the mail is for (erased with it); null for a mail to an address without an account.</summary>
    public Guid? UserId { get; set; }

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>One-click unsubscribe (the List-Unsubscribe header), or null.</summary>
    public string? UnsubscribeUrl { get; set; }

    /// <summary>What kind of mail (<see cref="MailMessage.Purpose"/>), or null.</summary>
    public string? Purpose { get; set; }

    /// <summary>The deterministic Message-ID (from <see cref="Id"/>), the same on every attempt, so a receiver can tell a repeat.</summary>
    public string MessageId { get; set; } = "";

    public MailState State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The last refusal, for the operator (never the body).</summary>
    public string? LastError { get; set; }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> builder)
    {
        builder.ToTable("outgoing_mails");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
        builder.HasIndex(m => m.UserId);
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.MessageId).HasMaxLength(200);
        builder.Property(m => m.Purpose).HasMaxLength(OutgoingMail.MaxPurposeLength);
        builder.Property(m => m.LastError).HasMaxLength(OutgoingMail.MaxErrorLength);
    }
}
