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
    // A larger handbook's index comes in shards (generator/search_index.py): pagefind/ is the first,
    // shards.json names the others, merged into one list of results.
    fetch(bundle + "shards.json")
      .then(function (response) { return response.ok ? response.json() : { shards: [] }; })
      .catch(function () { return { shards: [] }; })
      .then(function (manifest) {
        var shards = (manifest && Array.isArray(manifest.shards)) ? manifest.shards : [];
        mountUI(box, bundle, siteRoot, shards.map(function (path) { return { bundlePath: bundle + path, baseUrl: siteRoot }; }));
      });
  }

  function mountUI(box, bundle, siteRoot, mergeIndex) {
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
      mergeIndex: mergeIndex,
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

  mountSearch();
  setupToggle();
  setupChecklists();
})();
