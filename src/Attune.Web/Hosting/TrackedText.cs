using System.Collections.Concurrent;
using System.Globalization;

[assembly: RootNamespace("Attune")]

namespace Attune.Hosting;

/// <summary>
/// Keys asked for that exist in no language. The page walk in the tests reads this after visiting every
/// page, so a typo in a key fails a test instead of showing the raw key; the app logs each one once.
/// </summary>
internal sealed partial class MissingText(ILogger<MissingText> log)
{
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Keys => [.. _seen.Keys];

    public void Add(string resource, string key)
    {
        if (_seen.TryAdd($"{resource}: {key}", 0))
        {
            NoText(log, key, resource, CultureInfo.CurrentUICulture.Name);
        }
    }

    [LoggerMessage(LogLevel.Warning, "No text for key {Key} in {Resource} ({Culture})")]
    private static partial void NoText(ILogger logger, string key, string resource, string culture);
}

/// <summary>Wraps the resx localizers so that a missing key is noticed (<see cref="MissingText"/>).</summary>
internal sealed class TrackedLocalizerFactory(ResourceManagerStringLocalizerFactory inner, MissingText missing) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new Tracked(inner.Create(resourceSource), resourceSource.Name, missing);

    public IStringLocalizer Create(string baseName, string location) => new Tracked(inner.Create(baseName, location), baseName, missing);

    private sealed class Tracked(IStringLocalizer inner, string resource, MissingText missing) : IStringLocalizer
    {
        public LocalizedString this[string name] => Check(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Check(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private LocalizedString Check(LocalizedString text)
        {
            if (text.ResourceNotFound)
            {
                missing.Add(resource, text.Name);
            }

            return text;
        }
    }
}
