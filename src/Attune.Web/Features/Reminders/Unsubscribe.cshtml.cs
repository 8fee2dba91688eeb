using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Reminders;

/// <summary>
/// The link in every reminder mail: GET shows what it turns off and a button; POST turns it off. No sign-in (the
/// token is the credential) and no antiforgery token, so a mail program's one-click POST (RFC 8058) works too:
/// the worst a forged POST can do is stop a reminder. Paths are not logged (Hosting/QuietLogging).
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class UnsubscribeModel(Unsubscriptions reminders) : PageModel
{
    public ReminderKind? Kind { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken ct)
    {
        var kind = await reminders.CheckAsync(token, ct);
        Kind = kind.Succeeded ? kind.Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken ct)
    {
        var kind = await reminders.UnsubscribeAsync(token, ct);
        Kind = kind.Succeeded ? kind.Value : null;
        Done = kind.Succeeded;
        return Page();
    }
}
