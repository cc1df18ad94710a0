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
// A new item's slug follows its title until the slug is typed in (the server makes the same one
// from the title when the field is left empty).
(function () {
  var title = document.getElementById('new-title');
  var slug = document.getElementById('new-slug');
  if (!title || !slug) {
    return;
  }
  var typed = slug.value !== '';
  slug.addEventListener('input', function () {
    typed = slug.value !== '';
  });
  title.addEventListener('input', function () {
    if (!typed) {
      slug.value = title.value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
        .replace(/[^a-z0-9]+/g, '-').slice(0, 64).replace(/^-+|-+$/g, '');
    }
  });
})();
`;
