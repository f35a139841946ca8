// Small enhancements on top of htmx; every page works without them.
(function () {
  'use strict';
  if (!window.htmx) return;
  // Show problem answers (400, 409) too: they carry the page with the field messages.
  htmx.config.responseHandling = [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '4..', swap: true, error: false },
    { code: '...', swap: false, error: true },
  ];
  // Upload progress for the import form.
  document.addEventListener('htmx:xhr:progress', function (event) {
    var form = event.target.closest && event.target.closest('form[data-progress]');
    if (!form || !event.detail.lengthComputable) return;
    var bar = document.getElementById(form.getAttribute('data-progress'));
    if (!bar) return;
    bar.parentElement.hidden = false;
    bar.value = Math.round((event.detail.loaded / event.detail.total) * 100);
    bar.textContent = bar.value + '%';
  });
})();
