using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Attune.Data;
using Microsoft.EntityFrameworkCore;

namespace Attune.Features.Questions;

internal sealed record LibraryEntry(string Id, QuestionCategory Category, int Depth, string[] Dimensions, string Text);

/// <summary>
/// The project's own questions, from the versioned data file questions.json (embedded in the app).
/// Ids are stable: a reworded question keeps its id, a removed one is marked retired in the database.
/// </summary>
internal sealed class QuestionLibrary : IDatabaseStartupTask
{
    public static readonly FrozenSet<string> KnownDimensions =
        new[] { "trust", "communication", "vulnerability", "empathy", "support", "togetherness" }.ToFrozenSet();

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    private readonly FrozenDictionary<string, LibraryEntry> _byId;
    private readonly QuestionTranslations _translations;

    public QuestionLibrary()
        : this(LoadEmbedded(), QuestionTranslations.LoadEmbedded())
    {
    }

    public QuestionLibrary(IReadOnlyList<LibraryEntry> entries, QuestionTranslations? translations = null)
    {
        Validate(entries);
        All = entries;
        _byId = entries.ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);
        _translations = translations ?? QuestionTranslations.None;
    }

    public IReadOnlyList<LibraryEntry> All { get; }

    public LibraryEntry? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The question as asked in this culture, in English when it has no translation yet.</summary>
    public string Text(LibraryEntry entry, CultureInfo culture) => _translations.Find(entry.Id, culture) ?? entry.Text;

    public Task RunAsync(AttuneDbContext db, CancellationToken ct) => SyncAsync(db, ct);

    /// <summary>Brings the questions table in line with the data file; safe to repeat.</summary>
    public async Task SyncAsync(AttuneDbContext db, CancellationToken ct)
    {
        var existing = await db.Set<LibraryQuestion>().ToDictionaryAsync(q => q.Id, StringComparer.Ordinal, ct);
        foreach (var entry in All)
        {
            if (!existing.TryGetValue(entry.Id, out var row))
            {
                row = new LibraryQuestion { Id = entry.Id };
                db.Add(row);
            }

            row.Category = entry.Category;
            row.Depth = entry.Depth;
            row.Dimensions = string.Join(',', entry.Dimensions);
            row.Text = entry.Text;
            row.Retired = false;
        }

        foreach (var gone in existing.Values.Where(q => !_byId.ContainsKey(q.Id)))
        {
            gone.Retired = true;
        }

        await db.SaveChangesAsync(ct);
    }

    private static List<LibraryEntry> LoadEmbedded()
    {
        using var stream = typeof(QuestionLibrary).Assembly.GetManifestResourceStream("Attune.questions.json")
                           ?? throw new InvalidOperationException("The question library (questions.json) is not embedded.");
        var file = JsonSerializer.Deserialize<LibraryFile>(stream, JsonOptions)
                   ?? throw new InvalidOperationException("The question library is empty.");
        return file.Questions;
    }

    private static void Validate(IReadOnlyList<LibraryEntry> entries)
    {
        var duplicate = entries.GroupBy(e => e.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Question id {duplicate.Key} appears twice in questions.json.");
        }

        foreach (var entry in entries)
        {
            if (entry.Depth is < 1 or > 3 || string.IsNullOrWhiteSpace(entry.Text) || entry.Id.Length > 32
                || entry.Dimensions.Length == 0 || entry.Dimensions.Any(d => !KnownDimensions.Contains(d)))
            {
                throw new InvalidOperationException($"Question {entry.Id} in questions.json is not valid.");
            }
        }
    }

    private sealed record LibraryFile(int Version, List<LibraryEntry> Questions);
}
