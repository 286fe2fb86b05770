"""What changed between two versions of a process, structurally, step by step.

`differences(old, new)` compares the parts staff act on: steps added, removed, renamed or moved
to another role; a decision's branches; a promise's or a wait's duration; the contacts of a
step; the owner; the service area. Steps are matched by id (an id is the step's identity: a
step renamed keeps it). Each difference names its kind and the values a sentence needs; the
pages put them into words in each language (render/pages/differences.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import DecisionStep, Process, StepBase, WaitStep
from .render.text import without_invisible
from .timing import parse_duration


@dataclass(frozen=True)
class Difference:
    kind: str
    """step_added, step_removed, step_renamed, step_role, branch_added, branch_removed, branch_target,
    promise_added, promise_removed, promise_shorter, promise_longer, promise_changed, wait_shorter,
    wait_longer, wait_changed, contact_added, contact_removed, owner, area."""
    values: tuple[tuple[str, Any], ...]
    """(name, value) for the sentence: texts (`LocalText` or str), durations (str, as written) and ids."""

    def get(self, name: str) -> Any:
        return dict(self.values).get(name)

    def key(self) -> str:
        """A stable text of the difference (for digests)."""
        return repr((self.kind, [(k, _plain(v)) for k, v in self.values]))


def _plain(value: Any) -> Any:
    return value.model_dump() if hasattr(value, "model_dump") else value


def _same_text(a: Any, b: Any) -> bool:
    return _plain(a) == _plain(b)


def _d(kind: str, **values: Any) -> Difference:
    return Difference(kind, tuple(values.items()))


@dataclass(frozen=True)
class VersionChange:
    """From one version to the next: their `version`s and the differences between them."""

    old: str
    new: str
    valid_from: str
    """The newer version's `valid_from`."""
    differences: list[Difference]

    def key(self) -> str:
        return repr((self.old, self.new, self.valid_from, [d.key() for d in self.differences]))


def changes_between(versions: list[Process]) -> list[VersionChange]:
    """Consecutive versions (newest first) as changes, newest first."""
    return [
        VersionChange(str(old.version), str(new.version), new.valid_from, differences(old, new))
        for new, old in zip(versions, versions[1:], strict=False)
    ]


def differences(old: Process, new: Process) -> list[Difference]:
    """The structural differences from `old` to `new`, in the order of `new`'s steps (removed steps first)."""
    out: list[Difference] = []
    old_steps = {s.id: s for s in old.steps}
    new_steps = {s.id: s for s in new.steps}
    for s in old.steps:
        if s.id not in new_steps:
            out.append(_d("step_removed", name=s.name))
    for s in new.steps:
        before = old_steps.get(s.id)
        if before is None:
            out.append(_d("step_added", name=s.name))
            continue
        out.extend(_step_differences(before, s, old_steps, new_steps))
    out.extend(_promise_differences(old, new))
    if not _same_text(old.owner, new.owner):
        out.append(_d("owner", old=old.owner, new=new.owner))
    if old.area != new.area:
        out.append(_d("area", old=old.area, new=new.area))
    return out


def _step_differences(
    before: StepBase, s: StepBase, old_steps: dict[str, StepBase], new_steps: dict[str, StepBase]
) -> list[Difference]:
    out: list[Difference] = []
    if not _same_text(before.name, s.name):
        out.append(_d("step_renamed", old=before.name, new=s.name))
    old_role, new_role = getattr(before, "role", None), getattr(s, "role", None)
    if old_role and new_role and old_role != new_role:
        out.append(_d("step_role", name=s.name, old=old_role, new=new_role))
    if isinstance(before, DecisionStep) and isinstance(s, DecisionStep):
        old_branches = {_label(b.when): b for b in before.branches}
        new_branches = {_label(b.when): b for b in s.branches}
        for when, b in old_branches.items():
            if when not in new_branches:
                out.append(_d("branch_removed", name=s.name, when=b.when))
        for when, b in new_branches.items():
            was = old_branches.get(when)
            if was is None:
                out.append(_d("branch_added", name=s.name, when=b.when))
            elif was.to != b.to:
                target = new_steps.get(b.to) or old_steps.get(b.to)
                out.append(_d("branch_target", name=s.name, when=b.when, to=target.name if target else b.to))
    if isinstance(before, WaitStep) and isinstance(s, WaitStep):
        change = _duration_change(before.within, s.within)
        if change:
            out.append(_d(f"wait_{change}", name=s.name, old=before.within, new=s.within))
    for c in s.contacts:
        if c not in before.contacts:
            out.append(_d("contact_added", name=s.name, contact=c))
    for c in before.contacts:
        if c not in s.contacts:
            out.append(_d("contact_removed", name=s.name, contact=c))
    return out


def _promise_differences(old: Process, new: Process) -> list[Difference]:
    out: list[Difference] = []

    def key(pr: Any) -> tuple[str, str]:
        return (pr.id or "", "") if pr.id else (pr.from_, pr.to)

    def end(p: Process, pr: Any) -> Any:
        step = p.step(pr.to)
        return step.name if step is not None else pr.to

    before = {key(pr): pr for pr in old.promises}
    after = {key(pr): pr for pr in new.promises}
    for k, pr in before.items():
        if k not in after:
            out.append(_d("promise_removed", within=pr.within, to=end(old, pr)))
    for k, pr in after.items():
        was = before.get(k)
        if was is None:
            out.append(_d("promise_added", within=pr.within, to=end(new, pr)))
            continue
        change = _duration_change(was.within, pr.within)
        if change:
            out.append(_d(f"promise_{change}", old=was.within, new=pr.within, to=end(new, pr)))
    return out


def _duration_change(old: str, new: str) -> str | None:
    """'shorter', 'longer' or 'changed' (another unit of the same length, or text that is no duration)."""
    if old.strip() == new.strip():
        return None
    a, b = parse_duration(old), parse_duration(new)
    if a is None or b is None:
        return "changed"
    if a == b:
        return None
    if a.approx_days() == b.approx_days():
        return "changed"
    return "shorter" if b.approx_days() < a.approx_days() else "longer"


def _label(text: Any) -> str:
    """A branch label as a key: its Finnish text, without invisible characters or case."""
    fi = getattr(text, "fi", text)
    return without_invisible(str(fi or "")).strip().casefold()
