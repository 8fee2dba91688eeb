// Preselects the browser's time zone on the registration form. Without JavaScript the list still works.
const select = document.querySelector('select[data-detect-time-zone]');
if (select) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const option = zone && Array.from(select.options).find((o) => o.value === zone);
  if (option && select.value === 'Etc/UTC') {
    select.value = zone;
  }
}
