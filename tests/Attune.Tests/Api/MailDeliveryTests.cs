using System.Net;
using System.Net.Http.Json;
using Attune.Features.Mail;
using Attune.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Attune.Tests.Api;

/// <summary>The app sending over SMTP to a port where a real server (aiosmtpd) is started only when the test says so.</summary>
public sealed class SmtpMailAttuneApp : MailAttuneApp
{
    public static readonly int Port = SmtpServer.FreePort();

    public SmtpMailAttuneApp()
        : base(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Attune:Mail:Smtp:Host"] = "127.0.0.1",
            ["Attune:Mail:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Attune:Mail:Smtp:Security"] = "None",
            ["Attune:Mail:FirstRetryDelay"] = "00:01:00",
        })
    {
    }
}

/// <summary>
/// Delivery over real SMTP with retries: while the server is down the mail waits with exponential backoff, and
/// once it is up the mail arrives exactly once. The outbox's rows are the transport's only memory, so this runs on
/// SQLite only (the database parts run on both in <see cref="ReminderApiTests"/>).
/// </summary>
public sealed class MailDeliveryTests(SmtpMailAttuneApp app, ITestOutputHelper output) : IClassFixture<SmtpMailAttuneApp>
{
    private static readonly int[] Attempts = [1, 2, 3, 4, 40];

    [Fact]
    public async Task A_mail_waits_with_backoff_while_the_server_is_down_and_arrives_once_when_it_is_up()
    {
        app.LogsTo(output);
        var (_, ben) = await app.CreatePairedCoupleAsync();
        Assert.Equal(HttpStatusCode.OK, (await ben.Api.PutAsJsonAsync("/api/v1/reminders", new { question = true, quietFrom = "00:00", quietUntil = "00:00" })).StatusCode);

        await app.RunMailAsync();
        var waiting = await MailToAsync(ben.Email);
        Assert.Equal((MailState.Queued, 1), (waiting.State, waiting.Attempts));
        Assert.Equal(app.Time.GetUtcNow() + TimeSpan.FromMinutes(1), waiting.NextAttemptAt);
        Assert.Contains("Could not reach", waiting.LastError, StringComparison.Ordinal);

        await using var server = await SmtpServer.StartAsync(SmtpMailAttuneApp.Port, Path.Combine(app.DataDirectory, "smtp"));
        await app.RunMailAsync();
        app.Time.Advance(TimeSpan.FromSeconds(30));
        await app.RunMailAsync();
        Assert.Empty(server.Received()); // Not due yet: the backoff is kept even though the server is back.

        app.Time.Advance(TimeSpan.FromSeconds(30));
        await app.RunMailAsync();
        await app.RunMailAsync();
        var received = Assert.Single(server.Received());
        Assert.Equal(ben.Email, received.To.Mailboxes.Single().Address);
        Assert.Equal(waiting.MessageId, received.MessageId);
        Assert.Equal((MailState.Sent, 2), ((await MailToAsync(ben.Email)).State, (await MailToAsync(ben.Email)).Attempts));

        var options = new MailOptions { FirstRetryDelay = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromHours(6) };
        Assert.Equal(
            [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), TimeSpan.FromHours(6)],
            Attempts.Select(a => MailOutbox.RetryDelay(a, options)));
    }

    private Task<OutgoingMail> MailToAsync(string email) =>
        app.WithDbAsync(db => db.Set<OutgoingMail>().AsNoTracking().SingleAsync(m => m.To == email));
}
