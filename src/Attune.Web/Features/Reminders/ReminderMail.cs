using System.Globalization;
using System.Text;
using Attune.Features.Mail;

namespace Attune.Features.Reminders;

/// <summary>The digest's words, in the person's language: what is waiting, a link home, and one unsubscribe link per kind.</summary>
internal static class ReminderMail
{
    public static MailMessage Render(
        IStringLocalizer<RemindersText> text, CultureInfo culture, Uri site, string to, string name, ReminderSettings settings, DueReminders due)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            string Link(ReminderKind kind) => new Uri(site, "unsubscribe/" + UnsubscribeTokens.Make(settings.UserId, kind, settings.Secret)).AbsoluteUri;
            var body = new StringBuilder();
            body.AppendLine(string.IsNullOrWhiteSpace(name) ? text["mail.hello"] : text["mail.hello.name", name]).AppendLine();
            body.AppendLine(text["mail.intro"]).AppendLine();
            if (due.Question)
            {
                body.AppendLine("- " + text["mail.question"]);
            }

            if (due.CheckIn)
            {
                body.AppendLine("- " + text["mail.checkin"]);
            }

            foreach (var (title, time) in due.Rituals)
            {
                body.AppendLine("- " + text["mail.ritual", title, time.ToString("HH:mm", CultureInfo.InvariantCulture)]);
            }

            body.AppendLine().AppendLine(text["mail.open", new Uri(site, "today").AbsoluteUri]).AppendLine();
            body.AppendLine("-- ").AppendLine(text["mail.why"]);
            foreach (var (on, kind, key) in new[]
                     {
                         (settings.Question, ReminderKind.Question, "mail.stop.question"),
                         (settings.CheckIn, ReminderKind.CheckIn, "mail.stop.checkin"),
                         (settings.Rituals, ReminderKind.Rituals, "mail.stop.rituals"),
                     })
            {
                if (on)
                {
                    body.AppendLine(text[key, Link(kind)]);
                }
            }

            body.AppendLine(text["mail.stop.all", Link(ReminderKind.All)]);
            body.AppendLine(text["mail.settings", new Uri(site, "reminders").AbsoluteUri]);
            return new MailMessage(settings.UserId, to, text["mail.subject"], body.ToString(), Link(ReminderKind.All));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
