using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Attune.Features.Mail;
using Attune.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Attune.Tests.Api;

public sealed record ReminderSettingsDto(bool Question, bool CheckIn, bool Rituals, string QuietFrom, string QuietUntil, string? Email);

/// <summary>The app with a public address (mails link back to it) and no background mail rounds: tests run them on the fake clock.</summary>
public class MailAttuneApp : AttuneApp
{
    public MailAttuneApp()
        : this(DatabaseKind.Sqlite)
    {
    }

    protected MailAttuneApp(DatabaseKind database, Dictionary<string, string?>? settings = null)
        : base(database, new Dictionary<string, string?>(settings ?? [])
        {
            ["Attune:PublicUrl"] = "https://attune.test",
            ["Attune:Mail:RunInBackground"] = "false",
            // The reminder tests count the mails an address gets; confirmation links are tested in RegistrationApiTests.
            ["Attune:Accounts:RequireConfirmedEmail"] = "false",
        })
    {
    }

    /// <summary>One outbox round (plan reminders, deliver what is due), as the background worker runs it.</summary>
    internal Task<int> RunMailAsync() => Services.GetRequiredService<MailWorker>().RunOnceAsync(CancellationToken.None);

    /// <summary>Moves the fake clock to the next time it is <paramref name="day"/> at <paramref name="time"/> in Berlin.</summary>
    public void AdvanceToBerlin(DayOfWeek day, TimeOnly time)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var local = TimeZoneInfo.ConvertTime(Time.GetUtcNow(), zone);
        var target = local.Date.AddDays(((int)day - (int)local.DayOfWeek + 7) % 7) + time.ToTimeSpan();
        if (target <= local.DateTime)
        {
            target = target.AddDays(7);
        }

        Time.SetUtcNow(new DateTimeOffset(target, zone.GetUtcOffset(target)).ToUniversalTime());
    }

    /// <summary>The .eml files the outbox wrote (no SMTP server configured), for one address.</summary>
    public List<MimeMessage> Outbox(string to) =>
        Directory.Exists(Path.Combine(DataDirectory, "outbox"))
            ? [.. Directory.GetFiles(Path.Combine(DataDirectory, "outbox"), "*.eml").Select(f => MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(a => a.Address == to)).OrderBy(m => m.Date)]
            : [];
}

public sealed class PostgresMailAttuneApp : MailAttuneApp
{
    public PostgresMailAttuneApp()
        : base(DatabaseKind.Postgres)
    {
    }
}

