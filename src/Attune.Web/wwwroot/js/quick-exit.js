// Quick exit: replaces the page (and its history entry) with a neutral one at once.
// The link works without JavaScript too; pressing Escape three times in a row also leaves.
const leave = () => window.location.replace('/exit');
document.querySelectorAll('[data-quick-exit]').forEach((link) => {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    leave();
  });
});
let presses = [];
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') {
    return;
  }
  const now = Date.now();
  presses = presses.filter((t) => now - t < 1500).concat(now);
  if (presses.length >= 3) {
    leave();
  }
});
