using Attune.Data;
using Attune.Features.Couples;
using Attune.Features.Questions;
using Attune.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Activities;

/// <summary>One idea as the couple sees it: words in the reader's language, families, the couple's mark, whether it is on their list.</summary>
internal sealed record IdeaView(string Key, string Title, string Text, IReadOnlyList<string> Families, string Mark, bool OnList);

/// <summary>The library, filtered by a family or not.</summary>
internal sealed record LibraryView(string? Family, IReadOnlyList<string> Families, IReadOnlyList<IdeaView> Items);

/// <summary>Today's few suggestions for the couple; <c>Another</c> is how many times "show me another" was asked.</summary>
internal sealed record SuggestionsView(DateOnly Day, string? Family, int Another, IReadOnlyList<IdeaView> Items);

internal sealed record MarkRequest(string? Mark);

/// <summary>
/// The library of ideas and what the couple marked ("new to us" tracking), and the day's suggestions. Marks are
/// the couple's (either partner sets them for both); nothing here is private to one partner.
/// </summary>
internal sealed class ActivityService(
    AttuneDbContext db, Caller caller, TimeProvider time, IStringLocalizer<ActivitiesText> text, IStringLocalizer<ActivityIdeasText> ideas)
{
    public const int MaxAnother = 1000;

    public async Task<Outcome<LibraryView>> LibraryAsync(string? family, CancellationToken ct)
    {
        if (FamilyOf(family, out var filter) is { } failure)
        {
            return failure;
        }

        var (marks, onList) = await StateAsync(ct);
        var items = ActivityLibrary.All.Where(i => filter is null || i.Families.HasFlag(filter.Value)).Select(i => View(i, marks, onList)).ToList();
        return new LibraryView(Name(filter), [.. ActivityNames.Families.Select(f => f.Name)], items);
    }

    public async Task<Outcome<SuggestionsView>> SuggestionsAsync(string? family, int? another, CancellationToken ct)
    {
        if (FamilyOf(family, out var filter) is { } failure)
        {
            return failure;
        }

        if (another is < 0 or > MaxAnother)
        {
            return Failure.Field("another", text["error.another", MaxAnother]);
        }

        var (marks, onList) = await StateAsync(ct);
        var zone = await db.Set<Couple>().Select(c => c.TimeZone).FirstOrDefaultAsync(ct) ?? "Etc/UTC";
        var day = CoupleDay.Today(time, zone);
        var pool = ActivityLibrary.All.Where(i => filter is null || i.Families.HasFlag(filter.Value));
        var picked = ActivityPicker.Suggest(pool, marks, onList, caller.Couple, day, another ?? 0);
        return new SuggestionsView(day, Name(filter), another ?? 0, [.. picked.Select(i => View(i, marks, onList))]);
    }

    public async Task<Outcome<IdeaView>> MarkAsync(string key, string? mark, CancellationToken ct)
    {
        if (ActivityLibrary.Find(key) is not { } idea)
        {
            return NotFound();
        }

        if (ActivityNames.Mark(mark) is not { } value)
        {
            return Failure.Field("mark", text["error.mark"]);
        }

        await SetMarkAsync(idea.Key, value, ct);
        await db.SaveChangesAsync(ct);
        var (marks, onList) = await StateAsync(ct);
        return View(idea, marks, onList);
    }

    /// <summary>Records a mark without saving (the caller saves with its other changes); "new" removes the row.</summary>
    public async Task SetMarkAsync(string key, ActivityMark mark, CancellationToken ct)
    {
        var row = await db.Set<ActivityMarking>().FirstOrDefaultAsync(m => m.ActivityKey == key, ct);
        if (mark == ActivityMark.New)
        {
            if (row is not null)
            {
                db.Remove(row);
            }

            return;
        }

        if (row is null)
        {
            row = new ActivityMarking { CoupleId = caller.Couple, ActivityKey = key };
            db.Add(row);
        }

        (row.Mark, row.MarkedBy, row.MarkedAt) = (mark, caller.UserId, time.GetUtcNow());
    }

    public string Title(string key) => ideas[$"idea.{key}"];

    public string Sentence(string key) => ideas[$"idea.{key}.text"];

    public string FamilyLabel(string name) => text[$"family.{name}"];

    private async Task<(Dictionary<string, ActivityMark> Marks, HashSet<string> OnList)> StateAsync(CancellationToken ct)
    {
        var marks = await db.Set<ActivityMarking>().AsNoTracking().ToDictionaryAsync(m => m.ActivityKey, m => m.Mark, ct);
        var onList = await db.Set<ActivityPlan>().AsNoTracking().Where(p => p.ActivityKey != null && p.DoneOn == null)
            .Select(p => p.ActivityKey!).ToListAsync(ct);
        return (marks, onList.ToHashSet(StringComparer.Ordinal));
    }

    private IdeaView View(ActivityIdea idea, Dictionary<string, ActivityMark> marks, HashSet<string> onList) =>
        new(idea.Key, Title(idea.Key), Sentence(idea.Key), ActivityNames.Names(idea.Families),
            ActivityNames.Name(marks.GetValueOrDefault(idea.Key)), onList.Contains(idea.Key));

    private Failure? FamilyOf(string? family, out ActivityFamily? filter)
    {
        filter = null;
        if (string.IsNullOrWhiteSpace(family) || family.Trim() == "all")
        {
            return null;
        }

        filter = ActivityNames.Family(family);
        return filter is null ? Failure.Field("family", text["error.family"]) : null;
    }

    private static string? Name(ActivityFamily? family) =>
        family is { } f ? ActivityNames.Families.First(n => n.Family == f).Name : null;

    private Failure NotFound() => Failure.NotFound(text["error.notfound.title"], text["error.notfound"]);
}
