using Attune.Data;
using Attune.Encryption;
using Attune.Features.Accounts;
using Attune.Features.Export;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Journal;

internal sealed record JournalRequest(string? Text, IReadOnlyList<string>? Feelings, int? Intensity);

internal sealed record JournalEntryView(
    Guid Id, string Text, IReadOnlyList<string> Feelings, int Intensity, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SharedAt);

internal sealed record JournalPage(IReadOnlyList<JournalEntryView> Entries, DateTimeOffset? NextBefore);

/// <summary>
/// The private feelings journal. Entries are the caller's alone: every query here selects
/// <c>user_id = caller</c> (<see cref="Mine"/>); entries are in no couple, so the couple filter does not
/// apply to them. Search opens the caller's own entries in memory; nothing is searchable in the database.
/// </summary>
internal sealed class JournalService(AttuneDbContext db, Caller caller, FieldCipher cipher, TimeProvider time, IStringLocalizer<JournalText> t)
{
    public const int MaxTextLength = 4000;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxQueryLength = 100;
    public const string TextPurpose = "journal";
    public const string FeelingsPurpose = "journal-feelings";

    public static string Row(Guid userId, Guid id) => $"journal_entries/{userId:N}/{id:N}";

    /// <summary>An entry as its author's export holds it (ExportService reads by author, like everything it exports).</summary>
    public static ExportedJournalEntry ForExport(FieldCipher cipher, JournalEntry e)
    {
        var (text, feelings) = Open(cipher, e);
        return new(text, feelings, e.Intensity, e.CreatedAt, e.UpdatedAt);
    }

    private static (string Text, string[] Feelings) Open(FieldCipher cipher, JournalEntry e)
    {
        var row = Row(e.UserId, e.Id);
        var feelings = cipher.Open(KeyOwner.User(e.UserId), e.Feelings, FeelingsPurpose, row);
        return (cipher.Open(KeyOwner.User(e.UserId), e.Text, TextPurpose, row), feelings.Length == 0 ? [] : feelings.Split(','));
    }

    private IQueryable<JournalEntry> Mine => db.Set<JournalEntry>().Where(e => e.UserId == caller.UserId);

    public Dictionary<string, string[]> Validate(JournalRequest request, out string text, out List<string> feelings)
    {
        var errors = new Dictionary<string, string[]>();
        text = request.Text?.Trim() ?? "";
        feelings = [.. (request.Feelings ?? []).Select(f => f?.Trim() ?? "").Distinct(StringComparer.Ordinal)];
        if (text.Length > MaxTextLength)
        {
            errors["text"] = [t["error.text.long", MaxTextLength]];
        }

        if (feelings.Any(f => !Feelings.IsKnown(f)))
        {
            errors["feelings"] = [t["error.feelings.unknown"]];
        }
        else if (feelings.Count > Feelings.MaxPerEntry)
        {
            errors["feelings"] = [t["error.feelings.many", Feelings.MaxPerEntry]];
        }
        else if (feelings.Count == 0 && text.Length == 0)
        {
            errors["feelings"] = [t["error.empty"]];
        }

        if (request.Intensity is not (>= 1 and <= 5))
        {
            errors["intensity"] = [t["error.intensity"]];
        }

        return errors;
    }

    public async Task<Outcome<JournalEntryView>> CreateAsync(JournalRequest request, CancellationToken ct)
    {
        if (Validate(request, out var text, out var feelings) is { Count: > 0 } errors)
        {
            return Failure.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var entry = new JournalEntry { UserId = caller.UserId, Id = Guid.NewGuid(), Intensity = request.Intensity!.Value, CreatedAt = now, UpdatedAt = now };
        Seal(entry, text, feelings);
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return View(entry, null);
    }

    public async Task<Outcome<JournalEntryView>> UpdateAsync(Guid id, JournalRequest request, CancellationToken ct)
    {
        if (Validate(request, out var text, out var feelings) is { Count: > 0 } errors)
        {
            return Failure.Invalid(errors);
        }

        var entry = await Mine.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return NotFound();
        }

        entry.Intensity = request.Intensity!.Value;
        entry.UpdatedAt = time.GetUtcNow();
        Seal(entry, text, feelings);
        await db.SaveChangesAsync(ct);
        return View(entry, await SharedAtAsync(id, ct));
    }

    public async Task<Outcome<JournalEntryView>> GetAsync(Guid id, CancellationToken ct)
    {
        var entry = await Mine.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        return entry is null ? NotFound() : View(entry, await SharedAtAsync(id, ct));
    }