/// <summary>
/// E-mail reminders through the API, the pages and the outbox's .eml fallback, on SQLite and PostgreSQL, with the
/// fake clock: opt-in per kind, quiet hours, one digest a day, unsubscribing without signing in, no private words.
/// </summary>
public abstract partial class ReminderApiTests(MailAttuneApp app)
{
    [Fact]
    public async Task Reminders_are_opt_in_per_kind_wait_out_quiet_hours_come_once_a_day_and_name_nothing_anyone_wrote()
    {
        var (ana, ben) = await app.CreatePairedCoupleAsync();
        var canary = "CANARY-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, (await ana.AnswerAsync(canary + " answer")).StatusCode);
        await ana.Api.PostAsJsonAsync("/api/v1/letters", new { text = canary + " letter" });
        var everyDay = new List<string> { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };
        Assert.Equal(HttpStatusCode.Created, (await ana.Api.PostAsJsonAsync("/api/v1/rituals", new { title = canary + " ritual", days = everyDay, time = "19:00", durationMinutes = 30 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ana.Api.PostAsJsonAsync("/api/v1/rituals", new { template = "walk-and-talk", days = everyDay, time = "18:00", durationMinutes = 30 })).StatusCode);

        // Off until chosen, with quiet hours ready; a time that is not one is refused beside its field.
        Assert.Equal(new ReminderSettingsDto(false, false, false, "21:00", "08:00", ben.Email), await ben.Api.GetFromJsonAsync<ReminderSettingsDto>("/api/v1/reminders"));
        var invalid = await ben.Api.PutAsJsonAsync("/api/v1/reminders", new { question = true, quietFrom = "25:00" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("quietFrom", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await ben.Api.PutAsJsonAsync("/api/v1/reminders", new { question = true, rituals = true, quietFrom = "22:00", quietUntil = "07:30" });
        Assert.Equal(new ReminderSettingsDto(true, false, true, "22:00", "07:30", ben.Email), await saved.ReadAsync<ReminderSettingsDto>());

        // Quiet hours: nothing at 06:00 local; the digest comes at the first round after 07:30, and only once that day.
        app.AdvanceToBerlin(DayOfWeek.Tuesday, new TimeOnly(6, 0));
        await app.RunMailAsync();
        Assert.Empty(app.Outbox(ben.Email));
        app.AdvanceToBerlin(DayOfWeek.Tuesday, new TimeOnly(7, 30));
        await app.RunMailAsync();
        app.AdvanceToBerlin(DayOfWeek.Tuesday, new TimeOnly(12, 0));
        await app.RunMailAsync();
        var tuesday = Assert.Single(app.Outbox(ben.Email));
        var body = tuesday.TextBody ?? "";
        Assert.Contains("Today's question is waiting for you.", body, StringComparison.Ordinal);
        Assert.Contains("Today: Walk and talk at 18:00", body, StringComparison.Ordinal);
        Assert.Contains("Today: one of your own rituals at 19:00", body, StringComparison.Ordinal);
        Assert.DoesNotContain("check-in day", body, StringComparison.Ordinal);
        Assert.Empty(app.Outbox(ana.Email)); // Ana chose nothing.

        // The file is named by its Message-ID; the unsubscribe header is there for mail programs.
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "outbox", FileMailTransport.FileName(tuesday.MessageId!))));
        Assert.Matches("^<https://attune.test/unsubscribe/[A-Za-z0-9_-]{44}>$", tuesday.Headers["List-Unsubscribe"]);

        // Per kind: Ana wants only the check-in day (moved to Wednesday) and answered nothing today, so no question line.
        await ana.Api.PutAsJsonAsync("/api/v1/checkins/day", new { day = "wednesday" });
        await ana.Api.PutAsJsonAsync("/api/v1/reminders", new { checkIn = true });
        await ben.Api.PutAsJsonAsync("/api/v1/me", new { displayName = ben.DisplayName, timeZone = "Europe/Berlin", language = "de" });
        app.AdvanceToBerlin(DayOfWeek.Wednesday, new TimeOnly(9, 0));
        await app.RunMailAsync();
        var anaMail = Assert.Single(app.Outbox(ana.Email));
        Assert.Contains("It's check-in day.", anaMail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("question", anaMail.TextBody, StringComparison.Ordinal);
        var german = app.Outbox(ben.Email)[^1];
        Assert.Equal("Eine kleine Erinnerung für heute", german.Subject);
        Assert.Contains("Die Frage des Tages wartet auf dich.", german.TextBody, StringComparison.Ordinal);

        foreach (var mail in app.Outbox(ana.Email).Concat(app.Outbox(ben.Email)))
        {
            Assert.DoesNotContain(canary, mail.ToString(), StringComparison.Ordinal);
        }

        // Unsubscribing from the link, without signing in: a page to confirm, then only that kind is off.
        var link = Link().Match(body.Split('\n').Single(l => l.StartsWith("No more question reminders", StringComparison.Ordinal))).Value;
        using var stranger = app.CreateHttpClient(handleCookies: false);
        Assert.Contains("Stop the mails about today", await stranger.GetStringAsync(link), StringComparison.Ordinal);
        var tampered = link[..^2] + (link[^2] == 'A' ? "B" : "A") + link[^1];
        Assert.Contains("work (any more)", await stranger.GetStringAsync(tampered), StringComparison.Ordinal);
        Assert.Contains("work (any more)", await (await stranger.PostAsync(tampered, null)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var done = await stranger.PostAsync(link, null);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("no more mails about today", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((false, true), await ben.Api.GetFromJsonAsync<ReminderSettingsDto>("/api/v1/reminders") is { } after ? (after.Question, after.Rituals) : default);

        // The settings page shows the same choices.
        using var pages = await app.PageClientAsync(ana);
        var html = await pages.GetStringAsync("/reminders");
        Assert.Contains("name=\"CheckIn\" value=\"true\" checked", html, StringComparison.Ordinal);
        Assert.Contains(ana.Email, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writing_the_same_mail_twice_to_the_outbox_folder_leaves_one_file()
    {
        var transport = app.Services.GetRequiredService<FileMailTransport>();
        var message = new MimeMessage { MessageId = Guid.NewGuid().ToString("N") + "@attune.test", Subject = "Hello" };
        message.From.Add(MailboxAddress.Parse("attune@attune.test"));
        message.To.Add(MailboxAddress.Parse("someone@example.test"));
        message.Body = new TextPart("plain") { Text = "once" };

        await transport.SendAsync(message, CancellationToken.None);
        await transport.SendAsync(message, CancellationToken.None);

        Assert.Single(Directory.GetFiles(transport.Folder, FileMailTransport.FileName(message.MessageId!)));
        Assert.Empty(Directory.GetFiles(transport.Folder, "*.tmp"));
    }

    [GeneratedRegex(@"https://attune\.test/unsubscribe/[A-Za-z0-9_-]+")]
    private static partial Regex Link();
}

public sealed class SqliteReminderApiTests(MailAttuneApp app, ITestOutputHelper output) : ReminderApiTests(app.LogsTo(output)), IClassFixture<MailAttuneApp>;

public sealed class PostgresReminderApiTests(PostgresMailAttuneApp app, ITestOutputHelper output) : ReminderApiTests(app.LogsTo(output)), IClassFixture<PostgresMailAttuneApp>;
