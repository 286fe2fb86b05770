/* The handbook's page behaviour: the search box in the header (search.js), the search
   toggle on small screens, orientation checklists remembered in this browser, and the
   date calculator of a process page. */
(function () {
  "use strict";

  // The search box (assets/handbook/search.js).
  function mountSearch() {
    if (window.HandbookSearch) window.HandbookSearch.mount();
  }

  function setupToggle() {
    var wrap = document.querySelector("[data-hb-search]");
    if (!wrap) return;
    var button = wrap.querySelector(".hb-search__toggle");
    function input() {
      return wrap.querySelector(".pagefind-ui__search-input");
    }
    function open(state) {
      wrap.classList.toggle("hb-search--open", state);
      if (button) button.setAttribute("aria-expanded", state ? "true" : "false");
      var field = input();
      if (state && field) field.focus();
    }
    if (button) {
      button.addEventListener("click", function () {
        open(!wrap.classList.contains("hb-search--open"));
      });
    }
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && wrap.classList.contains("hb-search--open")) open(false);
    });
    // mkdocs-material's search shortcuts (/, s, f) belong to its own search, which is off: same keys here.
    document.addEventListener("keydown", function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.altKey || ["/", "s", "f"].indexOf(ev.key) < 0) return;
      var active = document.activeElement;
      if (active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) return;
      ev.preventDefault();
      if (window.matchMedia("(max-width: 59.984375em)").matches) open(true);
      else if (input()) input().focus();
    });
  }

  function setupChecklists() {
    var boxes = document.querySelectorAll("input.hb-check");
    if (!boxes.length) return;
    var key = "handbook:read:" + location.pathname;
    var state = {};
    try {
      state = JSON.parse(localStorage.getItem(key) || "{}") || {};
    } catch (e) {
      state = {};
    }
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.hasAttribute("data-hb-bound")) return;
      box.setAttribute("data-hb-bound", "");
      box.checked = !!state[box.id];
      box.addEventListener("change", function () {
        state[box.id] = box.checked;
        try {
          localStorage.setItem(key, JSON.stringify(state));
        } catch (e) {
          /* private mode: ticks last for this visit only */
        }
      });
    });
  }

  /* The date calculator of a process page (generator/render/pages/deadlines.py): the deadline of a
     promise from a starting day as Act 150/1930 counts it. The holidays of the coming years are baked
     into the page at build time; nothing is fetched or sent. */
  function setupDeadlines() {
    var boxes = document.querySelectorAll("[data-hb-deadline]");
    Array.prototype.forEach.call(boxes, function (box) {
      var holidays = {};
      try {
        holidays = JSON.parse(box.getAttribute("data-holidays") || "{}") || {};
      } catch (e) {
        holidays = {};
      }
      var weekdays = (box.getAttribute("data-weekdays") || "").split(" ");
      var months = (box.getAttribute("data-months") || "").split(" ");
      var lang = box.getAttribute("data-lang") || "fi";
      var select = box.querySelector(".hb-deadline__promise");
      var input = box.querySelector(".hb-deadline__start");
      var out = box.querySelector(".hb-deadline__result");
      if (!select || !input || !out || box.hasAttribute("data-hb-bound")) return;
      box.setAttribute("data-hb-bound", "");

      function iso(d) {
        var m = d.getUTCMonth() + 1, day = d.getUTCDate();
        return d.getUTCFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (day < 10 ? "0" : "") + day;
      }
      function words(d) {
        var wd = weekdays[(d.getUTCDay() + 6) % 7] || "";
        var date = lang === "en"
          ? d.getUTCDate() + " " + (months[d.getUTCMonth()] || "") + " " + d.getUTCFullYear()
          : d.getUTCDate() + "." + (d.getUTCMonth() + 1) + "." + d.getUTCFullYear();
        return wd + " " + date;
      }
      function why(d) {
        var name = holidays[iso(d)];
        if (name) return name;
        var wd = d.getUTCDay();
        if (wd === 6) return box.getAttribute("data-saturday") || "";
        if (wd === 0) return box.getAttribute("data-sunday") || "";
        return null;
      }
      function next(d) {
        return new Date(d.getTime() + 86400000);
      }
      function deadline(start, unit, n) {
        var skipped = [], d = start, counted = 0, last;
        if (unit === "same-day") return { day: start, skipped: [] };
        if (unit === "working-days" || unit === "next-working-day") {
          var goal = unit === "next-working-day" ? 1 : n;
          while (counted < goal) {
            d = next(d);
            if (why(d) === null) counted += 1;
            else skipped.push(d);
          }
          return { day: d, skipped: skipped };
        }
        if (unit === "months") {
          var y = start.getUTCFullYear(), m = start.getUTCMonth() + n;
          var lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
          last = new Date(Date.UTC(y, m, Math.min(start.getUTCDate(), lastDay)));
        } else {
          last = new Date(start.getTime() + n * (unit === "weeks" ? 7 : 1) * 86400000);
        }
        d = last;
        while (why(d) !== null) {
          skipped.push(d);
          d = next(d);
        }
        return { day: d, skipped: skipped };
      }
      function update() {
        var parts = (select.value || "").split(":");
        var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.value || "");
        if (!m || parts.length !== 2) {
          out.textContent = "";
          return;
        }
        var start = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
        var found = deadline(start, parts[0], parseInt(parts[1], 10) || 0);
        var text = (box.getAttribute("data-result") || "") + " " + words(found.day);
        if (found.skipped.length) {
          var names = found.skipped.map(function (d) {
            return holidays[iso(d)] || words(d);
          });
          text += " (" + (box.getAttribute("data-skipped") || "{days}").replace("{days}", names.join(", ")) + ")";
        }
        out.textContent = text;
      }
      select.addEventListener("change", update);
      input.addEventListener("input", update);
      input.addEventListener("change", update);
      update();
    });
  }

  // Material wraps each table in a scrolling box. A box wider than the screen can be reached with the
  // keyboard (tabindex, a named region) and says that it scrolls: a line above it and a shadow at its edge.
  function setupTables() {
    var article = document.querySelector("article[data-hb-table]");
    if (!article) return;
    var name = article.getAttribute("data-hb-table") || "";
    var more = article.getAttribute("data-hb-table-more") || "";
    Array.prototype.forEach.call(article.querySelectorAll(".md-typeset__scrollwrap"), function (wrap, i) {
      if (wrap.hasAttribute("data-hb-table")) return;
      wrap.setAttribute("data-hb-table", "");
      var table = wrap.querySelector("table");
      var head = table ? table.querySelector("th") : null;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", name + " " + (i + 1) + (head ? ": " + head.textContent.trim() : ""));
      wrap.tabIndex = 0;
      var cue = document.createElement("p");
      cue.className = "hb-scroll-cue";
      cue.setAttribute("aria-hidden", "true");
      cue.textContent = more + " \u2192";
      wrap.parentNode.insertBefore(cue, wrap);
      function update() {
        var wide = wrap.scrollWidth > wrap.clientWidth + 1;
        wrap.classList.toggle("hb-scroll--wide", wide);
        wrap.classList.toggle("hb-scroll--end", wrap.scrollLeft + wrap.clientWidth >= wrap.scrollWidth - 1);
        cue.hidden = !wide;
      }
      wrap.addEventListener("scroll", update, { passive: true });
      window.addEventListener("resize", update);
      update();
    });
  }

  /* A table marked sortable (the promises-kept page, kinds/attainment.py): each column heading becomes
     a button that sorts the rows by that column, numbers as numbers ("< 5" and "–" last); the
     heading's aria-sort says the order. Without the script the table is the same, in process order. */
  function setupSortable() {
    var boxes = document.querySelectorAll("[data-hb-sortable]");
    Array.prototype.forEach.call(boxes, function (box) {
      var table = box.querySelector("table");
      if (!table || table.getAttribute("data-hb-sorted") !== null) return;
      table.setAttribute("data-hb-sorted", "");
      var heads = table.querySelectorAll("thead th");
      var body = table.tBodies[0];
      if (!body) return;
      function key(cell) {
        var text = (cell ? cell.textContent : "").trim();
        var number = parseFloat(text.replace(/[\u2191\u2193\u2192+%\s]/g, "").replace("\u2212", "-").replace(",", "."));
        return isNaN(number) || /^</.test(text) ? { n: null, t: text } : { n: number, t: text };
      }
      Array.prototype.forEach.call(heads, function (th, column) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "hb-sort";
        button.title = box.getAttribute("data-sort-label") || "";
        while (th.firstChild) button.appendChild(th.firstChild);
        th.appendChild(button);
        button.addEventListener("click", function () {
          var down = th.getAttribute("aria-sort") === "ascending";
          Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", down ? "descending" : "ascending");
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = key(a.cells[column]), y = key(b.cells[column]);
            if (x.n === null || y.n === null) {
              if (x.n !== y.n) return x.n === null ? 1 : -1;
              return (down ? -1 : 1) * x.t.localeCompare(y.t);
            }
            return (down ? -1 : 1) * (x.n - y.n);
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  }

  // The page's content is set up on each of the theme's `document$`: the first page, and each rebuild
  // the preview puts in place (preview.js). Each set-up skips what it has set up already.
  function setupContent() {
    setupChecklists();
    setupDeadlines();
    setupTables();
    setupSortable();
  }

  mountSearch();
  setupToggle();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setupContent);
  } else {
    setupChecklists();
    setupDeadlines();
    window.addEventListener("load", setupTables);
    window.addEventListener("load", setupSortable);
  }
})();
