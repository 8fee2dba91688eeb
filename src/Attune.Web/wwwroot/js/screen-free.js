// Screen-free mode: keeps the screen awake while a ritual runs (Wake Lock API where the browser has it),
// shows the time left and reloads the page at the end (the server decides whether it has ended). Without JavaScript the page shows the end time.
import { keepScreenAwake } from './wake-lock.js';

const section = document.querySelector('[data-remaining-ms]');
if (section) {
  // The server says how long is left; counting from page load keeps a wrong device clock out of it.
  const ends = performance.now() + Number(section.dataset.remainingMs);
  const remaining = section.querySelector('[data-remaining]');
  const awake = keepScreenAwake();
  const tick = () => {
    const left = ends - performance.now();
    if (left <= 0) {
      awake.release();
      window.location.reload();
      return;
    }
    const minutes = Math.floor(left / 60000);
    const seconds = Math.floor((left % 60000) / 1000);
    remaining.textContent = `${minutes}:${String(seconds).padStart(2, '0')}`;
    remaining.hidden = false;
    window.setTimeout(tick, 1000);
  };
  tick();
}
