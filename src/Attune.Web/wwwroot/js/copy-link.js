// Shows the "Copy" button beside a link field and copies the link. Without JavaScript (or clipboard access)
// the field stays readonly and selectable. The words come from the page (data-say-copied).
for (const button of document.querySelectorAll('button[data-copy]')) {
  const field = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector('[data-copy-status]');
  if (!field || !navigator.clipboard) {
    continue;
  }

  button.hidden = false;
  button.addEventListener('click', async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      if (status) {
        status.textContent = button.dataset.sayCopied || 'Copied';
      }
    } catch {
      // The field is selected: copying by hand still works.
    }
  });
}
