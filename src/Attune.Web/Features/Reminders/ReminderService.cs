using System.Globalization;
using Attune.Data;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Reminders;

internal sealed record ReminderSettingsView(bool Question, bool CheckIn, bool Rituals, string QuietFrom, string QuietUntil, string? Email);

/// <summary>A change of settings; a field left out keeps its value.</summary>
internal sealed record ReminderRequest(bool? Question, bool? CheckIn, bool? Rituals, string? QuietFrom, string? QuietUntil);

/// <summary>The caller's reminder settings, and unsubscribing by a mail's link (no caller: the token names the person).</summary>
internal sealed class ReminderService(AttuneDbContext db, Caller caller, IStringLocalizer<RemindersText> text)
{
    public const string TimeFormat = "HH:mm";

    public async Task<ReminderSettingsView> GetAsync(CancellationToken ct)
    {
        var settings = await db.Set<ReminderSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == caller.UserId, ct) ?? new ReminderSettings();
        var email = await db.Users.AsNoTracking().Where(u => u.Id == caller.UserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        return View(settings, email);
    }

    public async Task<Outcome<ReminderSettingsView>> SaveAsync(ReminderRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var from = ParseTime(request.QuietFrom, "quietFrom", errors);
        var until = ParseTime(request.QuietUntil, "quietUntil", errors);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var settings = await db.Set<ReminderSettings>().FirstOrDefaultAsync(s => s.UserId == caller.UserId, ct);
        if (settings is null)
        {
            settings = new ReminderSettings { UserId = caller.UserId, Secret = UnsubscribeTokens.NewSecret() };
            db.Add(settings);
        }

        settings.Question = request.Question ?? settings.Question;
        settings.CheckIn = request.CheckIn ?? settings.CheckIn;
        settings.Rituals = request.Rituals ?? settings.Rituals;
        settings.QuietFrom = from ?? settings.QuietFrom;
        settings.QuietUntil = until ?? settings.QuietUntil;
        await db.SaveChangesAsync(ct);
        return await GetAsync(ct);
    }

    private TimeOnly? ParseTime(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(value.Trim(), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors[field] = [text["error.time"]];
        return null;
    }

    private static ReminderSettingsView View(ReminderSettings s, string? email) => new(
        s.Question, s.CheckIn, s.Rituals,
        s.QuietFrom.ToString(TimeFormat, CultureInfo.InvariantCulture), s.QuietUntil.ToString(TimeFormat, CultureInfo.InvariantCulture), email);
}

/// <summary>Unsubscribing by a mail's link: no caller (the page is open to everyone); the token names the person.</summary>
internal sealed class Unsubscriptions(AttuneDbContext db, IStringLocalizer<RemindersText> text)
{
    /// <summary>The kind a valid unsubscribe token turns off; "not found" for anything else (the same for every wrong token).</summary>
    public async Task<Outcome<ReminderKind>> CheckAsync(string? token, CancellationToken ct) =>
        await FindAsync(token, ct) is { } found ? found.Kind : NotFound();

    public async Task<Outcome<ReminderKind>> UnsubscribeAsync(string? token, CancellationToken ct)
    {
        if (await FindAsync(token, ct) is not { } found)
        {
            return NotFound();
        }

        var all = found.Kind == ReminderKind.All;
        var keepQuestion = !all && found.Kind != ReminderKind.Question;
        var keepCheckIn = !all && found.Kind != ReminderKind.CheckIn;
        var keepRituals = !all && found.Kind != ReminderKind.Rituals;
        await db.Set<ReminderSettings>().Where(s => s.UserId == found.UserId).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Question, r => r.Question && keepQuestion)
                .SetProperty(r => r.CheckIn, r => r.CheckIn && keepCheckIn)
                .SetProperty(r => r.Rituals, r => r.Rituals && keepRituals),
            ct);
        return found.Kind;
    }

    private async Task<(Guid UserId, ReminderKind Kind)?> FindAsync(string? token, CancellationToken ct)
    {
        if (!UnsubscribeTokens.TryRead(token, out var userId, out var kind))
        {
            return null;
        }

        var secret = await db.Set<ReminderSettings>().AsNoTracking().Where(s => s.UserId == userId).Select(s => s.Secret).FirstOrDefaultAsync(ct);
        return secret is not null && UnsubscribeTokens.Verify(token!, secret) ? (userId, kind) : null;
    }

    private Failure NotFound() => Failure.NotFound(text["unsubscribe.unknown.title"], text["unsubscribe.unknown"]);
}
