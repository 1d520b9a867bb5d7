// The final juror's ranking (templates/jury/ranking.html): drag a card with a finger or a mouse
// (pointer events), or use its buttons (up, down, tie with the one above). The script only keeps
// the rank numbers of the plain form in step with the cards: the form post is the one way to save.
(function () {
  'use strict';
  var list = document.querySelector('[data-ranking]');
  if (!list || !list.querySelector('[data-moves]')) {
    return;
  }
  var state = document.querySelector('[data-save-state]');
  list.classList.add('enhanced');
  list.querySelectorAll('[data-moves]').forEach(function (m) { m.hidden = false; });

  function cards() {
    return Array.prototype.slice.call(list.querySelectorAll('li[data-entry]'));
  }

  // Numbers from the order: the next number unless tied with the card above.
  function renumber(changed) {
    var rank = 0;
    cards().forEach(function (li, i) {
      if (i === 0) {
        li.classList.remove('tied');
      }
      if (!li.classList.contains('tied')) {
        rank += 1;
      }
      var input = li.querySelector('input[type=number]');
      input.value = String(rank);
      input.readOnly = true;
      var tie = li.querySelector('[data-move=tie]');
      if (tie) {
        tie.setAttribute('aria-pressed', li.classList.contains('tied') ? 'true' : 'false');
        tie.disabled = i === 0;
      }
    });
    if (changed && state) {
      state.textContent = state.getAttribute('data-changed');
    }
  }

  function move(li, direction) {
    li.classList.remove('tied');
    if (direction === 'up' && li.previousElementSibling) {
      list.insertBefore(li, li.previousElementSibling);
    } else if (direction === 'down' && li.nextElementSibling) {
      list.insertBefore(li, li.nextElementSibling.nextElementSibling);
    }
  }

  list.addEventListener('click', function (e) {
    var b = e.target.closest('[data-move]');
    if (!b) {
      return;
    }
    var li = b.closest('li[data-entry]');
    var what = b.getAttribute('data-move');
    if (what === 'tie') {
      li.classList.toggle('tied');
    } else {
      move(li, what);
    }
    renumber(true);
    b.focus();
  });

  // Dragging by the grip (the rest of the card scrolls the page on a phone, as usual).
  var dragged = null;
  list.addEventListener('pointerdown', function (e) {
    var li = e.target.closest('[data-grip]') ? e.target.closest('li[data-entry]') : null;
    if (!li) {
      return;
    }
    dragged = li;
    li.classList.add('dragging');
    li.setPointerCapture(e.pointerId);
    e.preventDefault();
  });
  list.addEventListener('pointermove', function (e) {
    if (!dragged) {
      return;
    }
    var over = document.elementFromPoint(e.clientX, e.clientY);
    var target = over && over.closest ? over.closest('li[data-entry]') : null;
    if (!target || target === dragged || target.parentNode !== list) {
      return;
    }
    var box = target.getBoundingClientRect();
    var after = e.clientY > box.top + box.height / 2;
    list.insertBefore(dragged, after ? target.nextElementSibling : target);
  });
  function drop() {
    if (!dragged) {
      return;
    }
    dragged.classList.remove('dragging');
    dragged.classList.remove('tied');
    dragged = null;
    renumber(true);
  }
  list.addEventListener('pointerup', drop);
  list.addEventListener('pointercancel', drop);

  renumber(false);
}());
