/* JuryRoom pages: small enhancements on top of plain forms that work without this script.
   - uploads with drag and drop, checks before sending, a progress bar per file, errors next to the file
     (files added to an entry go one per request as the raw body, which the server streams to storage);
   - adding/removing repeated rows (children, categories, criteria);
   - the juror's viewer: fit, zoom, full screen, a PDF's pages.
   Texts come from data-* attributes rendered from the message bundle, so translations need no script change. */
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';

  function fmtBytes(n) {
    if (n < 1024) return n + ' B';
    var units = ['KB', 'MB', 'GB'], v = n, u = -1;
    do { v /= 1024; u++; } while (v >= 1024 && u < units.length - 1);
    return (v >= 10 || v === Math.round(v) ? Math.round(v) : v.toFixed(1)) + ' ' + units[u];
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  /* ---- A field's error message is tied to its control while it says something (as the server writes it:
     tags/fieldAria and tags/fieldError): the message of control "x" has the id "x-error", the control names it in
     aria-describedby and is aria-invalid. These keep it so when the script shows or takes away a message. ---- */
  function describedBy(control) {
    return (control.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
  }
  function controlOf(text) {
    var control = text.id ? document.getElementById(text.id.replace(/-error$/, '')) : null;
    // A file input hidden from screen readers behind its "Choose files" button: the button carries the message.
    if (control && control.getAttribute('aria-hidden') === 'true' && control.getAttribute('aria-labelledby')) {
      control = document.getElementById(control.getAttribute('aria-labelledby'));
    }
    return control;
  }
  function showError(text, message) {
    text.textContent = message;
    var control = controlOf(text);
    if (!control || !message) return;
    var ids = describedBy(control);
    if (ids.indexOf(text.id) < 0) ids.push(text.id);
    control.setAttribute('aria-describedby', ids.join(' '));
    control.setAttribute('aria-invalid', 'true');
  }
  function clearError(text, within) {
    text.textContent = '';
    if (!text.id) return;
    (within || document).querySelectorAll('[aria-describedby~="' + text.id + '"]').forEach(function (control) {
      var ids = describedBy(control).filter(function (id) { return id !== text.id; });
      if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
      else control.removeAttribute('aria-describedby');
      control.removeAttribute('aria-invalid');
    });
  }
  function errorTexts(box) {
    if (box.classList.contains('error-text')) return [box];
    return Array.prototype.slice.call(box.querySelectorAll('.error-text'));
  }

  /* ---- An error next to a field goes as soon as the field is changed (the server checks again) ---- */
  function clearFieldError(ev) {
    var t = ev.target;
    if (!t || !t.closest || t.type === 'file') return;
    var box = t.closest('.invalid');
    if (!box) return;
    box.classList.remove('invalid');
    errorTexts(box).forEach(function (t) { clearError(t); });
  }
  document.addEventListener('input', clearFieldError, true);
  document.addEventListener('change', clearFieldError, true);

  /* ---- A refused form's summary (tags/refusal) takes the focus, so that a screen reader starts there ---- */
  var summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();
  // Its lines link to their controls: the link puts the focus in the control (a group's: its first field).
  if (summary) summary.addEventListener('click', function (e) {
    var a = e.target.closest('a[href^="#"]');
    var target = a && document.getElementById(a.getAttribute('href').slice(1));
    if (!target) return;
    var field = target.matches('input, select, textarea') ? target : target.querySelector('input, select, textarea');
    if (!field) return;
    e.preventDefault();
    target.scrollIntoView({ block: 'center' });
    field.focus();
  });

  /* ---- Repeated rows ------------------------------------------------------------------- */
  document.querySelectorAll('[data-repeat]').forEach(function (box) {
    var section = box.closest('section') || box.parentElement;
    var add = section.querySelector('[data-repeat-add]');
    var max = parseInt(box.getAttribute('data-max') || '10', 10);

    function rows() { return box.querySelectorAll('[data-repeat-row]'); }
    function renumber() {
      rows().forEach(function (row, i) {
        row.querySelectorAll('[name]').forEach(function (field) {
          field.name = field.name.replace(/\.\d+\./, '.' + i + '.');
        });
        // The API's name of a row's field, where its refusals go (participants[2].firstName).
        row.querySelectorAll('[data-field]').forEach(function (field) {
          field.setAttribute('data-field', field.getAttribute('data-field').replace(/\[\d+\]/, '[' + i + ']'));
        });
        // Ids end in the row's number ("grade-2"; its message "grade-2-error"); what names them follows.
        var renamed = {};
        row.querySelectorAll('[id]').forEach(function (input) {
          var parts = input.id.match(/^(.*)-\d+(-error)?$/);
          if (!parts) return;
          var label = row.querySelector('label[for="' + input.id + '"]');
          renamed[input.id] = parts[1] + '-' + i + (parts[2] || '');
          input.id = renamed[input.id];
          if (label) {
            label.setAttribute('for', input.id);
            label.textContent = label.textContent.replace(/\d+/, String(i + 1));
          }
        });
        row.querySelectorAll('[aria-describedby]').forEach(function (control) {
          control.setAttribute('aria-describedby', describedBy(control).map(function (id) {
            return renamed[id] || id;
          }).join(' '));
        });
      });
      if (add) add.disabled = rows().length >= max;
    }
    box.addEventListener('click', function (ev) {
      var btn = ev.target.closest('[data-repeat-remove]');
      if (!btn) return;
      var row = btn.closest('[data-repeat-row]');
      if (rows().length > 1) {
        row.remove();
      } else {
        row.querySelectorAll('input, select, textarea').forEach(function (f) {
          if (f.type === 'checkbox') f.checked = false; else f.value = '';
        });
      }
      renumber();
    });
    if (add) {
      add.addEventListener('click', function () {
        var all = rows();
        if (all.length >= max) return;
        var copy = all[all.length - 1].cloneNode(true);
        copy.querySelectorAll('input, select, textarea').forEach(function (f) {
          if (f.type === 'checkbox') f.checked = false;
          else if (f.tagName === 'SELECT') f.selectedIndex = f.hasAttribute('data-keep') ? f.selectedIndex : 0;
          else if (!f.hasAttribute('data-keep')) f.value = '';
        });
        copy.querySelectorAll('.invalid').forEach(function (f) { f.classList.remove('invalid'); });
        // Within the copy only: until renumbered, its ids are those of the row it copies.
        errorTexts(copy).forEach(function (t) { clearError(t, copy); });
        box.appendChild(copy);
        renumber();
        var first = copy.querySelector('input, select');
        if (first) first.focus();
      });
    }
    renumber();
  });

  /* ---- Uploads ------------------------------------------------------------------------- */
  function Uploader(form) {
    this.form = form;
    this.mode = form.getAttribute('data-upload'); // "together": with the form fields; "each": one request per file
    this.zone = form.querySelector('[data-dropzone]');
    this.input = form.querySelector('input[type=file]');
    this.list = form.querySelector('[data-file-rows]');
    this.select = form.querySelector('[data-category-select]');
    this.items = [];
    this.busy = false;
    this.bind();
    this.applyLimits();
  }

  Uploader.prototype.limits = function () {
    if (this.select) {
      var o = this.select.options[this.select.selectedIndex];
      return { accept: o.getAttribute('data-accept'), max: +o.getAttribute('data-max'),
        maxText: o.getAttribute('data-max-text'), exts: o.getAttribute('data-extensions') };
    }
    var max = +this.form.getAttribute('data-max');
    var accept = this.form.getAttribute('data-accept');
    return { accept: accept, max: max, maxText: fmtBytes(max),
      exts: this.form.getAttribute('data-extensions')
        || accept.split(',').filter(function (a) { return a.charAt(0) === '.'; }).join(', ') };
  };

  Uploader.prototype.applyLimits = function () {
    var l = this.limits();
    this.input.setAttribute('accept', l.accept);
    var hint = this.zone.querySelector('[data-limit-text]');
    if (!this.select && hint) hint.hidden = true; // the page states the entry's own limits
    if (this.select) {
      var code = this.select.value;
      this.form.querySelectorAll('[data-limit]').forEach(function (li) {
        li.classList.toggle('selected', li.getAttribute('data-limit') === code);
      });
      if (hint) hint.textContent = this.select.options[this.select.selectedIndex].text + ': ' + l.exts + ' · ≤ ' + l.maxText;
    }
    this.items.forEach(this.precheck, this);
  };

  Uploader.prototype.bind = function () {
    var self = this;
    var pick = this.zone.querySelector('.pick');
    this.input.tabIndex = -1; // the "Choose files" button is the one keyboard stop
    if (pick) this.input.setAttribute('aria-hidden', 'true'); // and the one control a screen reader meets
    // A real button (shown only with the script): Enter and Space work as for any button.
    if (pick) pick.addEventListener('click', function () { self.input.click(); });
    this.input.addEventListener('change', function () {
      self.add(self.input.files);
      self.input.value = '';
    });
    ['dragenter', 'dragover'].forEach(function (t) {
      self.zone.addEventListener(t, function (ev) { ev.preventDefault(); self.zone.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (t) {
      self.zone.addEventListener(t, function (ev) { ev.preventDefault(); self.zone.classList.remove('over'); });
    });
    this.zone.addEventListener('drop', function (ev) {
      if (ev.dataTransfer && ev.dataTransfer.files) self.add(ev.dataTransfer.files);
    });
    if (this.select) this.select.addEventListener('change', function () { self.applyLimits(); });
    this.form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!self.busy) self.send();
    });
  };

  Uploader.prototype.add = function (files) {
    for (var i = 0; i < files.length; i++) {
      var item = { file: files[i], row: el('li', 'file-row') };
      var name = el('span', 'name', files[i].name);
      if (/^image\/(jpeg|png|webp)$/.test(files[i].type) && window.URL && URL.createObjectURL) {
        // A preview made in the browser: the school sees which picture it chose before sending it.
        var thumb = el('img', 'thumb');
        thumb.alt = '';
        thumb.src = URL.createObjectURL(files[i]);
        thumb.onload = function () { URL.revokeObjectURL(this.src); };
        name.insertBefore(thumb, name.firstChild);
      }
      var right = el('span', 'size', fmtBytes(files[i].size));
      var remove = el('button', 'btn ghost small', this.zone.getAttribute('data-remove'));
      remove.type = 'button';
      remove.addEventListener('click', this.remove.bind(this, item));
      right.appendChild(document.createTextNode(' '));
      right.appendChild(remove);
      item.bar = el('progress');
      item.bar.max = 100;
      item.bar.value = 0;
      item.bar.hidden = true;
      item.msg = el('p', 'msg');
      item.remove = remove;
      item.row.appendChild(name);
      item.row.appendChild(right);
      item.row.appendChild(item.bar);
      item.row.appendChild(item.msg);
      this.list.appendChild(item.row);
      this.items.push(item);
      this.precheck(item);
    }
  };

  Uploader.prototype.remove = function (item) {
    if (this.busy) return;
    this.items.splice(this.items.indexOf(item), 1);
    item.row.remove();
  };

  /* The same checks the server makes, done first so a phone never sends 20 MB for nothing. */
  Uploader.prototype.precheck = function (item) {
    var l = this.limits(), f = item.file;
    var accepted = l.accept.split(',');
    var ext = '.' + (f.name.split('.').pop() || '').toLowerCase();
    var typeOk = accepted.indexOf(ext) >= 0 && (!f.type || accepted.indexOf(f.type) >= 0 || f.type === 'application/octet-stream');
    item.problem = null;
    if (!typeOk) item.problem = this.zone.getAttribute('data-wrong-type').replace('%types%', l.exts);
    else if (f.size > l.max) item.problem = this.zone.getAttribute('data-too-large').replace('%size%', l.maxText);
    this.mark(item, item.problem ? 'bad' : '', item.problem || this.zone.getAttribute('data-waiting'));
  };

  Uploader.prototype.mark = function (item, state, text) {
    item.row.classList.remove('bad', 'ok');
    if (state) item.row.classList.add(state);
    item.msg.textContent = text || '';
  };

  Uploader.prototype.clearErrors = function () {
    var alertBox = document.getElementById('form-alert');
    if (alertBox) alertBox.textContent = '';
    this.form.querySelectorAll('[data-field]').forEach(function (f) {
      f.classList.remove('invalid');
      errorTexts(f).forEach(function (t) { clearError(t); });
    });
  };

  Uploader.prototype.alert = function (text) {
    var box = document.getElementById('form-alert') || this.form.querySelector('[data-file-rows]');
    var div = el('div', 'alert error', text);
    div.setAttribute('role', 'alert'); // read out as it appears
    if (box.id === 'form-alert') { box.textContent = ''; box.appendChild(div); box.scrollIntoView({ block: 'center' }); }
    else box.parentNode.insertBefore(div, box);
  };

  /* Puts each refusal next to what it is about: a field, a file, or the top of the form. */
  Uploader.prototype.showProblem = function (problem, items) {
    var self = this, placed = false;
    var detail = problem.detail || this.form.getAttribute('data-fail');
    items.forEach(function (item) {
      if (detail.indexOf(item.file.name) >= 0 || (items.length === 1 && problem.status && [413, 415].indexOf(problem.status) >= 0)) {
        self.mark(item, 'bad', detail);
        placed = true;
      }
    });
    (problem.violations || []).forEach(function (v) {
      var field = self.form.querySelector('[data-field="' + v.field + '"]');
      if (v.field === 'files' && items.length === 1) { self.mark(items[0], 'bad', v.message); placed = true; return; }
      if (!field) return;
      field.classList.add('invalid');
      var t = errorTexts(field)[0];
      if (t) showError(t, v.message);
      placed = true;
    });
    if (!placed || (problem.violations || []).length === 0 && items.length !== 1) this.alert(detail);
    // The first control refused takes the focus: a screen reader says it is invalid and reads its message.
    var control = this.form.querySelector('[aria-invalid="true"]');
    if (control) control.focus({ preventScroll: true });
    var first = this.form.querySelector('.invalid input, .invalid select, .file-row.bad');
    if (first && first.scrollIntoView) first.scrollIntoView({ block: 'center' });
  };

  /* The file as the request body, named in Content-Disposition (RFC 8187): the server streams it to storage. */
  function fileHeaders(file) {
    var name = encodeURIComponent(file.name).replace(/['()*!]/g, function (c) {
      return '%' + c.charCodeAt(0).toString(16).toUpperCase();
    });
    return { 'Content-Type': 'application/octet-stream', 'Content-Disposition': "attachment; filename*=UTF-8''" + name };
  }

  Uploader.prototype.request = function (data, onProgress, headers) {
    var self = this;
    return new Promise(function (resolve) {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', self.form.action);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('X-CSRF-Token', csrf);
      Object.keys(headers || {}).forEach(function (h) { xhr.setRequestHeader(h, headers[h]); });
      xhr.upload.onprogress = function (ev) { if (ev.lengthComputable) onProgress(ev.loaded, ev.total); };
      xhr.onload = function () {
        var body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON: the sign-in page after expiry */ }
        if (body === null || (xhr.responseURL && xhr.responseURL.indexOf('/login') >= 0)) {
          resolve({ ok: false, problem: { status: xhr.status, detail: xhr.status === 413 ? null
            : self.form.getAttribute('data-session') } });
        } else {
          resolve({ ok: xhr.status >= 200 && xhr.status < 300, body: body, problem: body });
        }
      };
      xhr.onerror = function () { resolve({ ok: false, problem: { detail: self.form.getAttribute('data-fail') } }); };
      xhr.send(data);
    });
  };

  Uploader.prototype.send = function () {
    var self = this;
    var ready = this.items.filter(function (i) { return !i.problem && !i.sent; });
    if (this.items.some(function (i) { return i.problem; })) {
      this.items.filter(function (i) { return i.problem; })[0].row.scrollIntoView({ block: 'center' });
      return;
    }
    if (this.mode === 'each' && ready.length === 0) { this.input.click(); return; }
    this.busy = true;
    this.clearErrors();
    var submit = this.form.querySelector('[data-submit]');
    if (submit) submit.disabled = true;
    var done = function () { self.busy = false; if (submit) submit.disabled = false; };
    ready.forEach(function (i) {
      i.bar.hidden = false; i.bar.value = 0; i.remove.hidden = true;
      self.mark(i, '', self.zone.getAttribute('data-sending'));
    });

    if (this.mode === 'together') {
      var data = new FormData(this.form);
      data.delete('files');
      ready.forEach(function (i) { data.append('files', i.file, i.file.name); });
      var offsets = [], sum = 0;
      ready.forEach(function (i) { offsets.push(sum); sum += i.file.size; });
      this.request(data, function (loaded, total) {
        var sent = loaded * sum / total;
        ready.forEach(function (i, n) {
          i.bar.value = Math.max(0, Math.min(100, (sent - offsets[n]) * 100 / (i.file.size || 1)));
        });
      }).then(function (res) {
        if (res.ok) {
          ready.forEach(function (i) { i.bar.value = 100; i.bar.classList.add('done'); self.mark(i, 'ok', self.zone.getAttribute('data-sent')); });
          window.location.assign(res.body.location);
          return;
        }
        ready.forEach(function (i) { i.bar.hidden = true; i.remove.hidden = false; self.mark(i, '', self.zone.getAttribute('data-waiting')); });
        self.showProblem(res.problem, ready);
        done();
      });
      return;
    }

    var failed = false;
    ready.reduce(function (chain, item) {
      return chain.then(function () {
        return self.request(item.file, function (loaded, total) { item.bar.value = loaded * 100 / total; },
          fileHeaders(item.file))
          .then(function (res) {
            if (res.ok) {
              item.sent = true; item.bar.value = 100; item.bar.classList.add('done');
              self.mark(item, 'ok', self.zone.getAttribute('data-sent'));
            } else {
              failed = true; item.bar.hidden = true; item.remove.hidden = false;
              self.showProblem(res.problem, [item]);
            }
          });
      });
    }, Promise.resolve()).then(function () {
      done();
      if (!failed) {
        var url = window.location.pathname + '?uploaded';
        window.location.assign(url);
      }
    });
  };

  document.querySelectorAll('form[data-upload]').forEach(function (form) { new Uploader(form); });

  /* ---- Viewer: the whole work fitted to the frame; zoom in steps (buttons, +/−/0 keys, a click),
     full screen, and a PDF's pages one by one (the page count comes with each rendered page) ---- */
  document.querySelectorAll('[data-viewer]').forEach(function (viewer) {
    var stage = viewer.querySelector('.stage');
    var img = stage && stage.querySelector('img');
    var label = viewer.querySelector('[data-zoom-level]');
    var full = viewer.querySelector('[data-fullscreen]');
    var scale = 0; // 0 = fit the whole work into the frame
    if (full) {
      var fullText = full.textContent;
      if (!document.fullscreenEnabled || !viewer.requestFullscreen) full.hidden = true;
      full.addEventListener('click', function () {
        if (document.fullscreenElement === viewer) document.exitFullscreen(); else viewer.requestFullscreen();
      });
      document.addEventListener('fullscreenchange', function () {
        var on = document.fullscreenElement === viewer;
        full.textContent = on ? full.getAttribute('data-exit') : fullText;
        scale = 0;
        apply();
      });
    }
    if (!img) return;
    function fitScale() {
      if (!img.naturalWidth) return 1;
      return Math.min(1, stage.clientWidth / img.naturalWidth, stage.clientHeight / img.naturalHeight);
    }
    function apply() {
      if (scale === 0) {
        stage.classList.remove('zoomed');
        img.style.width = '';
        if (label) label.textContent = label.getAttribute('data-fit');
      } else {
        stage.classList.add('zoomed');
        img.style.width = Math.round(img.naturalWidth * scale) + 'px';
        if (label) label.textContent = Math.round(scale * 100) + '%';
      }
    }
    function zoom(what) {
      var current = scale || fitScale();
      if (what === 'in') scale = Math.min(8, current * 1.5);
      if (what === 'out') { scale = current / 1.5; if (scale <= fitScale()) scale = 0; }
      if (what === 'fit') scale = 0;
      apply();
    }
    viewer.addEventListener('click', function (ev) {
      var b = ev.target.closest('[data-zoom]');
      if (b) zoom(b.getAttribute('data-zoom'));
    });
    stage.addEventListener('keydown', function (ev) {
      var what = { '+': 'in', '=': 'in', '-': 'out', '0': 'fit' }[ev.key];
      if (what && !ev.ctrlKey && !ev.metaKey) { ev.preventDefault(); zoom(what); }
    });
    img.addEventListener('click', function () { scale = scale ? 0 : Math.max(1, fitScale() * 2); apply(); });
    apply();

    var pages = img.getAttribute('data-pages');
    if (!pages) return;
    var prev = viewer.querySelector('[data-page="prev"]');
    var next = viewer.querySelector('[data-page="next"]');
    var pageLabel = viewer.querySelector('[data-page-label]');
    var page = 1, count = 1, shown = null;
    function show(n) {
      fetch(pages + '?page=' + n, { credentials: 'same-origin' }).then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        count = parseInt(res.headers.get('X-Page-Count') || '1', 10);
        return res.blob();
      }).then(function (blob) {
        page = n;
        if (shown) URL.revokeObjectURL(shown);
        shown = URL.createObjectURL(blob);
        img.src = shown;
        scale = 0;
        apply();
        prev.disabled = page <= 1;
        next.disabled = page >= count;
        pageLabel.textContent = pageLabel.getAttribute('data-text').replace('%page%', page).replace('%count%', count);
      }).catch(function () { /* the first page stays; the download link remains */ });
    }
    prev.addEventListener('click', function () { if (page > 1) show(page - 1); });
    next.addEventListener('click', function () { if (page < count) show(page + 1); });
    show(1);
  });
  /* ---- Public gallery: a work opens large in a dialog (the link still works without script) ---- */
  var lightbox = document.querySelector('[data-lightbox]');
  if (lightbox && lightbox.showModal) {
    var big = lightbox.querySelector('img');
    document.querySelectorAll('[data-large]').forEach(function (a) {
      a.addEventListener('click', function (ev) {
        ev.preventDefault();
        big.src = a.getAttribute('href');
        big.alt = a.getAttribute('data-title') || '';
        lightbox.showModal();
      });
    });
    lightbox.addEventListener('click', function (ev) { if (ev.target === lightbox) lightbox.close(); });
  }
})();

