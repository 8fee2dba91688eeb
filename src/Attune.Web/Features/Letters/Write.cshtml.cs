using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Letters;

internal sealed class WriteModel(LetterService letters, Journal.JournalService zones) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? When { get; set; } = "together";

    /// <summary>The opening time as the writer's own clock shows it (datetime-local has no zone).</summary>
    [BindProperty]
    public DateTime? OpensAtLocal { get; set; }

    /// <summary>Only for the field error's key ("opensAt").</summary>
    public DateTimeOffset? OpensAt { get; set; }

    public string ZoneName { get; private set; } = "UTC";

    public async Task OnGetAsync(CancellationToken ct) => ZoneName = (await zones.TimeZoneAsync(ct)).Id;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var zone = await zones.TimeZoneAsync(ct);
        ZoneName = zone.Id;
        DateTimeOffset? opensAt = null;
        if (When == "at")
        {
            if (OpensAtLocal is not { } local)
            {
                ModelState.AddFailure(Failure.Field("opensAt", letters.ChooseTimeMessage));
                return Page();
            }

            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            opensAt = new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
        }

        var written = await letters.WriteAsync(new LetterRequest(Text, opensAt), ct);
        if (written.Succeeded)
        {
            return Redirect("/letters");
        }

        ModelState.AddFailure(written.Failure!);
        return Page();
    }
}
