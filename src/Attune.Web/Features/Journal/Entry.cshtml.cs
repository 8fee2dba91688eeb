using Attune.Data;
using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Journal;

internal sealed class EntryModel(JournalService journal, JournalSharing sharing, Caller caller, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public List<string> Feelings { get; set; } = [];

    [BindProperty]
    public int? Intensity { get; set; } = 3;

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public JournalEntryView? Existing { get; private set; }

    public bool InCouple => caller.IsInCouple;

    /// <summary>Where the form posts: the entry's own address when editing (a null route value would leave the action empty).</summary>
    public string SaveAction => Id is { } id ? $"/journal/entry/{id}?handler=Save" : "/journal/entry?handler=Save";

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Existing is { } entry)
        {
            Text = entry.Text;
            Feelings = [.. entry.Feelings];
            Intensity = entry.Intensity;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var request = new JournalRequest(Text, Feelings, Intensity);
        var saved = Id is { } id ? await journal.UpdateAsync(id, request, ct) : await journal.CreateAsync(request, ct);
        if (saved.Value is { } entry)
        {
            return Redirect($"/journal/entry/{entry.Id}?saved=true");
        }

        if (saved.Failure!.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddFailure(saved.Failure);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            await journal.DeleteAsync(id, ct);
        }

        return Redirect("/journal");
    }

    public async Task<IActionResult> OnPostShareAsync(CancellationToken ct)
    {
        if (Id is { } id && caller.IsInCouple)
        {
            await sharing.ShareAsync(id, ct);
        }

        return Redirect($"/journal/entry/{Id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        if (Id is { } id && caller.IsInCouple)
        {
            await sharing.WithdrawAsync(id, ct);
        }

        return Redirect($"/journal/entry/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Zone = await journal.TimeZoneAsync(ct);
        Today = Accounts.TimeZones.LocalDate(time.GetUtcNow(), Zone);
        if (Id is not { } id)
        {
            return true;
        }

        Existing = (await journal.GetAsync(id, ct)).Value;
        return Existing is not null;
    }
}