/* Times in the reader's own zone and the page's language (issue 14). The server wrote each
   <time datetime="ISO"> in the competition's zone; that text stays in the title. */
(function () {
  if (!window.Intl || !Intl.DateTimeFormat) { return; }
  var lang = document.documentElement.lang || 'en';
  var format;
  try {
    format = new Intl.DateTimeFormat((lang === 'en' ? 'en-IN' : lang + '-IN') + '-u-nu-latn',
      { dateStyle: 'medium', timeStyle: 'short', timeZoneName: 'short' });
  } catch (e) {
    format = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  }
  document.querySelectorAll('time[datetime]').forEach(function (t) {
    var d = new Date(t.getAttribute('datetime'));
    if (!isNaN(d.getTime())) { t.textContent = format.format(d); }
  });
  /* A deadline also names the competition's zone when the reader is elsewhere. */
  var own = format.resolvedOptions().timeZone;
  document.querySelectorAll('time[data-zone]').forEach(function (t) {
    var zone = t.getAttribute('data-zone'), d = new Date(t.getAttribute('datetime'));
    if (!zone || zone === own || isNaN(d.getTime())) { return; }
    try {
      var there = new Intl.DateTimeFormat(format.resolvedOptions().locale,
        { dateStyle: 'medium', timeStyle: 'short', timeZoneName: 'short', timeZone: zone }).format(d);
      var note = document.createElement('span');
      note.className = 'zone-note';
      note.textContent = ' (' + there + ')';
      t.after(note);
    } catch (e) { /* an unknown zone: the title still says it */ }
  });
})();

