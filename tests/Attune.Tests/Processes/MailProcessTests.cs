using System.Diagnostics;
using System.Net.Http.Json;
using Attune.Tests.Fixtures;

namespace Attune.Tests.Processes;

/// <summary>
/// The outbox across a crash, with real processes: the app hands a reminder to a real SMTP server (aiosmtpd), the
/// server has the whole message but has not yet answered "250 OK", and the app is killed with SIGKILL. After a
/// restart the app goes on sending (the partner's reminder arrives) but never sends the first mail again: the
/// server holds it exactly once (at most once in that window, ADR 0010).
/// </summary>
public sealed class MailProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_mail_handed_over_before_a_kill_is_received_exactly_once_after_the_restart()
    {
        await using var database = await ProcessDatabase.CreateAsync(DatabaseKind.Sqlite);
        var folder = Path.Combine(database.DataDirectory, "smtp");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "hold"), "");
        await using var smtp = await SmtpServer.StartAsync(SmtpServer.FreePort(), folder);
        var settings = new Dictionary<string, string>(database.Settings)
        {
            ["Attune__PublicUrl"] = "https://attune.test",
            ["Attune__Mail__Smtp__Host"] = "127.0.0.1",
            ["Attune__Mail__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Attune__Mail__Smtp__Security"] = "None",
            ["Attune__Mail__PollEvery"] = "00:00:00.5",
        };
        var never = new { question = true, quietFrom = "00:00", quietUntil = "00:00" };

        string first;
        string partnerEmail;
        await using (var app = await AppProcess.StartAsync(settings, output))
        {
            var (inviter, partner) = await app.PairAsync();
            using var partnerClient = app.Client(partner);
            partnerEmail = (await partnerClient.GetFromJsonAsync<MeDto>("/api/v1/me"))!.Email;
            using var inviterClient = app.Client(inviter);
            Assert.True((await inviterClient.PutAsJsonAsync("/api/v1/reminders", never)).IsSuccessStatusCode);

            // The server has the message and is holding back its answer: the app waits for it, and dies.
            first = (await WaitForAsync(smtp, 1)).Single().MessageId ?? "";
            await app.KillAsync();
        }

        File.Delete(Path.Combine(folder, "hold"));
        await using (var restarted = await AppProcess.StartAsync(settings, output))
        {
            // The restarted app delivers new mail (so it has run its rounds over the outbox) ...
            var partnerToken = await LoginAsync(restarted, partnerEmail);
            using var partnerClient = restarted.Client(partnerToken);
            Assert.True((await partnerClient.PutAsJsonAsync("/api/v1/reminders", never)).IsSuccessStatusCode);
            var received = await WaitForAsync(smtp, 2);

            // ... but not the one whose fate it could not know.
            Assert.Single(received, m => m.MessageId == first);
            Assert.Single(received, m => m.To.Mailboxes.Single().Address == partnerEmail);
        }
    }

    private static async Task<string> LoginAsync(AppProcess app, string email)
    {
        using var client = app.Client();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestUsers.Password });
        return (await login.ReadAsync<TokenResponse>()).AccessToken;
    }

    private static async Task<List<MimeKit.MimeMessage>> WaitForAsync(SmtpServer smtp, int count)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (smtp.Received() is { } received && received.Count >= count)
            {
                return received;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The SMTP server did not receive {count} mails within {waited.Elapsed.TotalSeconds:0} s: {smtp.Received().Count} arrived");
    }
}
