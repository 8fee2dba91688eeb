namespace Attune.Tests.Browser;

/// <summary>Checks that run inside the page, for <c>IPage.EvaluateAsync</c>.</summary>
internal static class PageScripts
{
    /// <summary>Every control on the page, brought to the top, middle and bottom of the screen in turn: the quick exit must not overlap it and nothing may lie on top of it.</summary>
    public const string CoveredControls = """
        () => {
          const exit = document.querySelector('[data-quick-exit]');
          const problems = [];
          const controls = [...document.querySelectorAll('a[href], button, input, select, textarea, summary')]
            .filter((el) => el !== exit && el.checkVisibility() && el.getBoundingClientRect().right > 0);
          for (const el of controls) {
            for (const block of ['start', 'center', 'end']) {
              el.scrollIntoView({ block, behavior: 'instant' });
              const e = exit.getBoundingClientRect();
              const r = el.getBoundingClientRect();
              const overlaps = e.left < r.right && r.left < e.right && e.top < r.bottom && r.top < e.bottom;
              const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              if (overlaps || !(hit && (hit === el || el.contains(hit)))) {
                problems.push(block + ': ' + el.outerHTML.slice(0, 120));
              }
            }
          }
          window.scrollTo(0, 0);
          return problems;
        }
        """;

    /// <summary>Visible text that is in no landmark (axe's "region" rule); the skip link is allowed, as axe allows it.</summary>
    public const string TextOutsideLandmarks = """
        () => {
          const landmarks = 'header, nav, main, footer, aside, [role=banner], [role=navigation], [role=main], [role=contentinfo]';
          const stray = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const element = walker.currentNode.parentElement;
            if (walker.currentNode.textContent.trim() && element.checkVisibility() && !element.closest('.skip-link') && !element.closest(landmarks)) {
              stray.push(element.outerHTML.slice(0, 120));
            }
          }
          return stray;
        }
        """;

    /// <summary>Every cached request of every cache, with its body.</summary>
    public const string CachedEntries = """
        async () => {
          const entries = [];
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) {
              const response = await cache.match(request);
              entries.push({ path: new URL(request.url).pathname, body: await response.text() });
            }
          }
          return entries;
        }
        """;
}
