using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>
/// axe-core (the copy bundled in Deque.AxeCore.Commons) run in the page as it is. Deque's <c>RunAxe</c> sends the
/// whole axe source into the page twice per run and opens a fresh browser context to merge frame results; the pages
/// here have no frames, so axe is loaded once per document and <c>axe.run</c> called directly, reporting only
/// violations. The four every-page tests took 410 s alone the old way and 81 s this way, with the same rules.
/// </summary>
public static class Axe
{
    /// <summary>WCAG 2.0, 2.1 and 2.2 at A and AA, and axe's best practices.</summary>
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];

    /// <summary>The rules whose outcome depends on colour alone: what changes between the light and dark themes.</summary>
    public static readonly IReadOnlyList<string> ColourRules = ["color-contrast", "link-in-text-block"];

    private static readonly Lazy<string> Source = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>axe still runs every rule, but gathers the elements of violations alone.</summary>
    private static readonly string[] OnlyViolations = ["violations"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The violations of every rule carrying one of <paramref name="tags"/>.</summary>
    public static Task<IReadOnlyList<AxeViolation>> ByTagsAsync(IPage page, IReadOnlyList<string> tags) =>
        RunAsync(page, new { runOnly = new { type = "tag", values = tags }, resultTypes = OnlyViolations });

    /// <summary>The violations of exactly these rules.</summary>
    public static Task<IReadOnlyList<AxeViolation>> ByRulesAsync(IPage page, IReadOnlyList<string> rules) =>
        RunAsync(page, new { runOnly = new { type = "rule", values = rules }, resultTypes = OnlyViolations });

    private static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page, object options)
    {
        // A navigation starts a new document without axe; the same document keeps it between runs.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync("() => {" + Source.Value + "\n}");
        }

        var json = await page.EvaluateAsync<string>(
            """
            async options => {
              const results = await window.axe.run(document, options);
              return JSON.stringify(results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({ target: n.target.map(String).join(' '), html: n.html })),
              })));
            }
            """,
            options);
        return JsonSerializer.Deserialize<AxeViolation[]>(json, Json) ?? [];
    }
}

/// <summary>One rule axe found broken, with the elements that break it.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, AxeNode[] Nodes)
{
    public override string ToString()
    {
        var node = Nodes.FirstOrDefault();
        var html = node?.Html is { Length: > 200 } longHtml ? longHtml[..200] + "…" : node?.Html;
        return $"{Id} ({Impact}) {Help}; {Nodes.Length} node(s), first {node?.Target} {html}";
    }
}

/// <summary>An element axe points at: its CSS selector and its markup.</summary>
public sealed record AxeNode(string Target, string Html);
