/* The handbook's search box: its own result list over Pagefind's JavaScript API (pagefind.js).

   Staff type questions, not index terms. So a query is read word by word:
   - the question words and other stop words of the page's language are not required;
   - each remaining word is searched with its alternatives: its base form when the handbook has the
     inflected word (vocabulary.<lang>.json.gz, generator/search_vocabulary.py), its compound parts
     ("päihdeongelma" → "päihde ongelma") and, for a word the handbook does not have, the handbook's
     words one edit away ("viranomaisnumreo" → "viranomaisnumero");
   - a page is ranked by how many of the words it has, then by Pagefind's scores: when no page has
     every word, the pages that have the most of them are shown, with a note saying so.
   An entry of the contact directory (*Kenelle soitan?*) is a result of its own: situation, audience
   mark and number. The index may come in shards (generator/search_index.py): pagefind/ and those
   pagefind/shards.json lists, merged (mergeIndex), each with its own vocabulary. */
(function () {
  "use strict";

  var STOP = {
    fi: "mikä mitä mihin missä mistä miksi miten millainen milloin kuka kenen kenelle keneltä kenet ketkä " +
      "kumpi paljonko montako onko voiko saako pitääkö täytyykö kannattaako ja tai sekä että kun jos kuin " +
      "mutta vai eli on ole olla ovat oli olen olet olemme ei en et emme eivät se ne tämä tuo nämä ne " +
      "minä sinä hän me te he minun sinun hänen meidän teidän heidän minulle minua mua mulle " +
      "jo vielä myös vain nyt sitten niin siis kanssa ilman saa voi pitää täytyy tulee " +
      "teen tehdä tehdään toimin toimitaan pitäisi pääsee pääsen",
    sv: "vad vem vems vilken vilket vilka var vart varifrån varför hur när hurdan och eller samt att som om " +
      "men är var vara varit blir bli inte ej jag du han hon vi ni de den det detta dessa min din sin vår er " +
      "mig dig oss dem en ett till för på i av med om från hos kan ska skall måste får gör göra görs man " +
      "sig så nu då också bara",
    en: "what which who whom whose where when why how is are was were be been being am do does did done " +
      "i you he she we they it this that these those my your our their me us them a an the and or but if " +
      "of to in on at for from with by about as into can could should would will shall must may might " +
      "get gets go there here so then also just"
  };
  var SPLIT_LANGS = { fi: 3, sv: 4 };
  /** Compounds are split in these languages, into parts at least this long. */
  var PAGE = 8;
  var MAX_WORDS = 8;
  var WEIGHT = { word: 1, base: 0.95, parts: 0.8, typo: 0.6 };
  var WORDS_ID = "hb-words";
  var EXCERPT_WORDS = 18;

  function stopWords(lang) {
    var out = {};
    (STOP[lang] || "").split(" ").forEach(function (w) { if (w) out[w] = true; });
    return out;
  }

  function tokens(query) {
    return (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).slice(0, 32);
  }

  // --- the vocabulary -----------------------------------------------------------------------

  function Vocabulary(entries) {
    var words = {}, base = {};
    entries.forEach(function (e) {
      (e && Array.isArray(e.words) ? e.words : []).forEach(function (w) { words[w] = true; });
      if (e && e.base && typeof e.base === "object") Object.keys(e.base).forEach(function (k) { base[k] = e.base[k]; });
    });
    this.has = function (w) { return Object.prototype.hasOwnProperty.call(words, w); };
    this.base = function (w) { return Object.prototype.hasOwnProperty.call(base, w) ? base[w] : null; };
    this.sorted = Object.keys(words).sort();
    this.byLength = {};
    for (var i = 0; i < this.sorted.length; i++) {
      var n = this.sorted[i].length;
      (this.byLength[n] = this.byLength[n] || []).push(this.sorted[i]);
    }
  }

  /** The first word of the vocabulary at or after `prefix` (binary search), or null. */
  Vocabulary.prototype.from = function (prefix) {
    var lo = 0, hi = this.sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (this.sorted[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    return lo < this.sorted.length ? this.sorted[lo] : null;
  };
  Vocabulary.prototype.hasPrefix = function (prefix) {
    var w = this.from(prefix);
    return w !== null && w.lastIndexOf(prefix, 0) === 0 && w !== prefix;
  };
  /** A word of the vocabulary that `piece` may be an inflected form of: it has the piece's start and
      at most a few letters more. */
  Vocabulary.prototype.stemOf = function (piece, min) {
    if (this.has(piece)) return piece;
    for (var k = piece.length - 1; k >= Math.max(min, piece.length - 4); k--) {
      var start = piece.slice(0, k), w = this.from(start);
      if (w !== null && w.lastIndexOf(start, 0) === 0 && w.length <= k + 4) return w;
    }
    return null;
  };

  /** `word` cut into 2 or 3 words of the vocabulary (the last may be inflected), or null. */
  function splitCompound(word, vocab, min) {
    if (word.length < 2 * min + 1) return null;
    var best = null;
    function walk(rest, parts) {
      if (parts.length >= 3) return;
      for (var i = rest.length - min; i >= min; i--) {
        var head = rest.slice(0, i), tail = rest.slice(i);
        if (!vocab.has(head)) continue;
        var next = parts.concat([head]);
        if (tail.length >= min && vocab.stemOf(tail, min)) {
          var found = next.concat([tail]);
          if (!best || found.length < best.length) best = found;
          return;
        }
        walk(tail, next);
        if (best && best.length === 2) return;
      }
    }
    walk(word, []);
    return best;
  }

  /** Optimal string alignment distance is at most one: one letter changed, added, left out or two swapped. */
  function oneEdit(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  function corrections(word, vocab) {
    var out = [];
    for (var n = word.length - 1; n <= word.length + 1; n++) {
      var list = vocab.byLength[n] || [];
      for (var i = 0; i < list.length && out.length < 3; i++) {
        if (list[i][0] === word[0] || list[i][1] === word[1]) {
          if (oneEdit(word, list[i])) out.push(list[i]);
        }
      }
    }
    return out;
  }

  /** The words to find and, for each, the searches that find it (`q`, its weight, and whether it is a
      guess the list says it made). */
  function plan(query, lang, vocab) {
    var stop = stopWords(lang);
    var all = tokens(query);
    var kept = all.filter(function (w) { return !stop[w]; });
    if (!kept.length) kept = all;
    var seen = {};
    kept = kept.filter(function (w) { if (seen[w]) return false; seen[w] = true; return true; }).slice(0, MAX_WORDS);
    return kept.map(function (word) {
      var alts = [{ q: word, weight: WEIGHT.word }];
      if (!vocab || !vocab.sorted.length || /\d/.test(word)) return { word: word, alts: alts };
      // A word no page has, nor a word it may be an inflected form of, is not searched as it is: Pagefind
      // would find pages by a shorter part of it ("blorfistaani" by "b"). Its corrections may be.
      if (word.length >= 4 && !vocab.has(word) && !vocab.hasPrefix(word) && !vocab.stemOf(word, Math.max(4, Math.ceil(word.length * 0.6)))) {
        alts = [];
      }
      var base = vocab.base(word);
      if (base && base !== word) alts.push({ q: base, weight: WEIGHT.base });
      var min = SPLIT_LANGS[lang];
      if (min && word.length >= 7) {
        var parts = splitCompound(word, vocab, min);
        if (parts) alts.push({ q: parts.join(" "), weight: WEIGHT.parts, shown: true });
      }
      // A word the handbook does not have, nor a longer word it begins, nor a word it may be inflected from.
      if (word.length >= 5 && !vocab.has(word) && !base && !vocab.hasPrefix(word) && !vocab.stemOf(word, Math.max(4, word.length - 2))) {
        corrections(word, vocab).forEach(function (c) { alts.push({ q: c, weight: WEIGHT.typo, shown: true }); });
      }
      return { word: word, alts: alts };
    });
  }

  /** Pages ranked by the number of words they have, then by their weighted scores. */
  function rank(groups, found) {
    var pages = {};
    groups.forEach(function (g, gi) {
      g.alts.forEach(function (alt) {
        (found[alt.q] || []).forEach(function (r) {
          var p = pages[r.id] || (pages[r.id] = { id: r.id, per: {}, hits: {}, rep: r, repScore: -1 });
          var s = r.score * alt.weight;
          if (!(gi in p.per) || s > p.per[gi]) p.per[gi] = s;
          (p.hits[gi] = p.hits[gi] || []).push(r);
          if (s > p.repScore) { p.rep = r; p.repScore = s; }
        });
      });
    });
    var list = Object.keys(pages).map(function (id) {
      var p = pages[id], n = 0, total = 0;
      Object.keys(p.per).forEach(function (k) { n++; total += p.per[k]; });
      p.matched = n;
      p.score = total;
      return p;
    });
    list.sort(function (a, b) { return b.matched - a.matched || b.score - a.score; });
    var full = list.filter(function (p) { return p.matched === groups.length; });
    return { pages: full.length ? full : list, partial: !full.length && list.length > 0 };
  }

  /** A shard's vocabulary: gzip, unpacked here, or JSON when the server sent it unpacked
      (Content-Encoding). Without DecompressionStream, none: the search works without it. */
  function unpack(buffer) {
    var head = new Uint8Array(buffer, 0, Math.min(2, buffer.byteLength));
    var json = head[0] === 0x1f && head[1] === 0x8b
      ? (typeof DecompressionStream === "function"
        ? new Response(new Blob([buffer]).stream().pipeThrough(new DecompressionStream("gzip"))).text()
        : Promise.resolve("null"))
      : Promise.resolve(new TextDecoder().decode(buffer));
    return json.then(function (text) { return JSON.parse(text); });
  }

  // --- the page -------------------------------------------------------------------------------

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }

  /** An excerpt from Pagefind: its text with only <mark> kept. */
  function excerpt(html) {
    var p = el("p", "pagefind-ui__result-excerpt");
    var parts = String(html || "").split(/(<mark>|<\/mark>)/);
    var inMark = false;
    parts.forEach(function (part) {
      if (part === "<mark>") { inMark = true; return; }
      if (part === "</mark>") { inMark = false; return; }
      var t = document.createElement("textarea");
      t.innerHTML = part.replace(/<[^>]*>/g, "");
      var text = document.createTextNode(t.value);
      if (inMark) { var m = el("mark"); m.appendChild(text); p.appendChild(m); } else p.appendChild(text);
    });
    return p;
  }

  function Search(box, bundle, siteRoot, shards) {
    this.box = box;
    this.bundle = bundle;
    this.siteRoot = siteRoot;
    this.shards = shards;
    this.lang = (document.documentElement.getAttribute("lang") || "fi").slice(0, 2);
    try {
      this.labels = JSON.parse(box.getAttribute("data-labels") || "{}") || {};
    } catch (e) {
      this.labels = {};
    }
    this.directory = box.getAttribute("data-directory") || "";
    this.selected = {};
    this.serial = 0;
    this.build();
  }

  Search.prototype.build = function () {
    var self = this, L = this.labels;
    var root = el("div", "pagefind-ui hb-find");
    var form = el("form", "pagefind-ui__form");
    form.setAttribute("action", "javascript:void(0);");
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    var input = this.input = el("input", "pagefind-ui__search-input");
    input.type = "text";
    input.placeholder = L.search_placeholder || this.box.getAttribute("data-placeholder") || "";
    input.setAttribute("aria-label", input.placeholder);
    input.setAttribute("autocomplete", "off");
    input.setAttribute("autocapitalize", "none");
    input.setAttribute("enterkeyhint", "search");
    input.setAttribute("aria-controls", "hb-search-results");
    var clear = this.clear = el("button", "pagefind-ui__search-clear pagefind-ui__suppressed", L.search_clear || "×");
    clear.type = "button";
    var drawer = this.drawer = el("div", "pagefind-ui__drawer pagefind-ui__hidden");
    this.filterPanel = el("div", "pagefind-ui__filter-panel");
    var area = el("div", "pagefind-ui__results-area");
    area.id = "hb-search-results";
    this.message = el("p", "pagefind-ui__message");
    this.message.setAttribute("role", "status");
    this.note = el("p", "hb-find__note");
    this.note.hidden = true;
    this.also = el("p", "hb-find__also");
    this.also.hidden = true;
    this.list = el("ol", "pagefind-ui__results");
    this.more = el("button", "pagefind-ui__button", L.search_more || "…");
    this.more.type = "button";
    this.more.hidden = true;
    area.appendChild(this.message);
    area.appendChild(this.note);
    area.appendChild(this.also);
    area.appendChild(this.list);
    area.appendChild(this.more);
    drawer.appendChild(this.filterPanel);
    drawer.appendChild(area);
    form.appendChild(input);
    form.appendChild(clear);
    form.appendChild(drawer);
    root.appendChild(form);
    this.box.appendChild(root);

    var timer = null;
    input.addEventListener("focus", function () { self.load(); });
    input.addEventListener("input", function () {
      clear.classList.toggle("pagefind-ui__suppressed", !input.value);
      if (timer) clearTimeout(timer);
      timer = setTimeout(function () { self.run(); }, 60);
      self.preload();
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { input.value = ""; self.run(); input.blur(); }
      if (ev.key === "Enter") ev.preventDefault();
    });
    clear.addEventListener("click", function () { input.value = ""; clear.classList.add("pagefind-ui__suppressed"); self.run(); input.focus(); });
    this.more.addEventListener("click", function () { self.show(self.shown + PAGE); });
  };

  /** Pagefind and the vocabularies of every shard, fetched once, when the box is first used. */
  Search.prototype.load = function () {
    var self = this;
    if (this.ready) return this.ready;
    var bundles = [this.bundle].concat(this.shards.map(function (s) { return self.bundle + s; }));
    var engine = import(this.bundle + "pagefind.js").then(function (pf) {
      return pf.options({ baseUrl: self.siteRoot, excerptLength: EXCERPT_WORDS }).then(function () {
        return Promise.all(self.shards.map(function (s) { return pf.mergeIndex(self.bundle + s, { baseUrl: self.siteRoot }); }));
      }).then(function () { return pf; });
    });
    var vocab = Promise.all(bundles.map(function (b) {
      return fetch(b + "vocabulary." + self.lang + ".json.gz")
        .then(function (r) { return r.ok ? r.arrayBuffer().then(unpack) : null; })
        .catch(function () { return null; });
    })).then(function (entries) { return new Vocabulary(entries.filter(Boolean)); });
    this.ready = Promise.all([engine, vocab]).then(function (both) {
      self.pf = both[0];
      self.vocab = both[1];
      // The filters (one chunk per shard) are drawn when they come: a search does not wait for them.
      self.pf.filters().then(function (f) { self.renderFilters(f || {}); }).catch(function () {});
      // Each shard's engine starts at its first search; a word of the handbook starts them all now.
      var words = self.vocab.sorted;
      if (words.length) self.pf.preload(words[words.length >> 1]).catch(function () {});
    });
    return this.ready;
  };

  /** While the words are typed, the index chunks their searches need are fetched (Pagefind's preload),
      so that after the last key only the searching is left. */
  Search.prototype.preload = function () {
    var self = this;
    this.load().then(function () {
      var query = self.input.value.trim();
      if (!query) return;
      self.preloaded = self.preloaded || {};
      plan(query, self.lang, self.vocab).forEach(function (g) {
        g.alts.forEach(function (a) {
          // A word of one or two letters spans many index chunks: not worth fetching ahead.
          if (self.preloaded[a.q] || a.q.length < 3) return;
          self.preloaded[a.q] = true;
          self.pf.preload(a.q).catch(function () {});
        });
      });
    });
  };

  Search.prototype.filterOptions = function () {
    var out = {};
    var self = this;
    Object.keys(this.selected).forEach(function (k) {
      if (self.selected[k]) {
        var i = k.indexOf(":");
        var name = k.slice(0, i), value = k.slice(i + 1);
        (out[name] = out[name] || []).push(value);
      }
    });
    return out;
  };

  Search.prototype.renderFilters = function (filters) {
    var self = this, panel = this.filterPanel, n = 0;
    panel.textContent = "";
    var names = Object.keys(filters);
    if (!names.length) return;
    panel.appendChild(el("div", "pagefind-ui__filter-panel-label", this.labels.search_filters || ""));
    names.forEach(function (name) {
      var block = el("details", "pagefind-ui__filter-block");
      block.appendChild(el("summary", "pagefind-ui__filter-name", name));
      var group = el("fieldset", "pagefind-ui__filter-group");
      group.appendChild(el("legend", "pagefind-ui__filter-group-label", name));
      Object.keys(filters[name]).sort().forEach(function (value) {
        var key = name + ":" + value, id = "hb-filter-" + (n++);
        var row = el("div", "pagefind-ui__filter-value");
        var box = el("input", "pagefind-ui__filter-checkbox");
        box.type = "checkbox";
        box.id = id;
        box.checked = !!self.selected[key];
        box.addEventListener("change", function () { self.selected[key] = box.checked; self.run(); });
        var label = el("label", "pagefind-ui__filter-label", value + " (" + filters[name][value] + ")");
        label.setAttribute("for", id);
        row.appendChild(box);
        row.appendChild(label);
        group.appendChild(row);
      });
      block.appendChild(group);
      panel.appendChild(block);
    });
  };

  /** One search at a time: the keys typed while one runs are searched when it ends, as one query (the
      text then). Pagefind works through searches one by one, so starting one per key would queue them. */
  Search.prototype.run = function () {
    var self = this;
    if (!this.input.value.trim()) return this.search();
    if (this.busy) {
      this.again = true;
      return this.busy;
    }
    function done() {
      self.busy = null;
      if (self.again) {
        self.again = false;
        return self.run();
      }
    }
    this.busy = this.search().then(done, done);
    return this.busy;
  };

  Search.prototype.search = function () {
    var self = this, query = this.input.value.trim(), serial = ++this.serial;
    if (!query) {
      this.token = (this.token || 0) + 1; // a drawing still under way stops
      this.drawn = null;
      this.drawer.classList.add("pagefind-ui__hidden");
      this.list.textContent = "";
      this.box.removeAttribute("data-hb-done");
      return Promise.resolve();
    }
    return this.load().then(function () {
      var groups = plan(query, self.lang, self.vocab);
      // Each word as typed first: Pagefind works through the searches in this order.
      var qs = [];
      groups.forEach(function (g) { if (g.alts.length && g.alts[0].weight === WEIGHT.word) qs.push(g.alts[0].q); });
      var typed = qs.slice();
      groups.forEach(function (g) { g.alts.forEach(function (a) { if (qs.indexOf(a.q) < 0) qs.push(a.q); }); });
      var options = { filters: self.filterOptions() };
      var found = {}, done = false;
      function current() { return serial === self.serial && self.input.value.trim() === query; } // else the text changed
      var searches = qs.map(function (q) {
        return self.pf.search(q, options).then(function (s) { return s ? s.results : []; }, function () { return []; })
          .then(function (results) { found[q] = results; });
      });
      // The pages that have every word as typed are drawn as soon as those searches are done; when the
      // base forms, compound parts and corrections are in too, the list is drawn again if it changed.
      if (typed.length === groups.length && typed.length < qs.length) {
        Promise.all(searches.slice(0, typed.length)).then(function () {
          if (done || !current()) return;
          var early = rank(groups.map(function (g) { return { word: g.word, alts: [g.alts[0]] }; }), found);
          if (early.pages.length && !early.partial) self.draw(query, groups, early, false);
        });
      }
      return Promise.all(searches).then(function () {
        done = true;
        if (!current()) return;
        var ranked = rank(groups, found);
        if (self.drawn && self.drawn.query === query && sameTop(self.drawn.ranked, ranked)) {
          self.ranked = ranked; // the same first results: only the count and the notes are new
          self.drawNotes(groups, ranked);
          self.finalFor = self.token;
          if (self.settled === self.token) {
            self.more.hidden = self.shown >= ranked.pages.length;
            self.count(true);
          }
          return;
        }
        return self.draw(query, groups, ranked, true);
      });
    });
  };

  function sameTop(a, b) {
    if (a.partial !== b.partial) return false;
    for (var i = 0; i < PAGE; i++) {
      var x = a.pages[i], y = b.pages[i];
      if ((x && x.id) !== (y && y.id)) return false;
    }
    return true;
  }

  /** A ranked list in the box: its notes, and its first results (show). */
  Search.prototype.draw = function (query, groups, ranked, final) {
    this.token = (this.token || 0) + 1;
    this.drawn = { query: query, ranked: ranked };
    this.query = query;
    this.groups = groups;
    this.ranked = ranked;
    this.items = [];
    this.shown = 0;
    this.drawer.classList.remove("pagefind-ui__hidden");
    this.box.removeAttribute("data-hb-done");
    this.drawNotes(groups, ranked);
    return this.show(PAGE, this.token, final);
  };

  Search.prototype.drawNotes = function (groups, ranked) {
    var guessed = [];
    groups.forEach(function (g) { g.alts.forEach(function (a) { if (a.shown) guessed.push(a.q); }); });
    this.also.hidden = !guessed.length || !ranked.pages.length;
    this.also.textContent = fill(this.labels.search_also, { words: guessed.join(", ") });
    this.note.hidden = !ranked.partial;
    this.note.textContent = this.labels.search_partial || "";
  };

  /** "N tulosta": and when `final`, the mark the tests wait for (data-hb-done). */
  Search.prototype.count = function (final) {
    var n = this.ranked.pages.length, L = this.labels;
    this.message.textContent = n === 0 ? fill(L.search_none, { q: this.query })
      : fill(n === 1 ? L.search_results_one : L.search_results, { n: n, q: this.query });
    if (final) this.box.setAttribute("data-hb-done", this.query);
  };

  /** The results up to `upto` pages, their data loaded; a page of the directory becomes its entries. */
  Search.prototype.show = function (upto, token, final) {
    var self = this, pages = this.ranked.pages, from = this.shown;
    token = token || this.token;
    if (final === undefined) final = true;
    var batch = pages.slice(from, upto);
    // Each result is shown as soon as it and those above it have their data: the first comes first.
    // The results of the last query stay until the first of the new ones is ready.
    var rows = new Array(batch.length), next = 0;
    function flush() {
      if (token !== self.token) return;
      if (from === 0 && next === 0 && rows[0]) self.list.textContent = "";
      for (; next < batch.length && rows[next]; next++) {
        rows[next].forEach(function (li) { self.list.appendChild(li); });
      }
    }
    return Promise.all(batch.map(function (p, i) {
      return self.pageData(p).then(function (row) { rows[i] = row; flush(); });
    })).then(function () {
      if (token !== self.token) return;
      if (from === 0 && !batch.length) self.list.textContent = "";
      self.shown = from + batch.length;
      self.more.hidden = self.shown >= self.ranked.pages.length;
      self.settled = token;
      self.count(final || self.finalFor === token);
    });
  };

  Search.prototype.pageData = function (p) {
    var self = this;
    return p.rep.data().then(function (data) {
      if (self.directory && data.url.indexOf(self.directory) >= 0) {
        return self.contactItems(p, data).then(function (items) { return items.length ? items : [self.pageItem(data)]; });
      }
      return [self.pageItem(data)];
    }, function () { return []; });
  };

  /** The page's excerpt, unless it is of the hidden base forms and compound parts at its end (the
      section #hb-words, generator/render/pages/writer.py): then the page's first words. */
  function pageExcerpt(data) {
    var words = (data.anchors || []).filter(function (a) { return a.id === WORDS_ID; })[0];
    var at = (data.locations || []).filter(function (n) { return !words || n < words.location; });
    if (!words || at.length) return data.excerpt;
    var text = String(data.content || "").split(/\s+/).slice(0, Math.min(words.location, EXCERPT_WORDS)).join(" ");
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") + (words.location > EXCERPT_WORDS ? " …" : "");
  }

  Search.prototype.pageItem = function (data) {
    var li = el("li", "pagefind-ui__result");
    var inner = el("div", "pagefind-ui__result-inner");
    var title = el("p", "pagefind-ui__result-title");
    var a = el("a", "pagefind-ui__result-link", (data.meta && data.meta.title) || data.url);
    a.href = data.url;
    title.appendChild(a);
    inner.appendChild(title);
    inner.appendChild(excerpt(pageExcerpt(data)));
    var subs = (data.sub_results || []).filter(function (s) {
      return s.url !== data.url && s.title !== (data.meta && data.meta.title) && !(s.anchor && s.anchor.id === WORDS_ID);
    });
    subs.slice(0, 3).forEach(function (s) {
      var nested = el("div", "pagefind-ui__result-nested");
      var t = el("p", "pagefind-ui__result-title");
      var sa = el("a", "pagefind-ui__result-link", s.title);
      sa.href = s.url;
      t.appendChild(sa);
      nested.appendChild(t);
      nested.appendChild(excerpt(s.excerpt));
      inner.appendChild(nested);
    });
    li.appendChild(inner);
    return li;
  };

  /** The directory's entries that have the most of the words: each its own result, with the situation
      (the heading above it), its audience and its number. */
  Search.prototype.contactItems = function (p, data) {
    var self = this;
    var reps = [];
    Object.keys(p.hits).forEach(function (gi) { p.hits[gi].forEach(function (r) { reps.push([gi, r]); }); });
    return Promise.all(reps.map(function (pair) {
      return pair[1].data().then(function (d) { return [pair[0], d]; }, function () { return [pair[0], null]; });
    })).then(function (datas) {
      var entries = {};
      datas.forEach(function (pair) {
        var d = pair[1];
        if (!d) return;
        (d.sub_results || []).forEach(function (s) {
          if (!s.anchor || !/^contact-/.test(s.anchor.id || "")) return;
          var e = entries[s.anchor.id] || (entries[s.anchor.id] = { sub: s, groups: {}, weight: 0 });
          e.groups[pair[0]] = true;
          e.weight += (s.weighted_locations || []).reduce(function (sum, w) { return sum + (w.balanced_score || w.weight || 1); }, 0);
        });
      });
      var list = Object.keys(entries).map(function (k) {
        var e = entries[k];
        e.n = Object.keys(e.groups).length;
        return e;
      });
      list.sort(function (a, b) { return b.n - a.n || b.weight - a.weight; });
      return list.slice(0, 3).map(function (e) { return self.contactItem(e.sub, data); });
    });
  };

  Search.prototype.contactItem = function (sub, data) {
    var L = this.labels;
    var anchors = (data.anchors || []).slice().sort(function (a, b) { return a.location - b.location; });
    var at = sub.anchor.location, situation = "", next = Infinity;
    // The situation is the nearest situation heading above the entry (#situation-…: under an
    // organization's heading, and above the audience's, where the directory has them).
    anchors.forEach(function (a) {
      if (a.location <= at && String(a.id || "").indexOf("situation-") === 0) situation = a.text;
      if (a.location > at && a.location < next) next = a.location;
    });
    var words = String(data.content || "").split(/\s+/);
    var section = words.slice(at, next === Infinity ? undefined : next).join(" ");
    var phone = "";
    var i = L.phone ? section.indexOf(L.phone + ":") : -1;
    if (i >= 0) {
      // Digits, or the X of an example number that is not a real one ("0XX XXX XXXX").
      var m = /^[:\s]*([+(]?[\dX][\dX\s()\-]{3,}[\dX])/.exec(section.slice(i + L.phone.length));
      if (m) phone = m[1].trim();
    }
    var li = el("li", "pagefind-ui__result hb-find__contact");
    var inner = el("div", "pagefind-ui__result-inner");
    var title = el("p", "pagefind-ui__result-title");
    var a = el("a", "pagefind-ui__result-link", sub.title);
    a.href = sub.url;
    title.appendChild(a);
    inner.appendChild(title);
    if (situation) inner.appendChild(el("p", "hb-find__situation", (L.situation ? L.situation + ": " : "") + situation));
    var facts = el("p", "hb-find__facts");
    if (phone) facts.appendChild(el("span", "hb-find__phone", (L.phone ? L.phone + ": " : "") + phone));
    if (L.authorities_only && section.indexOf(L.authorities_only) >= 0) facts.appendChild(el("span", "hb-authority", L.authorities_only));
    if (L.example_title && section.indexOf(L.example_title) >= 0) facts.appendChild(el("span", "hb-find__example", L.example_title));
    if (facts.childNodes.length) inner.appendChild(facts);
    inner.appendChild(excerpt(sub.excerpt));
    var from = el("p", "hb-find__from", (data.meta && data.meta.title) || L.directory || "");
    inner.appendChild(from);
    li.appendChild(inner);
    return li;
  };

  function mount() {
    var box = document.getElementById("hb-search");
    if (!box) return;
    // The bundle path is relative to this page; result addresses are relative to the site root.
    var bundle = new URL(box.getAttribute("data-bundle"), document.baseURI).pathname;
    var siteRoot = bundle.replace(/pagefind\/?$/, "");
    fetch(bundle + "shards.json")
      .then(function (response) { return response.ok ? response.json() : { shards: [] }; })
      .catch(function () { return { shards: [] }; })
      .then(function (manifest) {
        var shards = (manifest && Array.isArray(manifest.shards)) ? manifest.shards : [];
        var search = window.HandbookSearch.box = new Search(box, bundle, siteRoot, shards);
        // The engine and the vocabularies are fetched once the page is idle (as the theme's own search
        // fetches its index), so that a first query does not wait for them; a focus before that loads them.
        // In the preview (data-load="focus") only a focus does: the page is there to show the next save.
        if (box.getAttribute("data-load") === "focus") return;
        var idle = window.requestIdleCallback || function (fn) { return setTimeout(fn, 200); };
        idle(function () { search.load(); }, { timeout: 2000 });
      });
  }

  window.HandbookSearch = { mount: mount, plan: plan, splitCompound: splitCompound, oneEdit: oneEdit, Vocabulary: Vocabulary };
})();
