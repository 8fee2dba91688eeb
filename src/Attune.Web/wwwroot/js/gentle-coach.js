// "Say it gently": asks the coach while the person types (the page also works by submitting the form).
// Builds everything with textContent, never innerHTML: the text is the person's own words.
const form = document.querySelector("[data-gentle-coach]");
const result = document.querySelector("[data-gentle-result]");
if (form && result) {
  const textarea = form.querySelector("textarea");
  const labels = result.dataset;
  let timer = 0;
  let asked = 0;

  const item = (first, second) => {
    const li = document.createElement("li");
    const p = document.createElement("p");
    p.append(first);
    li.append(p);
    if (second) {
      const hint = document.createElement("p");
      hint.className = "hint";
      hint.textContent = second;
      li.append(hint);
    }
    return li;
  };

  const show = (text, answer) => {
    result.hidden = false;
    result.querySelector("[data-gentle-score]").textContent = labels.labelScore.replace("{0}", answer.score);
    const preview = result.querySelector("[data-gentle-preview]");
    preview.replaceChildren();
    let at = 0;
    for (const f of [...answer.findings].sort((a, b) => a.start - b.start)) {
      const start = Math.max(f.start, at), end = f.start + f.length;
      if (end <= at) continue;
      if (start > at) preview.append(text.slice(at, start));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      preview.append(mark);
      at = end;
    }
    preview.append(text.slice(at));
    result.querySelector("[data-gentle-findings]").replaceChildren(...answer.findings.map(f => {
      const quoted = document.createElement("strong");
      quoted.textContent = `“${text.slice(f.start, f.start + f.length)}”`;
      const line = document.createElement("span");
      line.append(quoted, ` · ${f.message}`);
      return item(line, `${labels.labelTry} ${f.suggestion}`);
    }));
    result.querySelector("[data-gentle-missing]").replaceChildren(...answer.missing.map(part => {
      const li = document.createElement("li");
      li.className = "hint";
      li.textContent = labels["labelMissing" + part[0].toUpperCase() + part.slice(1)];
      return li;
    }));
    result.querySelector("[data-gentle-clean]").hidden = answer.findings.length > 0 || answer.missing.length > 0;
  };

  const ask = async () => {
    const text = textarea.value;
    if (!text.trim() || text.length > Number(textarea.maxLength)) return;
    const mine = ++asked;
    try {
      const response = await fetch("/api/v1/coach/gentle", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify({ text }),
      });
      if (response.ok && mine === asked) show(text, await response.json());
    } catch {
      // Offline or signed out: the form still works by submitting it.
    }
  };

  textarea.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 350);
  });
}
