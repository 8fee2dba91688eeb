// Keeps the screen awake while a timed page runs (Wake Lock API where the browser has it; silently nothing
// elsewhere), asking again when the page comes back into view. Used by screen-free rituals and eye gazing.
export function keepScreenAwake() {
  let lock = null;
  const request = async () => {
    try {
      if ('wakeLock' in navigator && document.visibilityState === 'visible') {
        lock = await navigator.wakeLock.request('screen');
      }
    } catch {
      lock = null;
    }
  };
  document.addEventListener('visibilitychange', () => { if (!lock || lock.released) request(); });
  request();
  return { release: () => { if (lock) lock.release(); } };
}
