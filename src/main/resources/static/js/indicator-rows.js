// "Add an indicator row" in the drafting form and the report editor (report/fragments :: editor), in the page:
// copies the section's last row with its fields emptied and renumbered, counts it in the hidden indrows-<id>
// field and moves the focus to it. Without this script the same button submits the form and the server shows it
// again with one more row, storing nothing (report.IndicatorRows). A static file because the Content-Security-
// Policy allows scripts from 'self' only; no inline script, no library.
'use strict';

document.addEventListener('click', function (event) {
  var button = event.target.closest('button.add-indicator');
  if (!button) {
    return;
  }
  var count = button.form.querySelector('input[type="hidden"][name="' + button.dataset.rows + '"]');
  var rows = button.parentElement.querySelectorAll(':scope > fieldset.indicator');
  var max = parseInt(button.dataset.max, 10);
  if (!count || rows.length === 0 || rows.length >= max) {
    return; // let the server decide
  }
  event.preventDefault();
  var last = rows[rows.length - 1];
  var row = last.cloneNode(true);
  var n = rows.length;
  var from = new RegExp('^' + button.dataset.rows.replace('indrows-', 'ind-') + '-[0-9]+-');
  var to = button.dataset.rows.replace('indrows-', 'ind-') + '-' + n + '-';
  row.querySelectorAll('.field-error').forEach(function (error) {
    error.remove();
  });
  row.querySelectorAll('input').forEach(function (input) {
    input.id = input.id.replace(from, to);
    input.name = input.name.replace(from, to);
    input.value = '';
    input.removeAttribute('aria-describedby');
    input.removeAttribute('aria-invalid');
    input.removeAttribute('autofocus');
  });
  row.querySelector('legend').textContent = button.dataset.legend.replace('{n}', String(n + 1));
  last.after(row);
  count.value = String(n + 1);
  button.hidden = n + 1 >= max;
  row.querySelector('input').focus();
});
