/* Live preview (handbook serve only): reload after each rebuild, and show the
   check's errors when the last save could not be built: how many, every one of them
   (the list scrolls), and whether the page shown is a good build of this preview or
   only one left from before. The banner can be closed; new errors open it again. */
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
  var siteRoot = new URL("../", root).pathname;

  /* Whether this page is among the site's files a build put (`changed`: their paths in the site, or
     null when the whole site may have changed). A save of one process changes only its own pages:
     the other open pages stay as they are. */
  function shownChanged(changed) {
    if (!Array.isArray(changed)) return true;
    var path = location.pathname;
    if (path.indexOf(siteRoot) !== 0) return true;
    path = path.slice(siteRoot.length);
    if (path === "" || path.charAt(path.length - 1) === "/") path += "index.html";
    try { path = decodeURIComponent(path); } catch (e) { return true; }
    return changed.indexOf(path) !== -1;
  }

  /* Long polling: the server answers as soon as a build changes what this page shows. */
  function poll() {
    var url = version === null ? statusUrl : statusUrl + "?version=" + version + "&generation=" + seen;
    var failed = false;
    fetch(url, { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (status) {
        if (seen !== null && status.generation !== seen && !(status.errors && status.errors.length) &&
            shownChanged(status.changed)) {
          location.reload();
          return;
        }
        seen = status.generation;
        version = status.version;
        show(status);
      })
      .catch(function () { failed = true; /* server restarting */ })
      .then(function () { setTimeout(poll, failed ? 1000 : 0); });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && banner && banner.contains(document.activeElement)) { closed = shown; remove(); }
  });
  poll();
})();
