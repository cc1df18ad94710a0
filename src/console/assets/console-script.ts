// The console's only script, served from the console's own origin (the CSP allows no inline
// script). Everything works without it: it only adds copy buttons next to text worth copying.
export const CONSOLE_SCRIPT = `'use strict';
document.querySelectorAll('button[data-copy]').forEach(function (button) {
  var target = document.getElementById(button.getAttribute('data-copy'));
  if (!target || !navigator.clipboard) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(target.value || target.textContent).then(function () {
      button.textContent = 'Copied';
    });
  });
});
`;
