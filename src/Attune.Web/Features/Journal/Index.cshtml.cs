using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Journal;

internal sealed class IndexModel(JournalService journal) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateTimeOffset? Before { get; set; }

    public IReadOnlyList<JournalEntryView> Entries { get; private set; } = [];

    public DateTimeOffset? NextBefore { get; private set; }

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Zone = await journal.TimeZoneAsync(ct);
        var page = await journal.ListAsync(Query, Before, null, ct);
        if (page.Failure is { } failure)
        {
            ModelState.AddFailure(failure);
            return;
        }

        Entries = page.Value!.Entries;
        NextBefore = page.Value.NextBefore;
    }
}
