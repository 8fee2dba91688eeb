using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Attune.Features.Letters;

// Rate-limited like the sign-in (posts only): "together on this phone" checks the writer's password.
[EnableRateLimiting(RateLimits.Auth)]
internal sealed class IndexModel(LetterService letters, Journal.JournalService zones) : PageModel
{
    public IReadOnlyList<LetterView> Letters { get; private set; } = [];

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("dddd d MMMM yyyy, HH:mm", System.Globalization.CultureInfo.CurrentCulture);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct)
    {
        var opened = await letters.OpenAsync(id, ct);
        if (opened.Value is { Open: true })
        {
            return Redirect($"/letters/read/{id}");
        }

        if (opened.Failure is { } failure)
        {
            ModelState.AddFailure(failure);
            await LoadAsync(ct);
            return Page();
        }

        return RedirectToPage();
    }

    /// <summary>The letter whose "together on this phone" form was refused, so its message shows beside it.</summary>
    public Guid? RefusedHere { get; private set; }

    [HashesPassword]
    public async Task<IActionResult> OnPostOpenHereAsync(Guid id, string? writerPassword, CancellationToken ct)
    {
        var opened = await letters.OpenHereAsync(id, writerPassword, ct);
        if (opened.Succeeded)
        {
            return Redirect($"/letters/read/{id}");
        }

        RefusedHere = id;
        ModelState.AddFailure(opened.Failure!);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Zone = await zones.TimeZoneAsync(ct);
        Letters = await letters.ListAsync(ct);
    }
}
