"""A seeded synthetic event log with known attainment, for `handbook measure` (bench/measure.py, the tests).

`write_log(folder, events, seed)` writes `folder/puhelut.csv` and `folder/puhelut.yaml` for the bundled
process `mtp-asiakkaaksi-puhelimitse` (promise `palvelu-kolmessa-arkipaivassa`: from `asiakas-soittaa`
to `palvelu-alkaa` within 3 working days) and returns what a correct count must find, month by month.
Each case is a call (`Puhelu saapui`), an assessment an hour or two later and, for most, the start of
the service: within the deadline (computed here with calendar.add_duration, day by day, not with the
SQL the measurement uses), after it, or not yet. A few cases have an activity the mapping does not
name; times are written with an offset or in Finnish local time, both as the format allows.
The same `events` and `seed` always give the same file.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.calendar import add_duration
from generator.timing import Duration

PROCESS = "mtp-asiakkaaksi-puhelimitse"
PROMISE = "palvelu-kolmessa-arkipaivassa"
WITHIN = Duration("working-days", 3)
MAPPING = f"""process: {PROCESS}
activities:
  Puhelu saapui: asiakas-soittaa
  Hoidon tarpeen arvio: hoidontarpeen-arvio
  Palvelu alkoi: palvelu-alkaa
"""
ZONE = ZoneInfo("Europe/Helsinki")
EVENTS_PER_CASE = 2.93
"""About how many events a case has (for `events` → cases)."""


@dataclass
class Expected:
    """What the log holds, counted as it was written."""

    cases: Counter[str] = field(default_factory=Counter)
    attained: Counter[str] = field(default_factory=Counter)
    open_within: Counter[str] = field(default_factory=Counter)
    open_overdue: Counter[str] = field(default_factory=Counter)
    events: int = 0
    unmapped: int = 0

    def pct(self, month: str) -> float:
        return round(100 * self.attained[month] / self.cases[month], 1)


@functools.lru_cache(maxsize=4096)
def _deadline(day: dt.date) -> dt.date:
    return add_duration(day, WITHIN).deadline


def _stamp(moment: dt.datetime, offset: bool) -> str:
    if offset:
        return moment.replace(tzinfo=ZONE).isoformat()
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def write_log(
    folder: Path, events: int, seed: int = 1, *, start: dt.date = dt.date(2026, 1, 1), months: int = 6,
    attain: float = 0.8, late: float = 0.15, name: str = "puhelut",
) -> Expected:
    """Write about `events` events; `attain` of the cases meet the promise, `late` miss it, the rest are open."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.yaml").write_text(MAPPING, encoding="utf-8")
    end = start.replace(year=start.year + (start.month - 1 + months) // 12, month=(start.month - 1 + months) % 12 + 1)
    span = (end - start).days
    n_cases = max(1, round(events / EVENTS_PER_CASE))
    expected = Expected()
    open_cases: Counter[tuple[str, dt.date]] = Counter()
    last = dt.datetime.min
    with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as out:
        out.write("case,activity,time,channel\n")
        lines: list[str] = []
        for i in range(n_cases):
            day = start + dt.timedelta(days=rng.randrange(span))
            call = dt.datetime.combine(day, dt.time(8 + rng.randrange(9), rng.randrange(60), rng.randrange(60)))
            case = f"s{seed}-{i:08d}"
            offset = rng.random() < 0.5
            month = f"{day:%Y-%m}"
            expected.cases[month] += 1
            lines.append(f"{case},Puhelu saapui,{_stamp(call, offset)},puhelin\n")
            assess = call + dt.timedelta(minutes=60 + rng.randrange(60))
            lines.append(f"{case},Hoidon tarpeen arvio,{_stamp(assess, offset)},puhelin\n")
            n = 2
            deadline = _deadline(day)
            r = rng.random()
            moment: dt.datetime | None
            if r < attain:
                days = (deadline - day).days
                to_day = day + dt.timedelta(days=rng.randrange(days + 1))
                moment = (assess + dt.timedelta(minutes=30) if to_day == day
                          else dt.datetime.combine(to_day, dt.time(8 + rng.randrange(8), rng.randrange(60))))
                expected.attained[month] += 1
            elif r < attain + late:
                to_day = deadline + dt.timedelta(days=1 + rng.randrange(10))
                moment = dt.datetime.combine(to_day, dt.time(8 + rng.randrange(8), rng.randrange(60)))
            else:
                moment = None
                open_cases[(month, deadline)] += 1
            if moment is not None:
                lines.append(f"{case},Palvelu alkoi,{_stamp(moment, offset)},puhelin\n")
                n += 1
                last = max(last, moment)
            last = max(last, assess)
            if rng.random() < 0.03:
                lines.append(f"{case},Jonotus päättyi,{_stamp(call + dt.timedelta(seconds=30), offset)},puhelin\n")
                n += 1
                expected.unmapped += 1
            expected.events += n
            if len(lines) >= 50_000:
                out.writelines(lines)
                lines.clear()
        out.writelines(lines)
    for (month, deadline), count in open_cases.items():
        if last.date() <= deadline:
            expected.open_within[month] += count
        else:
            expected.open_overdue[month] += count
    return expected
