/* storytrace: the only script of the report and the web app. It never builds
   markup from data: it clones article text the server already escaped, sets
   attributes from fixed tokens and uses textContent. Without it, every page
   still reads (the server renders a default comparison). */
(function () {
  "use strict";
  var PALETTE = 8;

  function words(element, name) {
    var value = element.getAttribute(name);
    return value ? value.split(" ") : [];
  }

  function pairBetween(block, otherIndex) {
    var found = null;
    words(block, "data-pairs").forEach(function (token) {
      var parts = token.split(":");
      if (found === null && parts[0] === otherIndex) {
        found = parts[1];
      }
    });
    return found;
  }

  function paint(block, pair) {
    block.querySelectorAll("[data-p]").forEach(function (span) {
      span.removeAttribute("data-c");
      span.removeAttribute("data-n");
      words(span, "data-p").forEach(function (token) {
        var parts = token.split(":");
        if (pair !== null && parts[0] === pair && !span.hasAttribute("data-c")) {
          var number = parseInt(parts[1], 10);
          span.setAttribute("data-c", String(((number - 1) % PALETTE) + 1));
          if (parts[2] === "1") {
            span.setAttribute("data-n", String(number));
          }
        }
      });
    });
  }

  function chosen(select) {
    var option = select.options[select.selectedIndex];
    return { index: option.getAttribute("data-index"), label: option.textContent };
  }

  function setup(widget) {
    var scope = widget.closest("[data-story]") || document;
    var left = widget.querySelector('select[data-side="left"]');
    var right = widget.querySelector('select[data-side="right"]');
    if (!left || !right) {
      return;
    }
    var initialPair = widget.getAttribute("data-pair");

    function source(index) {
      var blocks = scope.querySelectorAll("[data-article-text] [data-text-block]");
      for (var i = 0; i < blocks.length; i++) {
        if (blocks[i].getAttribute("data-index") === index) {
          return blocks[i];
        }
      }
      return null;
    }

    function fill(side, pick, pair) {
      var column = widget.querySelector('[data-column="' + side + '"]');
      var original = source(pick.index);
      if (!column || !original) {
        return;
      }
      var heading = document.createElement("h4");
      heading.textContent = pick.label;
      var copy = original.cloneNode(true);
      paint(copy, pair);
      column.replaceChildren(heading, copy);
    }

    function update() {
      var a = chosen(left);
      var b = chosen(right);
      var same = a.index === b.index;
      var block = source(a.index);
      var form = left.form;
      if ((!block || !source(b.index)) && form && !form.hasAttribute("data-static")) {
        /* A page without the story's texts (the comparison page) asks the server. */
        if (!same) {
          form.submit();
        }
        return;
      }
      var pair = same || !block ? null : pairBetween(block, b.index);
      widget.querySelectorAll("[data-pair-note]").forEach(function (note) {
        note.hidden = note.getAttribute("data-pair-note") !== pair;
      });
      widget.querySelectorAll("[data-no-pair]").forEach(function (note) {
        note.hidden = same || pair !== null;
      });
      widget.querySelectorAll("[data-same]").forEach(function (note) {
        note.hidden = !same;
      });
      widget.querySelectorAll("[data-passages]").forEach(function (list) {
        list.hidden = pair !== initialPair;
      });
      fill("left", a, pair);
      fill("right", b, pair);
    }

    left.addEventListener("change", update);
    right.addEventListener("change", update);
    widget.querySelectorAll("[data-needs-script]").forEach(function (element) {
      element.hidden = false;
    });
    widget.querySelectorAll("form[data-static]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        update();
      });
    });
  }

  document.querySelectorAll("[data-compare]").forEach(setup);

  /* Printing shows every article in full; the furniture stays folded. */
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.article-block:not([open])").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) {
      d.open = false;
    });
    opened = [];
  });
})();