/* Scrolling frames a keyboard can reach (WCAG 2.1.1; axe's scrollable-region-focusable): while a table is
   wider or taller than its .table-scroll frame, the frame is a focusable region named after the table's
   caption or the nearest heading, so arrow keys scroll it; a table that fits adds no tab stop. Frames that
   are always focusable say so in their HTML (the ranking table, the viewer's stage) and are left alone. */
(function () {
  function text(node) { return node.textContent.replace(/\s+/g, ' ').trim(); }
  function nameOf(frame) {
    var caption = frame.querySelector('caption');
    if (caption && text(caption)) { return text(caption); }
    for (var node = frame; node && node !== document.body; node = node.parentElement) {
      for (var prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
        var inside = prev.querySelectorAll('h1, h2, h3, h4, h5, h6, summary');
        var heading = /^(H[1-6]|SUMMARY)$/.test(prev.tagName) ? prev : inside[inside.length - 1];
        if (heading && text(heading)) { return text(heading); }
      }
    }
    return document.title;
  }
  function taken(frame, name) {
    return Array.prototype.some.call(document.querySelectorAll('[data-scroll-region]'), function (f) {
      return f !== frame && f.getAttribute('aria-label') === name;
    });
  }
  // Regions of one page need distinct names (several evidence tables share a caption): the
  // enclosing card's heading goes first, then a number if that is not enough.
  function uniqueName(frame, name) {
    if (!taken(frame, name)) { return name; }
    var box = frame.parentElement && frame.parentElement.closest('article, section, details, li, fieldset, .card');
    var heading = box && box.querySelector('h1, h2, h3, h4, h5, h6, summary, legend');
    if (heading && text(heading) && text(heading) !== name) { name = text(heading) + ': ' + name; }
    var base = name;
    for (var n = 2; taken(frame, name); n++) { name = base + ' (' + n + ')'; }
    return name;
  }
  function mark(frame) {
    if (frame.hasAttribute('tabindex') && !frame.hasAttribute('data-scroll-region')) { return; }
    var scrolls = frame.scrollWidth > frame.clientWidth + 1 || frame.scrollHeight > frame.clientHeight + 1;
    if (scrolls && !frame.hasAttribute('data-scroll-region')) {
      frame.setAttribute('data-scroll-region', '');
      frame.setAttribute('tabindex', '0');
      frame.setAttribute('role', 'region');
      frame.setAttribute('aria-label', uniqueName(frame, nameOf(frame)));
    } else if (!scrolls && frame.hasAttribute('data-scroll-region')) {
      ['data-scroll-region', 'tabindex', 'role', 'aria-label'].forEach(function (a) { frame.removeAttribute(a); });
    }
  }
  var frames = document.querySelectorAll('.table-scroll');
  frames.forEach(mark);
  if (window.ResizeObserver) {
    // Also a frame inside a <details> that opens: its size changes from nothing.
    var observer = new ResizeObserver(function (changes) {
      changes.forEach(function (c) { mark(c.target.closest('.table-scroll')); });
    });
    frames.forEach(function (f) { observer.observe(f); observer.observe(f.firstElementChild || f); });
  } else {
    window.addEventListener('resize', function () { frames.forEach(mark); });
  }
})();
