// Eye gazing: counts down the minutes the server gave, keeps the screen awake (Wake Lock API where the browser has
// it) and, if someone tapped "soft tone", ends with a gentle chime made by the Web Audio API (no audio file). Browsers
// let sound play only after a tap on the page, so the tone is offered as a button and never plays by itself.
// At the end the page reloads; the server decides whether the time is over. Without JavaScript the page shows the end time.
import { keepScreenAwake } from './wake-lock.js';

const section = document.querySelector('[data-remaining-ms]');
if (section) {
  const ends = performance.now() + Number(section.dataset.remainingMs);
  const remaining = section.querySelector('[data-remaining]');
  const soundButton = section.querySelector('[data-sound]');
  let audio = null;
  const awake = keepScreenAwake();

  const Context = window.AudioContext || window.webkitAudioContext;
  if (soundButton && Context) {
    soundButton.hidden = false;
    soundButton.addEventListener('click', () => {
      // Created (or resumed) inside the tap, which is what lets it play later.
      if (soundButton.getAttribute('aria-pressed') === 'true') {
        soundButton.setAttribute('aria-pressed', 'false');
        return;
      }
      audio = audio || new Context();
      audio.resume();
      soundButton.setAttribute('aria-pressed', 'true');
    });
  }

  // Two soft sine notes that swell for a moment and fade over about two seconds.
  const chime = () => {
    const start = audio.currentTime + 0.05;
    [528, 660].forEach((frequency, i) => {
      const at = start + i * 0.6;
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.type = 'sine';
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.12, at + 0.15);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 2);
      tone.connect(gain).connect(audio.destination);
      tone.start(at);
      tone.stop(at + 2.1);
    });
    return 2800;
  };

  const tick = () => {
    const left = ends - performance.now();
    if (left <= 0) {
      awake.release();
      const wantsSound = audio && soundButton.getAttribute('aria-pressed') === 'true';
      window.setTimeout(() => window.location.reload(), wantsSound ? chime() : 0);
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
