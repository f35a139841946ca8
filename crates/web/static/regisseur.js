// Pan and zoom for the dependency map: drag to move, wheel or buttons to zoom. The map and its
// table work without this.
(function () {
  'use strict';
  document.querySelectorAll('[data-map]').forEach(function (map) {
    var svg = map.querySelector('svg');
    var tools = map.querySelector('.rg-map__tools');
    if (!svg || !tools) return;
    tools.hidden = false;
    var start = svg.viewBox.baseVal;
    var box = { x: start.x, y: start.y, w: start.width, h: start.height };
    var initial = { x: box.x, y: box.y, w: box.w, h: box.h };
    function apply() { svg.setAttribute('viewBox', [box.x, box.y, box.w, box.h].join(' ')); }
    function zoom(factor, cx, cy) {
      cx = cx === undefined ? box.x + box.w / 2 : cx;
      cy = cy === undefined ? box.y + box.h / 2 : cy;
      box.x = cx - (cx - box.x) * factor; box.y = cy - (cy - box.y) * factor;
      box.w *= factor; box.h *= factor; apply();
    }
    tools.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button) return;
      var how = button.getAttribute('data-zoom');
      if (how === 'in') zoom(0.8);
      if (how === 'out') zoom(1.25);
      if (how === 'reset') { box = { x: initial.x, y: initial.y, w: initial.w, h: initial.h }; apply(); }
    });
    svg.addEventListener('wheel', function (event) {
      event.preventDefault();
      var rect = svg.getBoundingClientRect();
      var cx = box.x + (event.clientX - rect.left) / rect.width * box.w;
      var cy = box.y + (event.clientY - rect.top) / rect.height * box.h;
      zoom(event.deltaY < 0 ? 0.85 : 1.18, cx, cy);
    }, { passive: false });
    var drag = null;
    svg.addEventListener('pointerdown', function (event) {
      if (event.target.closest('a')) return;
      drag = { x: event.clientX, y: event.clientY, bx: box.x, by: box.y };
      svg.setPointerCapture(event.pointerId);
    });
    svg.addEventListener('pointermove', function (event) {
      if (!drag) return;
      var rect = svg.getBoundingClientRect();
      box.x = drag.bx - (event.clientX - drag.x) / rect.width * box.w;
      box.y = drag.by - (event.clientY - drag.y) / rect.height * box.h;
      apply();
    });
    svg.addEventListener('pointerup', function () { drag = null; });
  });
})();

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
