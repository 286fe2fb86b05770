"""What measurement finds: per promise and month the counts, per process the conformance; aggregates only.

Nothing here holds a case id or a timestamp. The counts are kept whole (in the build's work folder,
never published); every output (`handbook measure`, the pages) suppresses a cell from fewer than
`SMALL` cases as THL's statistics do. The cell is a promise's month (or a process's conformance):
with fewer than five cases its count reads "< 5" and nothing else of it is shown (no attained,
percentage, time or open count, which would tell about those few clients); a deviation followed by
fewer than five cases is not named.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

SMALL = 5
"""No figure from fewer than this many cases is shown."""
SUPPRESSED = "< 5"


def shown(n: int) -> int | str:
    """A count of cases as it may be published: 0 and 5 or more as they are, 1–4 as "< 5"."""
    return SUPPRESSED if 0 < n < SMALL else n


@dataclass(frozen=True)
class Month:
    month: str
    """YYYY-MM: the month of the cases' first `from` event (Finnish time)."""
    cases: int
    attained: int
    median: float | None
    p90: float | None
    open_within: int
    open_overdue: int

    @property
    def publishable(self) -> bool:
        """Whether a percentage and times may be shown: the month has at least SMALL cases."""
        return self.cases >= SMALL

    @property
    def attained_pct(self) -> float | None:
        return round(100 * self.attained / self.cases, 1) if self.publishable else None


@dataclass
class Series:
    """One promise of one process, month by month."""

    process: str
    promise: str
    """The promise's `id`, or `<from>-<to>`."""
    index: int
    """Its place in the process's `promises`."""
    unit: str
    """The unit of `median` and `p90`: the promise's (timing.Unit); same-day and next-working-day in working days."""
    target_op: str | None = None
    target_value: float | None = None
    months: list[Month] = field(default_factory=list)

    def met(self, m: Month) -> bool | None:
        """Whether a month's attainment reaches the target (None without a target, or a suppressed month)."""
        pct = m.attained_pct
        if self.target_op is None or self.target_value is None or pct is None:
            return None
        from ..practice import Level

        return Level(op=self.target_op, value=self.target_value).met(pct)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Deviation:
    kind: str
    """'start' (a case begins at `b`), 'before' (`a` came before `b`, which the graph puts first) or 'jump'."""
    a: str
    b: str
    cases: int


@dataclass
class Conformance:
    process: str
    cases: int
    conforming: int
    deviations: list[Deviation] = field(default_factory=list)
    """The three most common first deviations."""

    @property
    def pct(self) -> float | None:
        return round(100 * self.conforming / self.cases, 1) if self.cases >= SMALL else None


@dataclass(frozen=True)
class LogFinding:
    """A finding about a log, kept with the aggregates in the cache: the file relative to the project."""

    file: str
    line: int
    column: int
    severity: str
    key: str
    values: tuple[tuple[str, Any], ...] = ()


@dataclass
class Measured:
    series: list[Series] = field(default_factory=list)
    conformance: list[Conformance] = field(default_factory=list)
    findings: list[LogFinding] = field(default_factory=list)
    events: int = 0

    def of_process(self, process_id: str) -> tuple[list[Series], Conformance | None]:
        series = [s for s in self.series if s.process == process_id]
        conf = next((c for c in self.conformance if c.process == process_id), None)
        return series, conf

    def key(self, process_id: str) -> str:
        """What a page shows of a process's measurement, as text for its inputs digest."""
        series, conf = self.of_process(process_id)
        return repr(([asdict(s) for s in series], asdict(conf) if conf else None))

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @staticmethod
    def from_json(text: str) -> Measured:
        data = json.loads(text)
        return Measured(
            series=[Series(**{**s, "months": [Month(**m) for m in s["months"]]}) for s in data["series"]],
            conformance=[
                Conformance(**{**c, "deviations": [Deviation(**d) for d in c["deviations"]]}) for c in data["conformance"]
            ],
            findings=[
                LogFinding(**{**f, "values": tuple((k, v) for k, v in f["values"])}) for f in data["findings"]
            ],
            events=int(data.get("events", 0)),
        )
