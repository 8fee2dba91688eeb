using System.Globalization;
using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Exercises;

/// <summary>
/// Eye gazing: choose 1–4 minutes and start; a calm page while it runs (a small script counts down, keeps the screen
/// awake and can end with a soft tone; without it the page shows the end time); then one line each.
/// </summary>
internal sealed class GazingModel(GazingService gazing, Couples.CoupleService couples, TimeProvider time) : PageModel
{
    [BindProperty]
    public int? Minutes { get; set; } = GazingService.DefaultMinutes;

    [BindProperty]
    public string? Text { get; set; }

    /// <summary>The session on show; null on the start page.</summary>
    public GazingView? Session { get; private set; }

    /// <summary>On the start page: the couple's last session, if recent, to come back to.</summary>
    public Guid? Recent { get; private set; }

    public string EndsAtLocal { get; private set; } = "";

    public string PartnerName { get; private set; } = "";

    /// <summary>Milliseconds left by the server's clock, so the page's timer never depends on the device's clock.</summary>
    public long RemainingMs { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } session)
        {
            return await LoadAsync(session, ct) ? Page() : NotFound();
        }

        Recent = await gazing.RecentAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var started = await gazing.StartAsync(new GazingRequest(Minutes), ct);
        if (!started.Succeeded)
        {
            ModelState.AddFailure(started.Failure!);
            Recent = await gazing.RecentAsync(ct);
            return Page();
        }

        return Redirect($"/exercises/gazing?id={started.Value!.Id}");
    }

    public async Task<IActionResult> OnPostReflectAsync(Guid id, CancellationToken ct)
    {
        var written = await gazing.ReflectAsync(id, Text, ct);
        if (written.Failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }

        if (!written.Succeeded)
        {
            ModelState.AddFailure(written.Failure!);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return Redirect($"/exercises/gazing?id={id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await gazing.GetAsync(id, ct);
        if (!found.Succeeded)
        {
            return false;
        }

        Session = found.Value!;
        RemainingMs = Math.Max(0, (long)(Session.EndsAt - time.GetUtcNow()).TotalMilliseconds);
        var couple = await couples.CurrentAsync(ct);
        PartnerName = couple?.Partner.DisplayName ?? "";
        var zone = Accounts.TimeZones.Find(couple?.TimeZone ?? "Etc/UTC");
        EndsAtLocal = TimeZoneInfo.ConvertTime(Session.EndsAt, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        return true;
    }
}
