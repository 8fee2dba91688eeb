using Attune.Data;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Attune.Features.Mail;

/// <summary>Delivers one message: over SMTP when configured, otherwise as an .eml file in the data folder's outbox/.</summary>
internal interface IMailTransport
{
    /// <summary>
    /// Throws <see cref="MailNotDelivered"/> when the message certainly did not arrive (no connection, a refusal the
    /// server answered with): the outbox tries again later. Any other exception leaves it unknown whether it arrived.
    /// </summary>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>The message certainly did not arrive, so trying again cannot deliver it twice.</summary>
internal sealed class MailNotDelivered(string message, Exception inner) : Exception(message, inner);

internal sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host ?? "", smtp.Port, smtp.Security, ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new MailNotDelivered($"Could not reach {smtp.Host}:{smtp.Port}: {e.GetType().Name}", e);
        }

        try
        {
            await client.SendAsync(message, ct);
        }
        catch (SmtpCommandException e)
        {
            // The server answered "no" (to the sender, a recipient or the message): nothing was accepted.
            throw new MailNotDelivered($"Refused by {smtp.Host}: {(int)e.StatusCode} {e.ErrorCode}", e);
        }

        try
        {
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Accepted already; a lost QUIT changes nothing.
        }
    }
}

/// <summary>
/// Without an SMTP server nothing is lost: each mail becomes outbox/{message id}.eml, written to a temporary
/// file and renamed, so writing the same mail again replaces the file instead of adding a second one.
/// </summary>
internal sealed class FileMailTransport(IOptions<AttuneOptions> attune) : IMailTransport
{
    public string Folder => Path.Combine(attune.Value.ResolveDataDirectory(), "outbox");

    public static string FileName(string messageId) =>
        string.Concat(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_')) + ".eml";

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        Hosting.PrivateFiles.CreateDirectory(Folder);
        var path = Path.Combine(Folder, FileName(message.MessageId ?? ""));
        var temporary = path + ".tmp";
        try
        {
            await using (var file = File.Create(temporary))
            {
                await message.WriteToAsync(file, ct);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException e)
        {
            throw new MailNotDelivered("Could not write to the outbox folder", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new MailNotDelivered("Could not write to the outbox folder", e);
        }
    }
}
