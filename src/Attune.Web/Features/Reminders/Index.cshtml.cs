using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Reminders;

internal sealed class RemindersModel(ReminderService reminders) : PageModel
{
    [BindProperty]
    public bool Question { get; set; }

    [BindProperty]
    public bool CheckIn { get; set; }

    [BindProperty]
    public bool Rituals { get; set; }

    [BindProperty]
    public string? QuietFrom { get; set; }

    [BindProperty]
    public string? QuietUntil { get; set; }

    public string? Email { get; private set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        var settings = await reminders.GetAsync(ct);
        (Question, CheckIn, Rituals, QuietFrom, QuietUntil, Email) = settings;
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var saved = await reminders.SaveAsync(new ReminderRequest(Question, CheckIn, Rituals, QuietFrom, QuietUntil), ct);
        if (saved.Succeeded)
        {
            return RedirectToPage(new { saved = true });
        }

        ModelState.AddFailure(saved.Failure!);
        Email = (await reminders.GetAsync(ct)).Email;
        return Page();
    }
}
