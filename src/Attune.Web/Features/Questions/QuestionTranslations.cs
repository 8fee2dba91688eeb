using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Attune.Hosting;

namespace Attune.Features.Questions;

/// <summary>
/// The library's questions in other languages, from questions.{culture}.json (embedded like questions.json):
/// question id to text. A question without a translation is asked in English, so a language can grow
/// one question at a time. Custom questions are the couple's own words and never pass through here.
/// </summary>
internal sealed class QuestionTranslations
{
    public static readonly QuestionTranslations None = new(new Dictionary<string, IReadOnlyDictionary<string, string>>());

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byCulture;

    public QuestionTranslations(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byCulture) =>
        _byCulture = byCulture.ToFrozenDictionary(
            c => c.Key, c => c.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);

    /// <summary>Every supported language but the source one that has a file.</summary>
    public static QuestionTranslations LoadEmbedded() =>
        new(Localization.SupportedCultures.Where(c => c != Localization.DefaultCulture)
            .Select(c => (Culture: c, Texts: LoadEmbedded(c)))
            .Where(c => c.Texts is not null)
            .ToDictionary(c => c.Culture, c => c.Texts!));

    /// <summary>The texts of one language as the file has them, or null when there is no file for it.</summary>
    public static IReadOnlyDictionary<string, string>? LoadEmbedded(string culture)
    {
        using var stream = typeof(QuestionTranslations).Assembly.GetManifestResourceStream($"Attune.questions.{culture}.json");
        return stream is null
            ? null
            : (JsonSerializer.Deserialize<TranslationFile>(stream, QuestionLibrary.JsonOptions)
               ?? throw new InvalidOperationException($"questions.{culture}.json is empty.")).Texts;
    }

    /// <summary>The text in this culture or its parent ("de-AT" finds "de"); null when it has none.</summary>
    public string? Find(string id, CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (_byCulture.TryGetValue(c.Name, out var texts) && texts.TryGetValue(id, out var text)
                && !string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        return null;
    }

    private sealed record TranslationFile(int Version, Dictionary<string, string> Texts);
}
