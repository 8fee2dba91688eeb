// The gentle start-up coach beside a text a partner writes to the other (a check-in concern, a hard-day reply):
// while they type, its notes appear under the field. Help only: nothing is blocked, nothing is kept.
// Each <textarea data-coach-inline="ID"> names the element (id ID) that shows the notes; built with textContent only.
for (const field of document.querySelectorAll("textarea[data-coach-inline]")) {
  const box = document.getElementById(field.dataset.coachInline);
  if (!box) continue;
  let timer = 0;
  let asked = 0;

  const show = (text, findings) => {
    const list = box.querySelector("ul") ?? box.appendChild(document.createElement("ul"));
    list.className = "plain-list coach-findings";
    list.replaceChildren(...findings.map(f => {
      const li = document.createElement("li");
      const line = document.createElement("p");
      const quoted = document.createElement("strong");
      quoted.textContent = `“${text.slice(f.start, f.start + f.length)}”`;
      line.append(quoted, ` · ${f.message}`);
      const hint = document.createElement("p");
      hint.className = "hint";
      hint.textContent = f.suggestion;
      li.append(line, hint);
      return li;
    }));
    box.hidden = findings.length === 0;
  };

  const ask = async () => {
    const text = field.value;
    const mine = ++asked;
    if (!text.trim() || text.length > Number(field.maxLength || 2000)) {
      show(text, []);
      return;
    }
    try {
      const response = await fetch("/api/v1/coach/gentle", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify({ text }),
      });
      if (response.ok && mine === asked) show(text, (await response.json()).findings);
    } catch {
      // Offline: the notes are help, the form works without them.
    }
  };

  field.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 400);
  });
}
