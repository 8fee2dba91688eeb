using System.Text.Json;
using Attune.Data;
using Attune.Encryption;
using Attune.Features.Accounts;
using Attune.Features.Audit;
using Attune.Features.Journal;
using Attune.Features.Questions;
using Attune.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attune.Features.Export;

internal sealed record ExportRequest(string? Password);

/// <summary>The export as people download it: JSON as the API writes it, with a dated name.</summary>
internal sealed record ExportFile(byte[] Content, string Name);

internal sealed record ExportedAccount(string Email, string DisplayName, string TimeZone, DateTimeOffset CreatedAt);

internal sealed record ExportedAnswer(DateOnly Date, string QuestionId, string? QuestionText, string Text, DateTimeOffset AnsweredAt);

internal sealed record ExportedReaction(DateOnly Date, ReactionKind Kind, string? Reply, DateTimeOffset CreatedAt);

internal sealed record ExportedJournalEntry(string Text, IReadOnlyList<string> Feelings, int Intensity, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal sealed record ExportedQuestion(string Text, QuestionCategory Category, int Depth, DateTimeOffset CreatedAt, DateTimeOffset? RemovedAt);

/// <summary>Everything one person provided, and the questions they answered; never anything of their partner.</summary>
internal sealed record ExportDocument(
    string Format,
    DateTimeOffset ExportedAt,
    ExportedAccount Account,
    IReadOnlyList<ExportedAnswer> Answers,
    IReadOnlyList<ExportedReaction> Reactions,
    IReadOnlyList<ExportedQuestion> QuestionsIAdded,
    Appreciation.ExportedKeepsakes Keepsakes,
    IReadOnlyList<ExportedCheckIn> CheckIns,
    IReadOnlyList<ExportedJournalEntry> Journal,
    IReadOnlyList<Exercises.ExportedGazingLine> GazingLines,
    IReadOnlyList<Desires.ExportedDesire> Desires,
    IReadOnlyList<Activities.ExportedActivity> Activities,
    IReadOnlyList<Attune.Features.Quiz.ExportedQuizItem> Quiz,
    IReadOnlyList<Attune.Features.Personal.ExportedGoal> TimeForMe,
    DateTimeOffset? CalendarLinkSince);

/// <summary>One of my weekly check-ins (drafts included), with my own words.</summary>
internal sealed record ExportedCheckIn(DateOnly Week, CheckIns.CheckInAnswers Answers);

/// <summary>
/// Builds a person's export. It reads by author (user id) across every couple the person was part of,
/// so it bypasses the couple filter on purpose: this is the one place that does, and it only ever
/// selects rows whose author is the caller.
/// </summary>
internal sealed class ExportService(
    AttuneDbContext db, FieldCipher cipher, CheckIns.CheckInPrivacy checkInPrivacy, DailyQuestions questions, QuestionLibrary library, AuditLog audit, TimeProvider time,
    PasswordCheck passwords, IOptions<JsonOptions> json, IStringLocalizer<AccountsText> t)
{
    /// <summary>Everything I wrote, as a file, once I have confirmed my password.</summary>
    public async Task<Outcome<ExportFile>> FileAsync(Caller caller, string? password, CancellationToken ct)
    {
        if (await passwords.ConfirmAsync(caller, password) is var confirmed and not Confirmation.Confirmed)
        {
            return confirmed.AsOutcome(t, t["confirm.export"]).Failure!;
        }

        var document = await BuildAsync(caller.UserId, ct);
        return document is null
            ? Failure.NotFound(t["problem.noaccount.title"], t["problem.noaccount.detail"])
            : new ExportFile(JsonSerializer.SerializeToUtf8Bytes(document, json.Value.SerializerOptions), $"attune-export-{time.GetUtcNow():yyyy-MM-dd}.json");
    }

    public async Task<ExportDocument?> BuildAsync(Guid me, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == me)
            .Select(u => new ExportedAccount(u.Email ?? "", u.DisplayName, u.TimeZone, u.CreatedAt)).FirstOrDefaultAsync(ct);
        if (account is null)
        {
            return null;
        }

        var answers = await db.Set<Answer>().IgnoreQueryFilters().AsNoTracking().Where(a => a.UserId == me).OrderBy(a => a.Date).ToListAsync(ct);
        var days = await db.Set<DailyQuestion>().IgnoreQueryFilters().AsNoTracking()
            .Where(d => db.Set<Answer>().IgnoreQueryFilters().Any(a => a.UserId == me && a.CoupleId == d.CoupleId && a.Date == d.Date))
            .ToListAsync(ct);
        var reactions = await db.Set<Reaction>().IgnoreQueryFilters().AsNoTracking().Where(r => r.UserId == me).OrderBy(r => r.Date).ToListAsync(ct);
        var added = await db.Set<CustomQuestion>().IgnoreQueryFilters().AsNoTracking().Where(q => q.AuthorId == me).OrderBy(q => q.CreatedAt).ToListAsync(ct);

        var checkIns = await db.Set<CheckIns.CheckIn>().IgnoreQueryFilters().AsNoTracking().Where(c => c.UserId == me).OrderBy(c => c.Week).ToListAsync(ct);
        var journal = await db.Set<JournalEntry>().AsNoTracking().Where(e => e.UserId == me).OrderBy(e => e.CreatedAt).ToListAsync(ct);
        // Only my own marks (they go when a couple ends, so there is at most one row): never the partner's, never matches.
        var desires = await db.Set<Desires.DesireMarks>().IgnoreQueryFilters().AsNoTracking().Where(m => m.UserId == me).ToListAsync(ct);
        // Only that a calendar link is active and since when: the token itself is not kept (docs/decisions/0009).
        var calendarLinkSince = await db.Set<Calendar.CalendarLink>().AsNoTracking().Where(l => l.UserId == me)
            .Select(l => (DateTimeOffset?)l.CreatedAt).SingleOrDefaultAsync(ct);

        var questionTexts = new Dictionary<(Guid, DateOnly), string?>();
        foreach (var group in days.GroupBy(d => d.CoupleId))
        {
            var described = await questions.DescribeAsync(group.Key, group, ct);
            foreach (var day in group)
            {
                questionTexts[(day.CoupleId, day.Date)] = described.GetValueOrDefault(day.QuestionId)?.Text ?? library.Find(day.QuestionId)?.Text;
            }
        }

        await audit.RecordAsync(AuditKind.Exported, me);
        return new ExportDocument(
            "attune-export/1",
            time.GetUtcNow(),
            account,
            [.. answers.Select(a => new ExportedAnswer(
                a.Date,
                days.FirstOrDefault(d => d.CoupleId == a.CoupleId && d.Date == a.Date)?.QuestionId ?? "",
                questionTexts.GetValueOrDefault((a.CoupleId, a.Date)),
                cipher.Open(KeyOwner.User(me), a.Text, AnswerPrivacy.AnswerPurpose, AnswerPrivacy.AnswerRow(a)),
                a.AnsweredAt))],
            [.. reactions.Select(r => new ExportedReaction(
                r.Date, r.Kind, r.Reply is null ? null : cipher.Open(KeyOwner.User(me), r.Reply, AnswerPrivacy.ReplyPurpose, AnswerPrivacy.ReplyRow(r)), r.CreatedAt))],
            [.. added.Select(q => new ExportedQuestion(questions.OpenCustom(q.CoupleId, q), q.Category, q.Depth, q.CreatedAt, q.RemovedAt))],
            await Appreciation.KeepsakeExport.BuildAsync(db, cipher, me, ct),
            [.. checkIns.Select(c => new ExportedCheckIn(c.Week, checkInPrivacy.Answers(c, me, revealed: false)!))],
            [.. journal.Select(e => JournalService.ForExport(cipher, e))],
            await Exercises.GazingService.ForExportAsync(db, cipher, me, ct),
            [.. desires.SelectMany(m => Desires.DesireService.ForExport(cipher, m))],
            await Activities.ActivityExport.BuildAsync(db, cipher, me, ct),
            await Quiz.QuizExport.BuildAsync(db, cipher, me, ct),
            await Personal.PersonalExport.BuildAsync(db, cipher, me, ct),
            calendarLinkSince);
    }
}
