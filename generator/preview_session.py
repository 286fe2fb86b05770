"""The resident preview session: what `handbook serve` keeps in memory between saves.

A rebuild of the preview is the real build (`build.run_build`), run inside a session that keeps
what the build would otherwise compute again after every save:

- each file as loaded (`loading.LoadMemo`): a file whose bytes are unchanged is not parsed or
  validated again (it is still read and vetted: a link out of the project, a FIFO or a file too
  large is refused as always);
- the findings of the process rules in each unchanged process (`rules.RuleMemo`), while the
  registries, the history and the date are unchanged, and the per-process part of the handbook rules
  split into `check_each_process` and `check_rest` (translation-missing, text-required, slug-ids,
  unique-ids, known-process, known-organization, unused-role); the rest of each runs again;
- the digest of each model object the pages read (`render.pages.digests.KeptDigests`);
- the diagrams' cache keys of unchanged processes (`render.diagram_cache.kept_diagram_keys`);
- the build state as the last build saved it (`build_state.kept_state`), not read again from its file;
- MkDocs' set-up of each language (`mkdocs_site.KeptLanguage`: configuration, theme, files,
  navigation, template environment): while the configuration (navigation included) and the set of
  documents are unchanged, only the changed pages are rendered, and the preview's site takes those
  files in place (`build.site_patch`) instead of a whole new site;
- the processes of its last good build, to show the pages of the process just saved before the rest
  of the build (`preview_first.FirstLook`, `build.show_first`).

Anything else (a changed navigation or title, a new or removed page, mkdocs.yml or overrides/)
goes the way of every build: `run_build` decides, and the session only makes its steps cheaper.
So the preview is the same as a clean build of the same sources (tests/test_preview_session.py),
a failed check or render leaves the last good preview as it was, and the search index catches up
as before.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .build import BuildConfig, BuildResult, GaveWay, build_lock, run_build
from .build_state import BuildState, kept_state, load_state, tool_versions
from .heap import fewer_collections, set_aside
from .loading import LoadMemo, remembered_loads
from .mkdocs_site import KeptLanguage, config_key, keep_prepared, kept_languages
from .preview_first import FirstLook
from .render.diagram_cache import kept_diagram_keys
from .render.pages.digests import KeptDigests, kept_digests
from .render.pages.tx import compile_templates
from .rules import RuleMemo, remembered_findings


@dataclass
class PreviewSession:
    loads: LoadMemo = field(default_factory=LoadMemo)
    rules: RuleMemo = field(default_factory=RuleMemo)
    languages: dict[str, KeptLanguage] = field(default_factory=dict)
    digests: KeptDigests = field(default_factory=KeptDigests)
    diagram_keys: dict[Any, Any] = field(default_factory=dict)
    state: dict[Path, tuple[tuple[int, ...], BuildState]] = field(default_factory=dict)
    first: FirstLook = field(default_factory=FirstLook)

    def build(
        self, config: BuildConfig, say: Callable[[str], None] = print, search: bool = True,
        shown: Callable[[list[str]], None] | None = None, search_only: bool = False,
        stop: Callable[[], bool] | None = None,
    ) -> BuildResult:
        """`run_build` with what this session kept from its earlier builds. `shown` is told the site paths
        of a first look (the saved process's pages, put into the preview before the rest is built); `search_only`
        and `stop` are a search catch-up's (`run_build`). Should
        the build fail in a way of its own (an exception, not a located error), the session forgets
        everything it kept and the build runs again the usual way, so that what was kept can never stand
        in the way of a preview."""
        try:
            return self._build(config, say, search, shown, search_only=search_only, stop=stop)
        except Exception as exc:  # noqa: BLE001 - the usual build below says what is wrong, if anything
            self.forget()
            _log(config, exc)
            return run_build(config, say=say, search=search, search_only=search_only, stop=stop)

    def forget(self) -> None:
        self.loads, self.rules, self.languages = LoadMemo(), RuleMemo(), {}
        self.digests, self.diagram_keys, self.state = KeptDigests(), {}, {}
        self.first = FirstLook()

    def _build(
        self, config: BuildConfig, say: Callable[[str], None], search: bool,
        shown: Callable[[list[str]], None] | None, look_again: bool = False,
        give_way: Callable[[], Collection[Path]] | None = None, search_only: bool = False,
        stop: Callable[[], bool] | None = None,
    ) -> BuildResult:
        self.first.shown = shown
        try:
            with (
                set_aside(),  # what the session keeps is not scanned by the collector at every save
                remembered_loads(self.loads), remembered_findings(self.rules), kept_languages(self.languages),
                kept_digests(self.digests), kept_diagram_keys(self.diagram_keys), kept_state(self.state),
            ):
                result = run_build(
                    config, say=say, search=search, first=self.first, look_again=look_again, give_way=give_way,
                    search_only=search_only, stop=stop,
                )
        except GaveWay as gave:
            # The processes of the last good build (it looked at the sources that build was made from): the
            # save is compared with them, so that its page is shown first.
            self.first.pending = gave.processes
            self.first.built(True)
            raise
        except BaseException:
            self.first.built(False)
            raise
        finally:
            self.first.shown = None
        self.first.built(result.ok)
        return result

    def warm(
        self, config: BuildConfig, give_way: Callable[[], Collection[Path]] | None = None,
        shown: Callable[[list[str]], None] | None = None,
    ) -> BuildResult | None:
        """Load what the first save would otherwise load, so that it costs what later saves cost:
        - MkDocs' set-up of each language the last build did not leave here (a full build runs the
          languages in processes of their own), the first language first;
        - when the preview started on sources its last build was made from ("nothing changed": no file
          was loaded), a build that looks at them again (the sources, the check's findings, the pages'
          digests, the diagrams' keys; nothing unchanged is written);
        - the pages' templates.
        `give_way` gives the source files saved since the warm-up began: it then stops at its next step,
        keeping what it loaded, and the caller builds the save at once (where the look-again build had loaded
        a saved file already, it goes on and builds the save itself: `run_build`). What a save's build needs
        to show the saved process's page first (the first language's set-up, the sources and their findings,
        the processes they hold) comes first.
        The result of the build that looked again (None where none ran, it gave way, or it failed in a way
        of its own). A save made while it ran, before it read the file, is in it: that build shows the saved
        process's page first (`shown` is told, as by `build`: the session compares it with what the build
        state records of the last build), then publishes the rest, or it finds the errors, and the caller
        tells the open pages as after any rebuild."""
        def stop() -> bool:
            return give_way is not None and bool(give_way())

        self._prepare_languages(config, config.langs[:1])
        looked: BuildResult | None = None
        if not self.loads.old:
            try:
                looked = self._build(
                    config, say=lambda _line: None, search=False, shown=shown, look_again=True, give_way=give_way,
                )
            except GaveWay:
                return None
            except Exception as exc:  # noqa: BLE001 - a head start only: the first save builds as usual
                self.forget()
                _log(config, exc)
        # A save the look-again build published is built: only another one stops what is left.
        built = looked is not None and looked.published
        for lang in config.langs:  # the first one again only where a failed look forgot it
            if not built and stop():
                return looked
            self._prepare_languages(config, (lang,))
        if built or not stop():
            compile_templates()  # the pages' own templates: a look that changed nothing rendered none
        return looked

    def _prepare_languages(self, config: BuildConfig, langs: tuple[str, ...]) -> None:
        """MkDocs' set-up of each of `langs` not kept yet, where its folder is as the build state says."""
        with build_lock(config), kept_state(self.state), kept_languages(self.languages), fewer_collections():
            state = load_state(config.state_file, scope=config.organization or "")  # read or written, kept
            versions = tool_versions()
            for lang in langs:
                cfg = config.mkdocs_config(lang)
                key = config_key(cfg, [config.theme_config, config.overrides_dir], versions)
                keep_prepared(cfg, config.docs_dir(lang), config.language_dir(lang), state.languages.get(lang), key)


def _log(config: BuildConfig, exc: Exception) -> None:
    """Why the session's build failed, for the developers (build/preview-session-error.log)."""
    import contextlib
    import traceback

    with contextlib.suppress(OSError):
        log = config.work / "preview-session-error.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
