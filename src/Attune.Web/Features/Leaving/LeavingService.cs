using Attune.Data;
using Attune.Encryption;
using Attune.Features.Accounts;
using Attune.Features.Audit;
using Attune.Features.Journal;
using Attune.Features.Letters;
using Attune.Features.Questions;
using Attune.Features.Sessions;
using Attune.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Leaving;

/// <summary>
/// Safe exit. Leaving a couple needs no reason: the leaver's words leave with them, the partner keeps
/// their own and learns only that the couple ended; the couple's key is destroyed. Deleting the account
/// also destroys the person's data key (first, before any row), so their words cannot be read from an
/// older database backup either.
/// </summary>
internal sealed class LeavingService(
    AttuneDbContext db, Caller caller, UserManager<AttuneUser> users, PasswordCheck passwords, FieldCipher cipher, SessionService sessions, SessionCache sessionCache, AuditLog audit, TimeProvider time, IStringLocalizer<AccountsText> t)
{
    /// <summary>Leaves the caller's couple; nothing to do when single (deleting an account calls this either way).</summary>
    public async Task LeaveCoupleAsync(CancellationToken ct)
    {
        if (caller.CoupleId is not { } coupleId)
        {
            return;
        }

        var me = caller.UserId;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The partner keeps their questions: out from under the couple key before it is destroyed below.
        await CoupleKeys.HandOverAsync(db, cipher, coupleId, me, ct);
        await db.SaveChangesAsync(ct);
        // The couple filter scopes these deletes to the couple being left.
        await db.Set<Answer>().Where(a => a.UserId == me).ExecuteDeleteAsync(ct);
        await db.Set<Reaction>().Where(r => r.UserId == me).ExecuteDeleteAsync(ct);
        await db.Set<CustomQuestion>().Where(q => q.AuthorId == me).ExecuteDeleteAsync(ct);
        // Appreciations, good news and hard days were shared by the two (under the couple key destroyed
        // below): they end with the couple, for both partners.
        await db.Set<Appreciation.AppreciationNote>().ExecuteDeleteAsync(ct);
        await db.Set<GoodNews.GoodNewsItem>().ExecuteDeleteAsync(ct);
        await db.Set<SafeHaven.SupportResponse>().ExecuteDeleteAsync(ct);
        await db.Set<SafeHaven.SupportRequest>().ExecuteDeleteAsync(ct);
        await db.Set<CheckIns.CheckIn>().Where(c => c.UserId == me).ExecuteDeleteAsync(ct);
        await db.Set<Insights.NoticeDismissal>().Where(d => d.UserId == me).ExecuteDeleteAsync(ct);
        await db.Set<Insights.CounsellorConsent>().Where(c => c.UserId == me).ExecuteDeleteAsync(ct);
        // Apologies are between the two of them: both partners' go (they are under the couple key, destroyed below).
        await db.Set<Apologies.Apology>().ExecuteDeleteAsync(ct);
        // Shared journal copies are the couple's, under its key (destroyed below): both partners' copies go.
        await db.Set<JournalShare>().ExecuteDeleteAsync(ct);
        await db.Set<Letter>().Where(l => l.WriterId == me).ExecuteDeleteAsync(ct);
        // Desires are the couple's: both partners' marks and the switch end with it.
        await db.Set<Desires.DesireMarks>().ExecuteDeleteAsync(ct);
        await db.Set<Desires.DesireSwitch>().ExecuteDeleteAsync(ct);
        // Listening sessions, their reflections, appreciations and ratings are the couple's: all go.
        await db.Set<Listening.ListeningTurn>().ExecuteDeleteAsync(ct);
        await db.Set<Listening.ListeningSession>().ExecuteDeleteAsync(ct);
        // Eye gazing and evenings of questions are the couple's (lines under its key, destroyed below): all go.
        await db.Set<Exercises.GazingReflection>().ExecuteDeleteAsync(ct);
        await db.Set<Exercises.GazingSession>().ExecuteDeleteAsync(ct);
        await db.Set<Exercises.EveningSession>().ExecuteDeleteAsync(ct);
        // The to-try list, its memories and the new-to-us marks are the couple's (under its key): all go.
        await db.Set<Activities.ActivityPlan>().ExecuteDeleteAsync(ct);
        await db.Set<Activities.ActivityMarking>().ExecuteDeleteAsync(ct);
        // Rituals, their screen-free sessions and reflections are the couple's (custom titles and lines under its key): all go.
        await db.Set<Rituals.RitualReflection>().ExecuteDeleteAsync(ct);
        await db.Set<Rituals.RitualSession>().ExecuteDeleteAsync(ct);
        await db.Set<Rituals.Ritual>().ExecuteDeleteAsync(ct);
        // Know-me rounds are between the two (revealed ones under the couple key destroyed below): all go.
        await db.Set<Quiz.QuizItem>().ExecuteDeleteAsync(ct);
        await db.Set<Quiz.QuizRound>().ExecuteDeleteAsync(ct);
        // Shared copies of personal goals are under the couple key too; the goals themselves stay with their owners.
        await db.Set<Personal.PersonalGoalShare>().ExecuteDeleteAsync(ct);
        var now = time.GetUtcNow();
        var partners = await db.Users.Where(u => u.CoupleId == coupleId && u.Id != me).Select(u => u.Id).ToListAsync(ct);
        await db.Users.Where(u => u.CoupleId == coupleId && u.Id != me)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CoupleId, (Guid?)null).SetProperty(u => u.CoupleEndedAt, now).SetProperty(u => u.MaxQuestionDepth, 1), ct);
        await db.Users.Where(u => u.Id == me)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CoupleId, (Guid?)null).SetProperty(u => u.CoupleEndedAt, (DateTimeOffset?)null).SetProperty(u => u.MaxQuestionDepth, 1), ct);
        await transaction.CommitAsync(ct);
        CoupleKeys.Destroy(cipher, coupleId);
        sessionCache.Forget([me, .. partners]);
        // Someone else signed in to this account on another device is out too: leaving is meant to be safe.
        await sessions.RevokeOthersAsync(caller, ct);
        await audit.RecordAsync(AuditKind.LeftCouple, me);
    }

    /// <summary>Deletes the account and everything it wrote, and destroys its data key, once I have confirmed my password.</summary>
    public async Task<Outcome> DeleteAccountAsync(string? password, CancellationToken ct)
    {
        var me = caller.UserId;
        if (await passwords.ConfirmAsync(caller, password) is var confirmed and not Confirmation.Confirmed)
        {
            return confirmed.AsOutcome(t, t["confirm.delete"]);
        }

        // Keys first, rows after, each step safe to repeat: if this stops half-way, what is left cannot be
        // read, and deleting again finishes it. The couple keys go too (after the partner's questions were
        // handed over): they sealed this person's custom questions.
        foreach (var coupleId in await CoupleKeys.CouplesOfAsync(db, me, caller.CoupleId, ct))
        {
            await CoupleKeys.EndAsync(db, cipher, coupleId, me, ct);
        }

        cipher.Shred(KeyOwner.User(me));
        await LeaveCoupleAsync(ct);
        // Words written in earlier couples are deleted too: like the export, this reads by author across couples.
        await db.Set<Answer>().IgnoreQueryFilters().Where(a => a.UserId == me).ExecuteDeleteAsync(ct);
        await db.Set<Reaction>().IgnoreQueryFilters().Where(r => r.UserId == me).ExecuteDeleteAsync(ct);
        await db.Set<CustomQuestion>().IgnoreQueryFilters().Where(q => q.AuthorId == me).ExecuteDeleteAsync(ct);
        await db.Set<CheckIns.CheckIn>().IgnoreQueryFilters().Where(c => c.UserId == me).ExecuteDeleteAsync(ct);
        await db.Set<Insights.NoticeDismissal>().IgnoreQueryFilters().Where(d => d.UserId == me).ExecuteDeleteAsync(ct);
        await db.Set<Insights.CounsellorConsent>().IgnoreQueryFilters().Where(c => c.UserId == me).ExecuteDeleteAsync(ct);
        await db.Set<JournalShare>().IgnoreQueryFilters().Where(s => s.AuthorId == me).ExecuteDeleteAsync(ct);
        await db.Set<JournalEntry>().Where(e => e.UserId == me).ExecuteDeleteAsync(ct);
        await db.Set<Letter>().IgnoreQueryFilters().Where(l => l.WriterId == me).ExecuteDeleteAsync(ct);
        await db.Set<Exercises.GazingReflection>().IgnoreQueryFilters().Where(r => r.AuthorId == me).ExecuteDeleteAsync(ct);
        await db.Set<Personal.PersonalGoalShare>().IgnoreQueryFilters().Where(s => s.OwnerId == me).ExecuteDeleteAsync(ct);
        await db.Set<Personal.PersonalLog>().Where(l => l.UserId == me).ExecuteDeleteAsync(ct);
        await db.Set<Personal.PersonalGoal>().Where(g => g.UserId == me).ExecuteDeleteAsync(ct);
        await db.Set<Couples.Invitation>().Where(i => i.InviterId == me).ExecuteDeleteAsync(ct);
        await db.Set<Reminders.ReminderSettings>().Where(s => s.UserId == me).ExecuteDeleteAsync(ct);
        await db.Set<Mail.OutgoingMail>().Where(m => m.UserId == me).ExecuteDeleteAsync(ct);
        var user = await users.FindByIdAsync(me.ToString());
        if (user is not null)
        {
            await users.DeleteAsync(user);
        }

        sessionCache.Forget(me);
        await audit.RecordAsync(AuditKind.AccountDeleted, me);
        return Outcome.Done;
    }
}
