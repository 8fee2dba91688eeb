using Attune.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Attune.Features.Mail;

/// <summary>
/// A mail to queue: already rendered in the recipient's language. <c>Purpose</c> says what kind it is (e.g.
/// "confirm-address"), for rules like "at most one an hour"; null for reminders.
/// </summary>
internal sealed record MailMessage(Guid? UserId, string To, string Subject, string Body, string? UnsubscribeUrl = null, string? Purpose = null);

/// <summary>
/// The durable outbox. <see cref="Enqueue"/> adds a row to the caller's unit of work (it is sent only if that commits);
/// <see cref="DeliverDueAsync"/> sends what is due. Each mail is claimed by a conditional update to
/// <see cref="MailState.HandingOver"/>, committed before the transport sees it: two instances never send the same
/// mail, and a process that dies in the middle leaves it handed over, never sent again (ADR 0010).
/// </summary>
internal sealed partial class MailOutbox(
    IServiceScopeFactory scopes, IMailTransport transport, IOptions<MailOptions> options, IOptions<AttuneOptions> attune,
    TimeProvider time, ILogger<MailOutbox> logger)
{
    private const int Batch = 20;

    public OutgoingMail Enqueue(AttuneDbContext db, MailMessage mail)
    {
        var id = Guid.CreateVersion7(time.GetUtcNow());
        var now = time.GetUtcNow();
        var row = new OutgoingMail
        {
            Id = id,
            UserId = mail.UserId,
            To = mail.To,
            Subject = mail.Subject,
            Body = mail.Body,
            UnsubscribeUrl = mail.UnsubscribeUrl,
            Purpose = mail.Purpose,
            MessageId = $"{id:N}@{Domain()}",
            State = MailState.Queued,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.Set<OutgoingMail>().Add(row);
        return row;
    }

    /// <summary>Sends every due mail once (in batches); returns how many were sent. Safe on several instances.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var sent = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AttuneDbContext>();
            var now = time.GetUtcNow();
            var due = await db.Set<OutgoingMail>().AsNoTracking()
                .Where(m => m.State == MailState.Queued && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt).Take(Batch).ToListAsync(ct);
            if (due.Count == 0)
            {
                return sent;
            }

            var tried = 0;
            foreach (var mail in due)
            {
                // The claim: only one instance moves a queued mail on, and the move is committed before sending.
                var claimed = await db.Set<OutgoingMail>()
                    .Where(m => m.Id == mail.Id && m.State == MailState.Queued && m.Attempts == mail.Attempts)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MailState.HandingOver).SetProperty(m => m.Attempts, mail.Attempts + 1), ct);
                if (claimed == 0)
                {
                    continue;
                }

                tried++;
                if (await SendOneAsync(db, mail, mail.Attempts + 1, ct))
                {
                    sent++;
                }
            }

            if (tried == 0 || due.Count < Batch)
            {
                return sent;
            }
        }
    }

    private async Task<bool> SendOneAsync(AttuneDbContext db, OutgoingMail mail, int attempt, CancellationToken ct)
    {
        var row = db.Set<OutgoingMail>().Where(m => m.Id == mail.Id);
        try
        {
            await transport.SendAsync(Render(mail), ct);
        }
        catch (MailNotDelivered e)
        {
            var giveUp = attempt >= options.Value.MaxAttempts;
            var next = time.GetUtcNow() + RetryDelay(attempt, options.Value);
            var error = e.Message.Length > OutgoingMail.MaxErrorLength ? e.Message[..OutgoingMail.MaxErrorLength] : e.Message;
            await row.ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, giveUp ? MailState.Failed : MailState.Queued)
                    .SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, error),
                CancellationToken.None);
            LogNotDelivered(logger, mail.MessageId, attempt, giveUp, e.Message);
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // It may have arrived: it stays handed over and is not sent again (at most once).
            LogUncertain(logger, mail.MessageId, e);
            return false;
        }

        await row.ExecuteUpdateAsync(
            s => s.SetProperty(m => m.State, MailState.Sent).SetProperty(m => m.SentAt, time.GetUtcNow()).SetProperty(m => m.LastError, (string?)null),
            CancellationToken.None);
        return true;
    }

    /// <summary>Exponential backoff: the first delay after the first refusal, doubling each time, capped.</summary>
    public static TimeSpan RetryDelay(int attempt, MailOptions options)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var delay = options.FirstRetryDelay * factor;
        return delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
    }

    private MimeMessage Render(OutgoingMail mail)
    {
        var message = new MimeMessage
        {
            MessageId = mail.MessageId,
            Subject = mail.Subject,
            Date = mail.CreatedAt,
            Body = new TextPart("plain") { Text = mail.Body },
        };
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (mail.UnsubscribeUrl is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{mail.UnsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        return message;
    }

    private string Domain() =>
        Uri.TryCreate(attune.Value.PublicUrl, UriKind.Absolute, out var url) ? url.Host : "attune.invalid";

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Mail {MessageId} not delivered (attempt {Attempt}, given up: {GaveUp}): {Reason}")]
    private static partial void LogNotDelivered(ILogger logger, string messageId, int attempt, bool gaveUp, string reason);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Error, Message = "Mail {MessageId} may or may not have arrived; it is not sent again")]
    private static partial void LogUncertain(ILogger logger, string messageId, Exception exception);
}
