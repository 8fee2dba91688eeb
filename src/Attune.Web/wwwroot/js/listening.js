// Speaker–listener session: counts down the turn timer and the calm-down break (advisory; the server keeps
// the times), and polls the session's state every 2 seconds so the other device follows without a reload.
// The page works without this script: every step is a form, and a "Refresh" link reloads it.
const root = document.querySelector("[data-listening]");
if (root) {
  for (const timer of document.querySelectorAll("[data-countdown]")) {
    let left = Number(timer.dataset.countdown);
    const show = () => {
      timer.textContent = left > 0
        ? `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`
        : timer.dataset.done;
    };
    show();
    const tick = setInterval(() => {
      left -= 1;
      show();
      if (left <= 0) {
        clearInterval(tick);
      }
    }, 1000);
  }

  const known = root.dataset.state;
  const poll = async () => {
    if (document.visibilityState === "visible" && !document.querySelector("textarea:focus, input:focus")) {
      try {
        const response = await fetch("/api/v1/listening/current", { credentials: "same-origin", headers: { Accept: "application/json" } });
        if (response.ok) {
          const state = await response.json();
          if (`${state.id ?? ""}:${state.version}` !== known) {
            window.location.replace("/listening");
            return;
          }
        }
      } catch {
        // Offline for a moment: try again on the next beat.
      }
    }

    setTimeout(poll, 2000);
  };
  setTimeout(poll, 2000);
}
