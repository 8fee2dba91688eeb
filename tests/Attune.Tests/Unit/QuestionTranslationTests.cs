using System.Globalization;
using Attune.Features.Questions;

namespace Attune.Tests.Unit;

public sealed class QuestionTranslationTests
{
    private readonly QuestionLibrary _library = new();
    private readonly IReadOnlyDictionary<string, string> _german = QuestionTranslations.LoadEmbedded("de")!;

    [Fact]
    public void Every_german_text_belongs_to_a_library_question_and_is_a_real_translation()
    {
        Assert.All(_german, t =>
        {
            var entry = _library.Find(t.Key);
            Assert.True(entry is not null, $"{t.Key} in questions.de.json is not in questions.json");
            Assert.False(string.IsNullOrWhiteSpace(t.Value), $"{t.Key} has an empty German text");
            Assert.NotEqual(entry.Text.Trim(), t.Value.Trim(), StringComparer.OrdinalIgnoreCase);
            Assert.EndsWith("?", t.Value, StringComparison.Ordinal);
        });
        Assert.Equal(_german.Count, _german.Values.Select(v => v.ToUpperInvariant()).Distinct().Count());
    }

    [Fact]
    public void Every_light_question_has_a_german_text()
    {
        var missing = _library.All.Where(q => q.Depth == 1 && !_german.ContainsKey(q.Id)).Select(q => q.Id).ToList();
        Assert.True(missing.Count == 0, $"No German text for {string.Join(", ", missing)}");
    }

    [Fact]
    public void A_question_without_a_translation_falls_back_to_english_and_a_regional_culture_finds_its_language()
    {
        var translated = _library.All.First(q => _german.ContainsKey(q.Id));
        Assert.Equal(_german[translated.Id], _library.Text(translated, CultureInfo.GetCultureInfo("de-CH")));
        Assert.Equal(translated.Text, _library.Text(translated, CultureInfo.GetCultureInfo("en")));
        Assert.Equal(translated.Text, _library.Text(translated, CultureInfo.GetCultureInfo("fr")));
        Assert.Equal(translated.Text, _library.Text(translated, CultureInfo.InvariantCulture));

        var untranslated = _library.All.FirstOrDefault(q => !_german.ContainsKey(q.Id));
        if (untranslated is not null)
        {
            Assert.Equal(untranslated.Text, _library.Text(untranslated, CultureInfo.GetCultureInfo("de")));
        }
    }
}
