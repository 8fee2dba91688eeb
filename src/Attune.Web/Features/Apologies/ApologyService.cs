using Attune.Data;
using Attune.Encryption;
using Attune.Features.Couples;
using Attune.Features.Questions;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Apologies;

internal sealed record ApologyRequest(string? WhatHappened, string? MyPart, string? Impact, string? NextTime);

internal sealed record ApologyAnswerRequest(string? Answer);

/// <summary>
/// An apology as one reader sees it. Status: open, need-time, talk or forgiven. Once forgiven the four texts
/// are null for both partners (they no longer exist), and only <see cref="ForgivenOn"/> says what happened.
/// </summary>
internal sealed record ApologyView(
    Guid Id, bool FromMe, DateTimeOffset CreatedAt, string Status, DateOnly? ForgivenOn,
    string? WhatHappened, string? MyPart, string? Impact, string? NextTime, bool CanAnswer, bool CanDelete);

/// <summary>Guided apologies and the partner's answer: forgive (seals it), need some time, or let's talk.</summary>
internal sealed class ApologyService(AttuneDbContext db, Caller caller, FieldCipher cipher, TimeProvider time, IStringLocalizer<ApologiesText> text)
{
    public const int MaxPartLength = 1000;

    public const string Purpose = "apology";

    public static readonly IReadOnlyList<string> Parts = ["whatHappened", "myPart", "impact", "nextTime"];

    public async Task<List<ApologyView>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Set<Apology>().AsNoTracking().OrderByDescending(a => a.CreatedAt).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    public async Task<Outcome<ApologyView>> GetAsync(Guid id, CancellationToken ct) =>
        await db.Set<Apology>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } row ? View(row) : NotFound();

    public Dictionary<string, string[]> Validate(ApologyRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        string?[] values = [request.WhatHappened, request.MyPart, request.Impact, request.NextTime];
        for (var i = 0; i < Parts.Count; i++)
        {
            var value = values[i]?.Trim() ?? "";
            if (value.Length == 0)
            {
                errors[Parts[i]] = [text[$"error.{Parts[i]}.empty"]];
            }
            else if (value.Length > MaxPartLength)
            {
                errors[Parts[i]] = [text["error.long", MaxPartLength]];
            }
        }

        return errors;
    }

    public async Task<Outcome<ApologyView>> WriteAsync(ApologyRequest request, CancellationToken ct)
    {
        if (Validate(request) is { Count: > 0 } errors)
        {
            return Failure.Invalid(errors);
        }

        var apology = new Apology { CoupleId = caller.Couple, Id = Guid.NewGuid(), AuthorId = caller.UserId, CreatedAt = time.GetUtcNow() };
        apology.WhatHappened = Seal(apology, "whatHappened", request.WhatHappened!.Trim());
        apology.MyPart = Seal(apology, "myPart", request.MyPart!.Trim());
        apology.Impact = Seal(apology, "impact", request.Impact!.Trim());
        apology.NextTime = Seal(apology, "nextTime", request.NextTime!.Trim());
        db.Add(apology);
        await db.SaveChangesAsync(ct);
        return View(apology);
    }

    /// <summary>The partner's answer. Forgiving erases the four texts and records the couple's day, in one write.</summary>
    public async Task<Outcome<ApologyView>> AnswerAsync(Guid id, string? answerName, CancellationToken ct)
    {
        ApologyAnswer? answer = answerName switch { "forgive" => ApologyAnswer.Forgive, "need-time" => ApologyAnswer.NeedTime, "talk" => ApologyAnswer.Talk, _ => null };
        if (answer is null)
        {
            return Failure.Field("answer", text["error.answer"]);
        }

        var apology = await db.Set<Apology>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (apology is null)
        {
            return NotFound();
        }

        if (apology.AuthorId == caller.UserId)
        {
            return Failure.Conflict(text["error.own.title"], text["error.own.detail"]);
        }

        if (apology.ForgivenOn is not null)
        {
            return Failure.Conflict(text["error.sealed.title"], text["error.sealed.detail"]);
        }

        apology.Answer = answer;
        apology.AnsweredAt = time.GetUtcNow();
        if (answer == ApologyAnswer.Forgive)
        {
            var zone = await db.Set<Couple>().Where(c => c.Id == apology.CoupleId).Select(c => c.TimeZone).SingleAsync(ct);
            apology.ForgivenOn = CoupleDay.Today(time, zone);
            apology.WhatHappened = apology.MyPart = apology.Impact = apology.NextTime = null;
        }

        await db.SaveChangesAsync(ct);
        return View(apology);
    }

    /// <summary>Only its author may delete an apology, open or forgiven.</summary>
    public async Task<Outcome> DeleteAsync(Guid id, CancellationToken ct)
    {
        var authorId = await db.Set<Apology>().Where(a => a.Id == id).Select(a => (Guid?)a.AuthorId).SingleOrDefaultAsync(ct);
        if (authorId is null)
        {
            return NotFound().Failure!;
        }

        if (authorId != caller.UserId)
        {
            return Failure.Conflict(text["error.delete.title"], text["error.delete.detail"]);
        }

        await db.Set<Apology>().Where(a => a.Id == id).ExecuteDeleteAsync(ct);
        return Outcome.Done;
    }

    private Outcome<ApologyView> NotFound() => Failure.NotFound(text["error.missing.title"], text["error.missing.detail"]);

    private byte[] Seal(Apology a, string part, string value) => cipher.Seal(KeyOwner.Couple(a.CoupleId), value, Purpose, Row(a, part));

    private string? Open(Apology a, string part, byte[]? value) =>
        value is null ? null : cipher.Open(KeyOwner.Couple(a.CoupleId), value, Purpose, Row(a, part));

    private static string Row(Apology a, string part) => $"apologies/{a.CoupleId:N}/{a.Id:N}/{part}";

    private ApologyView View(Apology a)
    {
        var mine = a.AuthorId == caller.UserId;
        var sealedMatter = a.ForgivenOn is not null;
        var status = sealedMatter ? "forgiven" : a.Answer switch { ApologyAnswer.NeedTime => "need-time", ApologyAnswer.Talk => "talk", _ => "open" };
        return sealedMatter
            ? new ApologyView(a.Id, mine, a.CreatedAt, status, a.ForgivenOn, null, null, null, null, false, mine)
            : new ApologyView(a.Id, mine, a.CreatedAt, status, null,
                Open(a, "whatHappened", a.WhatHappened), Open(a, "myPart", a.MyPart), Open(a, "impact", a.Impact), Open(a, "nextTime", a.NextTime),
                !mine, mine);
    }
}
