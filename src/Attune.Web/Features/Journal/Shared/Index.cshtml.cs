using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Journal;

/// <summary>The copies both partners chose to share (page folder Journal/Shared needs a couple).</summary>
internal sealed class SharedModel(JournalSharing sharing, JournalService journal) : PageModel
{
    public IReadOnlyList<SharedEntryView> Entries { get; private set; } = [];

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Zone = await journal.TimeZoneAsync(ct);
        Entries = await sharing.ListAsync(ct);
    }
}
