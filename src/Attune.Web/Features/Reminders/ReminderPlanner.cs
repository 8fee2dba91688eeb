using System.Globalization;
using Attune.Data;
using Attune.Features.Accounts;
using Attune.Features.CheckIns;
using Attune.Features.Couples;
using Attune.Features.Mail;
using Attune.Features.Questions;
using Attune.Features.Rituals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attune.Features.Reminders;

/// <summary>What one digest mentions; never anything a person wrote.</summary>
internal sealed record DueReminders(bool Question, bool CheckIn, IReadOnlyList<(string Title, TimeOnly Time)> Rituals)
{
    public bool Any => Question || CheckIn || Rituals.Count > 0;
}

/// <summary>
/// Queues at most one digest a local day per person who opted in, outside their quiet hours, naming what is due
/// today: the question (if they have not answered it), the check-in day, today's rituals still to come (template
/// names, or a generic word for the couple's own). Runs outside any request, so it reads across couples
/// (IgnoreQueryFilters, listed in docs/architecture.md), and only the facts above.
/// </summary>
internal sealed partial class ReminderPlanner(
    AttuneDbContext db, MailOutbox outbox, IStringLocalizer<RemindersText> text, IStringLocalizer<RitualsText> ritualText,
    IOptions<AttuneOptions> attune, TimeProvider time, ILogger<ReminderPlanner> logger) : IMailSchedule
{
    public async Task PlanAsync(CancellationToken ct)
    {
        var people = await db.Set<ReminderSettings>().AsNoTracking()
            .Where(s => s.Question || s.CheckIn || s.Rituals)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { Settings = s, u.Email, u.DisplayName, u.Language, u.TimeZone, u.CoupleId })
            .Where(p => p.CoupleId != null && p.Email != null)
            .ToListAsync(ct);
        if (people.Count == 0)
        {
            return;
        }

        if (!Uri.TryCreate(attune.Value.PublicUrl?.TrimEnd('/') + "/", UriKind.Absolute, out var site))
        {
            // Every mail links back (and to unsubscribe); without the public address there is nothing to link to.
            LogNoPublicUrl(logger);
            return;
        }

        var now = time.GetUtcNow();
        foreach (var person in people)
        {
            var coupleId = person.CoupleId!.Value;
            var zone = await db.Set<Couple>().IgnoreQueryFilters().Where(c => c.Id == coupleId).Select(c => c.TimeZone).FirstOrDefaultAsync(ct) ?? person.TimeZone;
            var local = TimeZoneInfo.ConvertTime(now, TimeZones.Find(zone));
            var today = DateOnly.FromDateTime(local.DateTime);
            var s = person.Settings;
            if (s.LastDigestOn >= today || ReminderSettings.IsQuiet(TimeOnly.FromDateTime(local.DateTime), s.QuietFrom, s.QuietUntil))
            {
                continue;
            }

            var culture = CultureInfo.GetCultureInfo(person.Language ?? "en");
            var due = await DueAsync(s, coupleId, today, local, culture, ct);
            if (!due.Any)
            {
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The day's claim: on several instances only one wins it, so nobody gets two digests.
            var claimed = await db.Set<ReminderSettings>()
                .Where(r => r.UserId == s.UserId && (r.LastDigestOn == null || r.LastDigestOn < today))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.LastDigestOn, today), ct);
            if (claimed == 0)
            {
                continue;
            }

            outbox.Enqueue(db, ReminderMail.Render(text, culture, site, person.Email!, person.DisplayName, s, due));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    private async Task<DueReminders> DueAsync(ReminderSettings s, Guid coupleId, DateOnly today, DateTimeOffset local, CultureInfo culture, CancellationToken ct)
    {
        var question = s.Question && !await db.Set<Answer>().IgnoreQueryFilters()
            .AnyAsync(a => a.CoupleId == coupleId && a.UserId == s.UserId && a.Date == today, ct);
        var checkInDay = await db.Set<CheckInSchedule>().IgnoreQueryFilters().Where(c => c.CoupleId == coupleId)
            .Select(c => (DayOfWeek?)c.Day).FirstOrDefaultAsync(ct) ?? CheckInWeek.DefaultDay;
        var rituals = new List<(string, TimeOnly)>();
        if (s.Rituals)
        {
            var bit = 1 << (((int)today.DayOfWeek + 6) % 7);
            var now = TimeOnly.FromDateTime(local.DateTime);
            var rows = await db.Set<Ritual>().IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.CoupleId == coupleId && (r.Days & bit) != 0)
                .Select(r => new { r.Template, r.LocalTime }).ToListAsync(ct);
            var before = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = culture;
            try
            {
                rituals.AddRange(rows.Where(r => r.LocalTime > now).OrderBy(r => r.LocalTime).Select(r => (
                    RitualTemplates.Find(r.Template) is { } template ? ritualText["template." + template.Key].Value : text["mail.ritual.own"].Value,
                    r.LocalTime)));
            }
            finally
            {
                CultureInfo.CurrentUICulture = before;
            }
        }

        return new DueReminders(question, s.CheckIn && checkInDay == today.DayOfWeek, rituals);
    }

    [LoggerMessage(EventId = 9110, Level = LogLevel.Warning, Message = "Reminders are not sent: set Attune:PublicUrl, the address their links point to")]
    private static partial void LogNoPublicUrl(ILogger logger);
}