    /// <summary>Deletes the entry and any shared copy of it. False when the caller has no such entry.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        if (caller.IsInCouple)
        {
            await db.Set<JournalShare>().Where(s => s.EntryId == id && s.AuthorId == caller.UserId).ExecuteDeleteAsync(ct);
        }

        return await Mine.Where(e => e.Id == id).ExecuteDeleteAsync(ct) == 1;
    }

    /// <summary>
    /// The caller's entries, newest first, before an instant; with a query, only entries whose text or
    /// feelings (in the request's language or as ids) contain it. Everything is opened in memory.
    /// </summary>
    public async Task<Outcome<JournalPage>> ListAsync(string? query, DateTimeOffset? before, int? limit, CancellationToken ct)
    {
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            return Failure.Field("limit", t["error.limit", MaxLimit]);
        }

        query = query?.Trim();
        if (query is { Length: > MaxQueryLength })
        {
            return Failure.Field("query", t["error.query.long", MaxQueryLength]);
        }

        var rows = Mine.AsNoTracking();
        var shared = await SharedMapAsync(ct);
        var found = new List<JournalEntryView>();
        // Without a query a page is one bounded read; a search opens the person's own entries in batches.
        const int batch = 200;
        var cursor = before;
        while (true)
        {
            var page = await (cursor is { } c ? rows.Where(e => e.CreatedAt < c) : rows)
                .OrderByDescending(e => e.CreatedAt).Take(batch).ToListAsync(ct);
            foreach (var entry in page)
            {
                var view = View(entry, shared.GetValueOrDefault(entry.Id));
                if (!Matches(view, query))
                {
                    continue;
                }

                if (found.Count == take)
                {
                    return new JournalPage(found, found[^1].CreatedAt);
                }

                found.Add(view);
            }

            if (page.Count < batch)
            {
                return new JournalPage(found, null);
            }

            cursor = page[^1].CreatedAt;
        }
    }

    /// <summary>Every entry of the caller since an instant, oldest first, for the mood chart.</summary>
    public async Task<List<JournalEntryView>> SinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        var rows = await Mine.AsNoTracking().Where(e => e.CreatedAt >= since).OrderBy(e => e.CreatedAt).ToListAsync(ct);
        return [.. rows.Select(e => View(e, null))];
    }

    public async Task<TimeZoneInfo> TimeZoneAsync(CancellationToken ct) =>
        TimeZones.Find(await db.Users.AsNoTracking().Where(u => u.Id == caller.UserId).Select(u => u.TimeZone).FirstOrDefaultAsync(ct) ?? "UTC");

    private bool Matches(JournalEntryView view, string? query) =>
        string.IsNullOrEmpty(query)
        || view.Text.Contains(query, StringComparison.CurrentCultureIgnoreCase)
        || view.Feelings.Any(f => f.Contains(query, StringComparison.OrdinalIgnoreCase)
                                  || t[$"feeling.{f}"].Value.Contains(query, StringComparison.CurrentCultureIgnoreCase));

    private void Seal(JournalEntry entry, string text, IEnumerable<string> feelings)
    {
        var row = Row(entry.UserId, entry.Id);
        entry.Text = cipher.Seal(KeyOwner.User(entry.UserId), text, TextPurpose, row);
        entry.Feelings = cipher.Seal(KeyOwner.User(entry.UserId), string.Join(',', feelings), FeelingsPurpose, row);
    }

    private JournalEntryView View(JournalEntry e, DateTimeOffset? sharedAt)
    {
        var (text, feelings) = Open(cipher, e);
        return new JournalEntryView(e.Id, text, feelings, e.Intensity, e.CreatedAt, e.UpdatedAt, sharedAt);
    }

    private async Task<DateTimeOffset?> SharedAtAsync(Guid id, CancellationToken ct) =>
        caller.IsInCouple
            ? await db.Set<JournalShare>().AsNoTracking().Where(s => s.EntryId == id && s.AuthorId == caller.UserId)
                .Select(s => (DateTimeOffset?)s.SharedAt).FirstOrDefaultAsync(ct)
            : null;

    private async Task<Dictionary<Guid, DateTimeOffset?>> SharedMapAsync(CancellationToken ct) =>
        caller.IsInCouple
            ? await db.Set<JournalShare>().AsNoTracking().Where(s => s.AuthorId == caller.UserId)
                .ToDictionaryAsync(s => s.EntryId, s => (DateTimeOffset?)s.SharedAt, ct)
            : [];

    private Failure NotFound() => Failure.NotFound(t["error.notfound.title"], t["error.notfound.detail"]);
}
