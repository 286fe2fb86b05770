/* Live preview (handbook serve only): reload after each rebuild, and show the
   check's errors when the last save could not be built. */
(function () {
  "use strict";
  var root = new URL(document.querySelector("[data-hb-search] [data-bundle]").getAttribute("data-bundle"), document.baseURI);
  var statusUrl = new URL("../__handbook__/status", root).href;
  var seen = null;
  var banner = null;

  function show(errors) {
    if (!errors || !errors.length) {
      if (banner) banner.remove();
      banner = null;
      return;
    }
    if (!banner) {
      banner = document.createElement("div");
      banner.className = "hb-preview-errors";
      banner.setAttribute("role", "alert");
      document.body.appendChild(banner);
    }
    banner.textContent = "";
    var title = document.createElement("strong");
    title.textContent = "Esikatselu: tallennettua tiedostoa ei voitu rakentaa (näet viimeisimmän toimivan version)";
    banner.appendChild(title);
    var list = document.createElement("ul");
    errors.slice(0, 20).forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
    banner.appendChild(list);
  }

  var version = null;

  /* Long polling: the server answers as soon as a build changes what this page shows. */
  function poll() {
    var url = version === null ? statusUrl : statusUrl + "?version=" + version;
    var failed = false;
    fetch(url, { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (status) {
        if (seen !== null && status.generation !== seen && !(status.errors && status.errors.length)) {
          location.reload();
          return;
        }
        seen = status.generation;
        version = status.version;
        show(status.errors);
      })
      .catch(function () { failed = true; /* server restarting */ })
      .then(function () { setTimeout(poll, failed ? 1000 : 0); });
  }
  poll();
})();
