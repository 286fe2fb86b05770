/* Live preview (handbook serve only): show each rebuild of the open page, and show the
   check's errors when the last save could not be built: how many, every one of them
   (the list scrolls), and whether the page shown is a good build of this preview or
   only one left from before. The banner can be closed; new errors open it again.
   A rebuilt page is put in place without a reload, as mkdocs-material's instant navigation
   does: the new page is fetched, its container and header title replace this page's, and
   `document$` says so, so that the theme (tooltips, tables, the table of contents) and
   handbook.js (checklists, the date calculator, sortable tables) set the new content up.
   Anything unexpected falls back to a reload. */
(function () {
  "use strict";
  var TEXT = {
    title: "Esikatselu: tallennettua tiedostoa ei voitu rakentaa",
    count: function (n) { return n === 1 ? "1 virhe" : n + " virhettä"; },
    lastGood: "Näet viimeisimmän toimivan version. Korjaa virheet ja tallenna: sivu päivittyy itsestään.",
    noGoodBuild: "Esikatselulla ei ole vielä yhtään onnistunutta rakennusta: näet aiemmin rakennetun version. " +
      "Korjaa virheet ja tallenna: sivu päivittyy itsestään.",
    close: "Sulje virheilmoitus"
  };
  var root = new URL(document.querySelector("[data-hb-search] [data-bundle]").getAttribute("data-bundle"), document.baseURI);
  var statusUrl = new URL("../__handbook__/status", root).href;
  var seen = null;
  var banner = null;
  var shown = null; /* what the banner shows now, so it is not rebuilt (and read out) every second */
  var closed = null; /* what the reader closed: the same errors stay closed */

  function remove() {
    if (banner) banner.remove();
    banner = null;
    shown = null;
  }

  function show(status) {
    var errors = status.errors || [];
    if (!errors.length) {
      closed = null;
      remove();
      return;
    }
    var good = status.built === undefined ? status.generation > 0 : status.built;
    var key = (good ? "1" : "0") + "\n" + errors.join("\n");
    if (key === closed) { remove(); return; }
    if (key === shown) return;
    remove();
    shown = key;
    banner = document.createElement("section");
    banner.className = "hb-preview-errors";
    banner.setAttribute("role", "alert");
    banner.setAttribute("aria-label", TEXT.title);
    var head = document.createElement("div");
    head.className = "hb-preview-errors__head";
    var title = document.createElement("strong");
    title.textContent = TEXT.title + " (" + TEXT.count(errors.length) + ")";
    head.appendChild(title);
    var close = document.createElement("button");
    close.type = "button";
    close.className = "hb-preview-errors__close";
    close.setAttribute("aria-label", TEXT.close);
    close.title = TEXT.close;
    close.textContent = "×";
    close.addEventListener("click", function () { closed = key; remove(); });
    head.appendChild(close);
    banner.appendChild(head);
    var state = document.createElement("p");
    state.className = good ? "hb-preview-errors__state" : "hb-preview-errors__state hb-preview-errors__state--none";
    state.textContent = good ? TEXT.lastGood : TEXT.noGoodBuild;
    banner.appendChild(state);
    var list = document.createElement("ol");
    list.className = "hb-preview-errors__list";
    list.tabIndex = 0; /* the list scrolls: reachable from the keyboard */
    errors.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
    banner.appendChild(list);
    document.body.appendChild(banner);
  }

  var version = null;
  var reloading = false;
  var siteRoot = new URL("../", root).pathname;

  /* Whether this page is among the site's files a build put (`changed`: their paths in the site, or
     null when the whole site may have changed). A save of one process changes only its own pages:
     the other open pages stay as they are. */
  function shownChanged(changed) {
    if (!Array.isArray(changed)) return true;
    var path = sitePath(location.href);
    return path === null || changed.indexOf(path) !== -1;
  }

  /* The path of `href` in the site (as the status's `changed` names it), or null outside it. */
  function sitePath(href) {
    var url = new URL(href, location.href);
    if (url.origin !== location.origin || url.pathname.indexOf(siteRoot) !== 0) return null;
    var path = url.pathname.slice(siteRoot.length);
    if (path === "" || path.charAt(path.length - 1) === "/") path += "index.html";
    try { return decodeURIComponent(path); } catch (e) { return null; }
  }

  /* The parts of a page a rebuild replaces: mkdocs-material's instant navigation replaces the same. */
  var PARTS = [
    "[data-md-component=container]",
    "[data-md-component=header-topic]",
    "[data-md-component=skip]",
    "[data-md-component=announce]",
    "[data-md-component=outdated]"
  ];

  /* Put the rebuilt page in place of this one, keeping where the reader is on it. A diagram or image
     the build put is asked for anew (the browser would show the one it holds). Resolves when done. */
  function refresh(status) {
    var theme = window.document$;
    if (!theme || typeof theme.next !== "function" || !window.DOMParser) return Promise.reject(new Error("no theme"));
    return fetch(location.href, { cache: "no-store" })
      .then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.text();
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html");
        var pairs = [];
        PARTS.forEach(function (part) {
          var here = document.querySelector(part), there = next.querySelector(part);
          if (!here !== !there) throw new Error("another layout: " + part);
          if (here) pairs.push([here, there]);
        });
        if (!pairs.length || document.documentElement.lang !== next.documentElement.lang) throw new Error("another page");
        var changed = Array.isArray(status.changed) ? status.changed : null;
        [["img", "src"], ["object", "data"]].forEach(function (kind) {
          Array.prototype.forEach.call(next.querySelectorAll(kind[0] + "[" + kind[1] + "]"), function (el) {
            var value = el.getAttribute(kind[1]);
            var path = sitePath(value);
            if (path === null || (changed && changed.indexOf(path) === -1)) return;
            var url = new URL(value, location.href);
            url.searchParams.set("hb-build", String(status.generation));
            el.setAttribute(kind[1], url.href);
          });
        });
        var x = window.scrollX, y = window.scrollY;
        pairs.forEach(function (pair) { pair[0].replaceWith(document.adoptNode(pair[1])); });
        document.title = next.title;
        window.scrollTo(x, y);
        show(status); /* the banner of the errors this build fixed goes with the old page, in one paint */
        /* The new text is painted first; the theme and handbook.js set it up right after (~50 ms). */
        return new Promise(function (resolve) {
          requestAnimationFrame(function () {
            setTimeout(function () {
              theme.next(document);
              resolve();
            }, 0);
          });
        });
      });
  }

  /* Long polling: the server answers as soon as a build changes what this page shows. */
  function poll() {
    var url = version === null ? statusUrl : statusUrl + "?version=" + version + "&generation=" + seen;
    var failed = false;
    fetch(url, { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (status) {
        var rebuilt = seen !== null && status.generation !== seen && !(status.errors && status.errors.length) &&
            shownChanged(status.changed);
        seen = status.generation;
        version = status.version;
        if (!rebuilt) {
          show(status);
          return;
        }
        return refresh(status).then(
          function () { show(status); },
          function () { reloading = true; location.reload(); }
        );
      })
      .catch(function () { failed = true; /* server restarting */ })
      .then(function () { if (!reloading) setTimeout(poll, failed ? 1000 : 0); });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && banner && banner.contains(document.activeElement)) { closed = shown; remove(); }
  });
  poll();
})();
