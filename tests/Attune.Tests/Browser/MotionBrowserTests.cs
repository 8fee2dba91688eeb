using Microsoft.Playwright;

namespace Attune.Tests.Browser;

/// <summary>Someone who asked their system for less motion gets none: no transition or animation runs, on elements or their pseudo-elements.</summary>
public sealed class MotionBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// Motion added to the page later, on an element and its pseudo-elements, as a future style would add it;
    /// returns whatever of it still moves.
    /// </summary>
    private const string StillMoving = """
        () => {
          // A constructed style sheet, as the content security policy refuses inline style elements.
          const sheet = new CSSStyleSheet();
          sheet.replaceSync('@keyframes probe { from { opacity: 0 } to { opacity: 1 } } '
            + '.probe, .probe::before, .probe::after { content: ""; transition: opacity 1s; animation: probe 1s infinite; scroll-behavior: smooth; }');
          document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
          const probe = document.createElement('p');
          probe.className = 'probe';
          document.querySelector('main').append(probe);
          const moving = [];
          for (const pseudo of [null, '::before', '::after']) {
            const s = getComputedStyle(probe, pseudo);
            if (s.transitionDuration !== '0s' || s.animationName !== 'none' || (pseudo === null && s.scrollBehavior !== 'auto')) {
              moving.push((pseudo ?? 'element') + ': transition ' + s.transitionDuration + ', animation ' + s.animationName + ', scroll ' + s.scrollBehavior);
            }
          }
          return moving;
        }
        """;

    [Fact]
    public async Task With_reduced_motion_no_transition_animation_or_smooth_scrolling_runs_and_without_it_they_do()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        // Without the preference the probe moves, so the check below can tell motion from none.
        Assert.Equal(3, (await page.EvaluateAsync<string[]>(StillMoving)).Length);

        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await page.GotoAsync("/");
        var moving = await page.EvaluateAsync<string[]>(StillMoving);
        Assert.True(moving.Length == 0, $"still moving with reduced motion: {string.Join(" | ", moving)}");
        await page.Context.CloseAsync();
    }
}
