using System.Globalization;
using System.Resources;
using Attune.Features.Shell;

namespace Attune.Tests.Unit;

/// <summary>Every text key the app has exists, filled in, in every language it speaks.</summary>
public sealed class ResourceTextTests
{
    private static readonly System.Reflection.Assembly App = typeof(ShellText).Assembly;

    public static TheoryData<string> Resources()
    {
        var data = new TheoryData<string>();
        foreach (var name in App.GetManifestResourceNames().Where(n => n.EndsWith("Text.resources", StringComparison.Ordinal)).Order())
        {
            data.Add(name[..^".resources".Length]);
        }

        return data;
    }

    [Fact]
    public void Every_feature_text_class_has_its_resources()
    {
        // The convention: Features/Xxx/XxxText.cs marks Features/Xxx/XxxText.resx and XxxText.de.resx.
        var classes = App.GetTypes().Where(t => t.Namespace?.StartsWith("Attune.Features.", StringComparison.Ordinal) == true
            && !t.IsAbstract && t.Name == t.Namespace.Split('.')[^1] + "Text").ToList();
        Assert.True(classes.Count >= 5, $"Only {classes.Count} feature text classes found");
        var names = App.GetManifestResourceNames();
        Assert.All(classes, t => Assert.Contains(t.FullName + ".resources", names));
        Assert.Contains("Attune.Features.Shell.ShellText.resources", names);
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_key_is_in_english_and_german_and_filled_in(string baseName)
    {
        var manager = new ResourceManager(baseName, App);
        var english = Strings(manager, CultureInfo.InvariantCulture);
        var german = Strings(manager, CultureInfo.GetCultureInfo("de"));

        Assert.NotEmpty(english);
        Assert.Empty(english.Keys.Except(german.Keys).Select(k => $"{baseName}: '{k}' has no German text"));
        Assert.Empty(german.Keys.Except(english.Keys).Select(k => $"{baseName}: '{k}' is only in German"));
        Assert.Empty(english.Concat(german).Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{baseName}: '{p.Key}' is empty"));
    }

    private static Dictionary<string, string> Strings(ResourceManager manager, CultureInfo culture)
    {
        using var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.True(set is not null, $"{manager.BaseName} has no resources for '{culture.Name}'");
        return set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "");
    }
}
