"""The preview banner (overrides/assets/handbook/preview.js) without a browser: Node runs the
script against a small stand-in for the page and the status that `handbook serve` sends.

It shows how many errors there are and every one of them, says whether this preview has had
a good build yet, can be closed, stays closed for the same errors and opens for new ones.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "overrides" / "assets" / "handbook" / "preview.js"

HARNESS = r"""
const fs = require("fs");
function Element(tag) {
  this.tagName = tag; this.children = []; this.parent = null; this.attrs = {}; this.listeners = {};
  this.className = ""; this._text = "";
}
Element.prototype.appendChild = function (c) { c.parent = this; this.children.push(c); return c; };
Element.prototype.remove = function () {
  if (this.parent) { this.parent.children = this.parent.children.filter((c) => c !== this); this.parent = null; }
};
Element.prototype.setAttribute = function (k, v) { this.attrs[k] = String(v); };
Element.prototype.getAttribute = function (k) { return this.attrs[k]; };
Element.prototype.addEventListener = function (k, f) { this.listeners[k] = f; };
Element.prototype.contains = function (e) { for (; e; e = e.parent) if (e === this) return true; return false; };
Object.defineProperty(Element.prototype, "textContent", {
  get() { return this._text + this.children.map((c) => c.textContent).join(" "); },
  set(v) { this._text = String(v); this.children = []; },
});
function all(e, f, out = []) { if (f(e)) out.push(e); e.children.forEach((c) => all(c, f, out)); return out; }
const body = new Element("body");
const bundle = new Element("div"); bundle.setAttribute("data-bundle", "assets/x.js");
const docListeners = {};
global.document = {
  body, baseURI: "http://127.0.0.1:8000/prosessit/perus/", activeElement: null,
  createElement: (t) => new Element(t),
  querySelector: () => bundle,
  addEventListener: (k, f) => { docListeners[k] = f; },
};
let reloads = 0;
global.location = { reload: () => { reloads += 1; } };
const statuses = JSON.parse(process.argv[2]);
let polls = [];
let fetched = 0;
global.fetch = () => {
  const status = statuses[Math.min(fetched++, statuses.length - 1)];
  return Promise.resolve({ json: () => Promise.resolve(status) });
};
global.setTimeout = (f) => { polls.push(f); };
const steps = JSON.parse(process.argv[3]);
eval(fs.readFileSync(process.argv[1], "utf8"));
const seen = [];
function snapshot() {
  const banner = all(body, (e) => e.className === "hb-preview-errors")[0];
  if (!banner) return null;
  return {
    title: all(banner, (e) => e.tagName === "strong")[0].textContent,
    state: all(banner, (e) => e.tagName === "p")[0].textContent,
    items: all(banner, (e) => e.tagName === "li").map((e) => e.textContent),
    role: banner.attrs.role,
    scrolls: all(banner, (e) => e.tagName === "ol")[0].tabIndex === 0,
  };
}
(async () => {
  for (let i = 0; i < statuses.length; i++) {
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    seen.push(snapshot());
    const step = steps[i] || "";
    if (step === "close") {
      const button = all(body, (e) => e.tagName === "button")[0];
      button.listeners.click();
    } else if (step === "escape") {
      document.activeElement = all(body, (e) => e.tagName === "ol")[0];
      docListeners.keydown({ key: "Escape" });
    }
    seen[seen.length - 1] = { shown: seen[seen.length - 1], after: snapshot() };
    const next = polls.shift();
    if (next) next();
  }
  console.log(JSON.stringify({ seen, reloads }));
})();
"""


def run(statuses: list[dict], steps: list[str]) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed (make installs it)")
    out = subprocess.run(
        [node, "-e", HARNESS, str(SCRIPT), json.dumps(statuses), json.dumps(steps)],
        capture_output=True, text=True, timeout=30, check=True,
    )
    return json.loads(out.stdout)


def errors(n: int, prefix: str = "e") -> list[str]:
    return [f"processes/perus.yaml:{i}:1: error [known-step] {prefix}{i}" for i in range(1, n + 1)]


def test_the_banner_shows_the_count_and_every_error() -> None:
    got = run([{"generation": 1, "errors": errors(31)}], [])
    banner = got["seen"][0]["shown"]
    assert "31 virhettä" in banner["title"]
    assert banner["items"] == errors(31), "every error, not the first 20"
    assert banner["scrolls"] and banner["role"] == "alert"
    assert "viimeisimmän toimivan version" in banner["state"]


def test_the_banner_says_when_there_is_no_good_build_yet() -> None:
    got = run([{"generation": 0, "built": False, "errors": errors(1)}], [])
    banner = got["seen"][0]["shown"]
    assert "1 virhe" in banner["title"] and "ei ole vielä yhtään onnistunutta rakennusta" in banner["state"]


def test_a_good_build_that_changed_nothing_counts_as_good() -> None:
    """An incremental build with nothing to change publishes nothing (generation stays 0), yet the pages are good."""
    got = run([{"generation": 0, "built": True, "errors": errors(1)}], [])
    assert "viimeisimmän toimivan version" in got["seen"][0]["shown"]["state"]


def test_a_closed_banner_stays_closed_until_the_errors_change() -> None:
    same, other = {"generation": 1, "errors": errors(3)}, {"generation": 1, "errors": errors(2, "f")}
    got = run([same, same, other, other, {"generation": 1, "errors": []}, other], ["close", "", "escape", "", "", ""])
    first, again, new, after_escape, fixed, broken_again = got["seen"]
    assert first["shown"] is not None and first["after"] is None, "the close button closes it"
    assert again["shown"] is None, "the same errors stay closed"
    assert new["shown"]["items"] == errors(2, "f"), "new errors open it again"
    assert new["after"] is None and after_escape["shown"] is None, "Escape in the banner closes it"
    assert fixed["shown"] is None
    assert broken_again["shown"] is not None, "after a good save, the same errors are news again"
    assert got["reloads"] == 0


def test_the_status_says_whether_this_preview_had_a_good_build() -> None:
    from generator.serve import PreviewStatus

    status = PreviewStatus()
    assert json.loads(status.as_json())["built"] is False
    status.update(False, ["processes/perus.yaml:1:1: error [yaml-syntax] …"])
    assert json.loads(status.as_json())["built"] is False
    status.update(True, [], published=False)  # nothing to change: the pages are good as they are
    data = json.loads(status.as_json())
    assert data["built"] is True and data["generation"] == 0
