using System.ComponentModel.DataAnnotations;

namespace Attune.Features.Mail;

/// <summary>Attune:Mail. Without <see cref="SmtpOptions.Host"/>, mails are written as .eml files to the data folder's outbox/.</summary>
internal sealed class MailOptions
{
    public const string Section = "Attune:Mail";

    /// <summary>The sender, e.g. "Attune &lt;attune@example.org&gt;".</summary>
    [Required]
    public string From { get; set; } = "Attune <attune@localhost>";

    /// <summary>Whether this instance runs the outbox rounds (false: another instance sends; the tests run rounds themselves).</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>How often the outbox looks for due mails (and reminders are planned).</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after the first refusal; it doubles with every further refusal, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "1.00:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Attempts before a mail is given up (state Failed).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    public SmtpOptions Smtp { get; set; } = new();
}

internal sealed class SmtpOptions
{
    /// <summary>The SMTP server; empty writes .eml files instead.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public MailKit.Security.SecureSocketOptions Security { get; set; } = MailKit.Security.SecureSocketOptions.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
