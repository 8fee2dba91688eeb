using System.Globalization;
using System.Text;
using Attune.Features.Mail;

namespace Attune.Features.Accounts;

/// <summary>
/// The two mails registration sends, in the recipient's language: the link that confirms a new address, and the
/// note to an owner that someone tried to register with their address. Neither carries anything typed at
/// registration (never the password), nor anything private.
/// </summary>
internal static class AccountMails
{
    public const string ConfirmPurpose = "confirm-address";
    public const string NotePurpose = "registration-note";

    public static MailMessage Confirm(IStringLocalizer<AccountsText> text, CultureInfo culture, Guid userId, string to, Uri link) =>
        In(culture, () => new MailMessage(userId, to, text["mail.confirm.subject"], new StringBuilder()
            .AppendLine(text["mail.hello"]).AppendLine()
            .AppendLine(text["mail.confirm.intro"]).AppendLine()
            .AppendLine(link.AbsoluteUri).AppendLine()
            .AppendLine(text["mail.confirm.expires", (int)ConfirmationTokens.Lifespan.TotalDays]).AppendLine()
            .AppendLine(text["mail.confirm.notyou"]).AppendLine()
            .AppendLine("-- ").AppendLine(text["mail.why"])
            .ToString(), Purpose: ConfirmPurpose));

    public static MailMessage Note(IStringLocalizer<AccountsText> text, CultureInfo culture, Guid userId, string to, Uri site) =>
        In(culture, () => new MailMessage(userId, to, text["mail.note.subject"], new StringBuilder()
            .AppendLine(text["mail.hello"]).AppendLine()
            .AppendLine(text["mail.note.intro"]).AppendLine()
            .AppendLine(text["mail.note.you", new Uri(site, "signin").AbsoluteUri]).AppendLine()
            .AppendLine(text["mail.note.notyou"]).AppendLine()
            .AppendLine("-- ").AppendLine(text["mail.why"])
            .ToString(), Purpose: NotePurpose));

    private static MailMessage In(CultureInfo culture, Func<MailMessage> render)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return render();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
