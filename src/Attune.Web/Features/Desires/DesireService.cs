using Attune.Data;
using Attune.Encryption;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Desires;

internal sealed record DesireMarkRequest(string? Mark);

internal sealed record DesireSwitchRequest(bool? Enabled);

internal sealed record DesireAdultRequest(bool? Confirm);

/// <summary>An item as the caller sees it: its words and the caller's own mark ("yes", "maybe", "no" or null).</summary>
internal sealed record DesireItemView(string Id, string Label, string? Mine);

internal sealed record DesireFamilyView(string Id, string Label, IReadOnlyList<DesireItemView> Items);

/// <summary>An item both marked yes or maybe: never who said which.</summary>
internal sealed record DesireMatchView(string Id, string Label);

/// <summary>
/// Desires as the caller may see them: the switch, their own confirmation, and (only when both are there)
/// the list with their own marks and the matches, in the list's order. Nothing of the partner's but matches.
/// </summary>
internal sealed record DesiresView(bool Enabled, bool Adult, IReadOnlyList<DesireFamilyView> Families, IReadOnlyList<DesireMatchView> Matches);

/// <summary>Desires matched in private: the one rule for the API and the page.</summary>
internal sealed class DesireService(AttuneDbContext db, Caller caller, FieldCipher cipher, TimeProvider time, IStringLocalizer<DesiresText> t)
{
    public const string Purpose = "desire-marks";
    public static readonly IReadOnlyList<string> MarkNames = ["yes", "maybe", "no"];
    private const char Unmarked = '-';

    public static string Row(DesireMarks m) => $"desire_marks/{m.CoupleId:N}/{m.UserId:N}";

    public async Task<DesiresView> GetAsync(CancellationToken ct)
    {
        var enabled = await db.Set<DesireSwitch>().AsNoTracking().AnyAsync(s => s.Enabled, ct);
        var rows = await db.Set<DesireMarks>().AsNoTracking().ToListAsync(ct);
        return View(enabled, rows);
    }

    /// <summary>Either partner turns desires on or off, for both. Turning on makes both partners' rows (empty) if missing.</summary>
    public async Task<Outcome<DesiresView>> SwitchAsync(DesireSwitchRequest request, CancellationToken ct)
    {
        if (request.Enabled is not { } enabled)
        {
            return Failure.Field("enabled", t["error.enabled"]);
        }

        var current = await db.Set<DesireSwitch>().FirstOrDefaultAsync(ct);
        if (current is null)
        {
            db.Add(new DesireSwitch { CoupleId = caller.Couple, Enabled = enabled });
        }
        else
        {
            current.Enabled = enabled;
        }

        if (enabled)
        {
            await EnsureRowsAsync(ct);
        }

        await db.SaveChangesAsync(ct);
        return await GetAsync(ct);
    }

    /// <summary>The caller confirms they are 18 or older (their own confirmation; the partner gives theirs).</summary>
    public async Task<Outcome<DesiresView>> ConfirmAdultAsync(DesireAdultRequest request, CancellationToken ct)
    {
        if (request.Confirm is not true)
        {
            return Failure.Field("confirm", t["error.adult"]);
        }

        if (!await db.Set<DesireSwitch>().AnyAsync(s => s.Enabled, ct))
        {
            return SwitchedOff();
        }

        var mine = (await EnsureRowsAsync(ct)).Single(r => r.UserId == caller.UserId);
        mine.AdultAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await GetAsync(ct);
    }

    /// <summary>Marks one item (yes, maybe or no); null clears the mark. The same rule for the API and the page.</summary>
    public Task<Outcome<DesiresView>> MarkAsync(string item, DesireMarkRequest request, CancellationToken ct)
    {
        if (!DesireItems.Exists(item))
        {
            return Task.FromResult<Outcome<DesiresView>>(UnknownItem());
        }

        if (Code(request.Mark) is not { } code)
        {
            return Task.FromResult<Outcome<DesiresView>>(Failure.Field("mark", t["error.mark"]));
        }

        return SaveAsync(new Dictionary<string, char> { [item] = code }, ct);
    }

    public Task<Outcome<DesiresView>> ClearAsync(string item, CancellationToken ct) =>
        DesireItems.Exists(item) ? SaveAsync(new Dictionary<string, char> { [item] = Unmarked }, ct) : Task.FromResult<Outcome<DesiresView>>(UnknownItem());

    /// <summary>The page's one form: every item's mark at once (a missing or empty value clears it).</summary>
    public Task<Outcome<DesiresView>> MarkAllAsync(IReadOnlyDictionary<string, string?> marks, CancellationToken ct)
    {
        var changes = new Dictionary<string, char>();
        foreach (var item in DesireItems.All)
        {
            var value = marks.GetValueOrDefault(item);
            if ((string.IsNullOrEmpty(value) ? Unmarked : Code(value)) is not { } code)
            {
                return Task.FromResult<Outcome<DesiresView>>(Failure.Field("mark", t["error.mark"]));
            }

            changes[item] = code;
        }

        return SaveAsync(changes, ct);
    }

