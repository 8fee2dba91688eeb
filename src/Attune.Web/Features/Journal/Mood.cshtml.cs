using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Journal;

internal sealed record MoodRow(MoodPoint Point, IReadOnlyList<string> Feelings);

internal sealed class MoodModel(JournalService journal, TimeProvider time) : PageModel
{
    public IReadOnlyList<MoodPoint> Points { get; private set; } = [];

    public IReadOnlyList<MoodRow> Rows { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var zone = await journal.TimeZoneAsync(ct);
        var now = time.GetUtcNow();
        Today = Accounts.TimeZones.LocalDate(now, zone);
        var entries = await journal.SinceAsync(now.AddDays(-MoodChart.Days - 1), ct);
        Rows = [.. entries
            .Select(e => new MoodRow(
                new MoodPoint(Accounts.TimeZones.LocalDate(e.CreatedAt, zone), e.Intensity, Feelings.ToneOf(e.Feelings)),
                e.Feelings))
            .Where(r => r.Point.Day > Today.AddDays(-MoodChart.Days))];
        Points = [.. Rows.Select(r => r.Point)];
    }
}
