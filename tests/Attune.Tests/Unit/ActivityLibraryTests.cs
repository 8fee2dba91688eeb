using System.Globalization;
using System.Resources;
using Attune.Features.Activities;

namespace Attune.Tests.Unit;

/// <summary>The library of ideas: big enough, every family well stocked, every idea worded in English and German; and the suggestion rule.</summary>
public sealed class ActivityLibraryTests
{
    private static readonly ResourceManager Words = new("Attune.Features.Activities.ActivityIdeasText", typeof(ActivityIdeasText).Assembly);

    [Fact]
    public void There_are_at_least_150_ideas_with_unique_keys_each_in_english_and_german_and_every_family_has_plenty()
    {
        var all = ActivityLibrary.All;
        Assert.True(all.Count >= 150, $"only {all.Count} ideas");
        Assert.Equal(all.Count, all.Select(i => i.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, i => Assert.Matches("^[a-z0-9-]{1,40}$", i.Key));
        Assert.All(all, i => Assert.NotEqual(ActivityFamily.None, i.Families));
        foreach (var (family, name) in ActivityNames.Families)
        {
            var count = all.Count(i => i.Families.HasFlag(family));
            Assert.True(count >= 20, $"{name} has only {count} ideas");
        }

        var english = CultureInfo.InvariantCulture;
        var german = CultureInfo.GetCultureInfo("de");
        foreach (var idea in all)
        {
            foreach (var key in new[] { $"idea.{idea.Key}", $"idea.{idea.Key}.text" })
            {
                var en = Words.GetString(key, english);
                var de = Words.GetString(key, german);
                Assert.False(string.IsNullOrWhiteSpace(en), $"{key} has no English text");
                Assert.False(string.IsNullOrWhiteSpace(de), $"{key} has no German text");
                Assert.NotEqual(en, de);
            }
        }

        // Titles and sentences are each written once: no idea repeats another's words.
        Assert.Equal(all.Count, all.Select(i => Words.GetString($"idea.{i.Key}", english)).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(all.Count, all.Select(i => Words.GetString($"idea.{i.Key}", german)).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Suggestions_put_new_ideas_first_never_show_not_for_us_or_listed_ones_and_are_stable_within_a_day()
    {
        var couple = Guid.Parse("6c1f3a52-0d7e-4f43-9a77-2b2f4c1d9e10");
        var day = new DateOnly(2026, 11, 23);
        var ideas = ActivityLibrary.All.Take(20).ToList();
        var marks = ideas.Skip(2).Take(16).ToDictionary(i => i.Key, _ => ActivityMark.DoneBefore);
        marks[ideas[18].Key] = ActivityMark.NotForUs;
        var onList = new HashSet<string>(StringComparer.Ordinal) { ideas[19].Key };

        var first = ActivityPicker.Suggest(ideas, marks, onList, couple, day, another: 0);
        Assert.Equal(ActivityPicker.Count, first.Count);
        Assert.Equal(new[] { ideas[0].Key, ideas[1].Key }.Order(), first.Take(2).Select(i => i.Key).Order());
        Assert.Equal(ActivityMark.DoneBefore, marks[first[2].Key]);
        Assert.Equal(first, ActivityPicker.Suggest(ideas, marks, onList, couple, day, another: 0));

        // Asking for another walks the 18 candidates in windows of three, wrapping around; the excluded two never come.
        var walked = Enumerable.Range(0, 6).SelectMany(n => ActivityPicker.Suggest(ideas, marks, onList, couple, day, n)).Select(i => i.Key).ToList();
        Assert.Equal(18, walked.Distinct().Count());
        Assert.DoesNotContain(ideas[18].Key, walked);
        Assert.DoesNotContain(ideas[19].Key, walked);
        Assert.Equal(first, ActivityPicker.Suggest(ideas, marks, onList, couple, day, another: 6));

        var nextDay = Enumerable.Range(0, 6).SelectMany(n => ActivityPicker.Suggest(ideas, marks, onList, couple, day.AddDays(1), n)).Select(i => i.Key).ToList();
        Assert.NotEqual(walked, nextDay);
        Assert.Equal(walked.Order(), nextDay.Order());
        Assert.Empty(ActivityPicker.Suggest(ideas.Skip(18), marks, onList, couple, day, 0));
    }
}