    private async Task<Outcome<DesiresView>> SaveAsync(Dictionary<string, char> changes, CancellationToken ct)
    {
        if (!await db.Set<DesireSwitch>().AnyAsync(s => s.Enabled, ct))
        {
            return SwitchedOff();
        }

        var mine = (await EnsureRowsAsync(ct)).Single(r => r.UserId == caller.UserId);
        if (mine.AdultAt is null)
        {
            return Failure.Conflict(t["error.notadult.title"], t["error.notadult.detail"]);
        }

        var marks = Decode(mine);
        foreach (var (item, code) in changes)
        {
            marks[item] = code;
        }

        mine.Marks = Seal(mine, marks);
        await db.SaveChangesAsync(ct);
        return await GetAsync(ct);
    }

    /// <summary>Both partners' rows, tracked; any missing one is added with every item unmarked.</summary>
    private async Task<List<DesireMarks>> EnsureRowsAsync(CancellationToken ct)
    {
        var rows = await db.Set<DesireMarks>().ToListAsync(ct);
        var people = await db.Users.Where(u => u.CoupleId == caller.Couple).Select(u => u.Id).ToListAsync(ct);
        foreach (var person in people.Append(caller.UserId).Distinct().Where(p => rows.All(r => r.UserId != p)))
        {
            var row = new DesireMarks { CoupleId = caller.Couple, UserId = person };
            row.Marks = Seal(row, []);
            db.Add(row);
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// Both partners' marks are opened on every request that shows the list, whatever they hold, and the
    /// result depends on the partner's marks only through the matches: a "no" and an unmatched "yes" read
    /// exactly like nothing at all.
    /// </summary>
    private DesiresView View(bool enabled, List<DesireMarks> rows)
    {
        var mine = rows.FirstOrDefault(r => r.UserId == caller.UserId);
        var adult = mine?.AdultAt is not null;
        if (!enabled || !adult)
        {
            return new DesiresView(enabled, adult, [], []);
        }

        var my = Decode(mine!);
        var theirs = rows.Where(r => r.UserId != caller.UserId).Select(Decode).FirstOrDefault() ?? [];
        var families = DesireItems.Families.Select(f => new DesireFamilyView(
            f.Id, t[$"family.{f.Id}"], [.. f.Items.Select(i => new DesireItemView(i, t[$"item.{i}"], Name(my.GetValueOrDefault(i, Unmarked))))])).ToList();
        var matches = DesireItems.All.Where(i => Warm(my.GetValueOrDefault(i, Unmarked)) && Warm(theirs.GetValueOrDefault(i, Unmarked)))
            .Select(i => new DesireMatchView(i, t[$"item.{i}"])).ToList();
        return new DesiresView(true, true, families, matches);
    }

    private static bool Warm(char code) => code is 'y' or 'm';

    private static char? Code(string? mark) => mark switch
    {
        "yes" => 'y',
        "maybe" => 'm',
        "no" => 'n',
        _ => null,
    };

    private static string? Name(char code) => code switch
    {
        'y' => "yes",
        'm' => "maybe",
        'n' => "no",
        _ => null,
    };

    /// <summary>Every item of the list, in its order, each with its mark or "-": the same length whatever was marked.</summary>
    private byte[] Seal(DesireMarks row, Dictionary<string, char> marks) =>
        cipher.Seal(KeyOwner.User(row.UserId), string.Join(',', DesireItems.All.Select(i => $"{i}:{marks.GetValueOrDefault(i, Unmarked)}")), Purpose, Row(row));

    private Dictionary<string, char> Decode(DesireMarks row) =>
        Parse(cipher.Open(KeyOwner.User(row.UserId), row.Marks, Purpose, Row(row)));

    /// <summary>Marks by item id; ids no longer on the list are dropped.</summary>
    public static Dictionary<string, char> Parse(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(':'))
            .Where(p => p.Length == 2 && p[1].Length == 1 && DesireItems.Exists(p[0]))
            .ToDictionary(p => p[0], p => p[1][0]);

    /// <summary>One person's own marks for their export: item id and mark, unmarked items left out.</summary>
    public static IReadOnlyList<ExportedDesire> ForExport(FieldCipher cipher, DesireMarks row)
    {
        var marks = Parse(cipher.Open(KeyOwner.User(row.UserId), row.Marks, Purpose, Row(row)));
        return [.. DesireItems.All.Where(i => Name(marks.GetValueOrDefault(i, Unmarked)) is not null).Select(i => new ExportedDesire(i, Name(marks[i])!))];
    }

    private Failure SwitchedOff() => Failure.Conflict(t["error.off.title"], t["error.off.detail"]);

    private Failure UnknownItem() => Failure.NotFound(t["error.item.title"], t["error.item.detail"]);
}

internal sealed record ExportedDesire(string Item, string Mark);
