// Registers the service worker (/sw.js), which keeps only the shell's static files and an offline
// page: never a signed-in page, never an API answer. Without it, everything works the same online.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
    // Not installable here (a private window may refuse it): the app works without it.
  });
}
