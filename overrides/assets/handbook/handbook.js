/* The handbook's page behaviour: Pagefind search in the header, the search
   toggle on small screens, and orientation checklists remembered in this browser. */
(function () {
  "use strict";

  function mountSearch() {
    var box = document.getElementById("hb-search");
    if (!box || typeof window.PagefindUI !== "function") return;
    // The bundle path is relative to this page; result addresses are relative to the site root.
    var bundle = new URL(box.getAttribute("data-bundle"), document.baseURI).pathname;
    var siteRoot = bundle.replace(/pagefind\/?$/, "");
    new window.PagefindUI({
      element: "#hb-search",
      bundlePath: bundle,
      baseUrl: siteRoot,
      showImages: false,
      showSubResults: true,
      excerptLength: 18,
      resetStyles: false,
      autofocus: false,
      // Pagefind answers a query in ~25 ms once loaded; its default 300 ms pause after each
      // keystroke was most of the wait measured in bench/ (383 ms to first results).
      debounceTimeoutMs: 80,
      translations: { placeholder: box.getAttribute("data-placeholder") || undefined }
    });
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

  mountSearch();
  setupToggle();
  setupChecklists();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () {
      setupTables();
    });
  } else {
    window.addEventListener("load", setupTables);
  }
})();
