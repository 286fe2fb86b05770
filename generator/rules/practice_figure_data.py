from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..practice import MEASURED_RE, OPTIONAL_ROW_FIELDS, ROW_FIELDS, practices_of

ID = "practice-figure-data"
DESCRIPTION = (
    "Every evaluation figure has rows with exactly the numbers its type draws, a valid measuring date, "
    "consistent ranges and a scale that holds its numbers."
)
SEVERITY = "error"
SCOPE = "handbook"

ALL_NUMBERS = ("level", "result", "before", "after", "stated_change", "mean", "min", "max", "value")


def check(handbook: Handbook, report: Reporter) -> None:
    for pf in practices_of(handbook).files:
        first: dict[str, int] = {}
        for i, fig in enumerate(pf.practice.figures()):
            base = ("evaluation", "figures", i)
            if fig.id in first:
                line = pf.doc.locate((*base[:2], first[fig.id], "id"))[0]
                report.report(pf.doc, (*base, "id"), f"the figure id `{fig.id}` is used twice (first on line {line})",
                              "give each figure its own id")
            first.setdefault(fig.id, i)
            if not MEASURED_RE.match(fig.measured):
                report.report(
                    pf.doc, (*base, "measured"), f"`measured` is '{fig.measured}', not a date",
                    "write when the results were measured as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2021-03",
                )
            if not fig.rows:
                report.report(pf.doc, (*base, "rows"), f"the figure `{fig.id}` has no rows", "add at least one row of numbers")
            needed = ROW_FIELDS[fig.type]
            allowed = set(needed) | set(OPTIONAL_ROW_FIELDS.get(fig.type, ()))
            for j, row in enumerate(fig.rows):
                path = (*base, "rows", j)
                missing = [n for n in needed if getattr(row, n) is None]
                if missing:
                    report.report(
                        pf.doc, path,
                        f"the row '{row.label.fi}' of a `{fig.type}` figure has no " + " or ".join(f"`{m}`" for m in missing),
                        f"a `{fig.type}` row needs " + ", ".join(f"`{n}`" for n in needed),
                    )
                for name in ALL_NUMBERS:
                    if name not in allowed and getattr(row, name) is not None:
                        report.report(
                            pf.doc, (*path, name), f"`{name}` does not belong in a `{fig.type}` figure",
                            f"remove it, or change the figure's `type`; a `{fig.type}` row has " + ", ".join(
                                f"`{n}`" for n in sorted(allowed)),
                            key=True,
                        )
                if fig.type == "range" and None not in (row.min, row.mean, row.max):
                    assert row.min is not None and row.mean is not None and row.max is not None
                    if not row.min <= row.mean <= row.max:
                        report.report(
                            pf.doc, path,
                            f"the row '{row.label.fi}' has min {row.min:g}, mean {row.mean:g} and max {row.max:g}; "
                            "the mean must lie between them",
                            "check the numbers against the source",
                        )
            numbers = list(fig.numbers())
            lo, hi = fig.scale_min, fig.scale_max
            if lo is not None and hi is not None and lo >= hi:
                report.report(pf.doc, (*base, "scale_max"), "`scale_max` must be greater than `scale_min`",
                              "swap them or remove one")
            elif numbers and ((lo is not None and min(numbers) < lo) or (hi is not None and max(numbers) > hi)):
                report.report(
                    pf.doc, (*base, "scale_max" if hi is not None and max(numbers) > hi else "scale_min"),
                    f"the figure's numbers ({min(numbers):g}–{max(numbers):g}) do not fit its scale",
                    "widen the scale, or remove `scale_min`/`scale_max` to fit it to the data",
                )
            if fig.unit is not None and fig.unit.fi.strip() == "%" and any(n < 0 or n > 100 for n in numbers):
                report.report(pf.doc, (*base, "unit"), "a percentage figure has a number below 0 or above 100",
                              "check the numbers, or change the unit")
