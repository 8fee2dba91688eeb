using System.Globalization;
using Attune.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attune.Features.Rituals;

/// <summary>
/// Screen-free mode: while the session runs, a calm page with its end time (a small script keeps the screen awake
/// and reloads at the end; without it the page is static). Once it has ended, each partner writes a one-line reflection.
/// </summary>
internal sealed class RitualSessionModel(RitualService rituals, Couples.CoupleService couples, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    public SessionView Session { get; private set; } = null!;

    public string EndsAtLocal { get; private set; } = "";

    public string PartnerName { get; private set; } = "";

    /// <summary>Milliseconds left by the server's clock, so the page's timer never depends on the device's clock.</summary>
    public long RemainingMs { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct) =>
        id is { } session && await LoadAsync(session, ct) ? Page() : id is null ? Redirect("/rituals") : NotFound();

    public async Task<IActionResult> OnPostReflectAsync(Guid id, CancellationToken ct)
    {
        var written = await rituals.ReflectAsync(id, Text, ct);
        if (written.Failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }

        if (!written.Succeeded)
        {
            ModelState.AddFailure(written.Failure!);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return Redirect($"/rituals/session?id={id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await rituals.SessionAsync(id, ct);
        if (!found.Succeeded)
        {
            return false;
        }

        Session = found.Value!;
        RemainingMs = Math.Max(0, (long)(Session.EndsAt - time.GetUtcNow()).TotalMilliseconds);
        PartnerName = (await couples.GetAsync(ct))?.Partner.DisplayName ?? "";
        var zone = Accounts.TimeZones.Find(await rituals.ZoneAsync(ct));
        EndsAtLocal = TimeZoneInfo.ConvertTime(Session.EndsAt, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        return true;
    }
}
