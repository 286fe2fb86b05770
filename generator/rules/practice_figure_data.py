from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import t, text
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
                report.report(pf.doc, (*base, "id"), t("practice-figure-data.figure-twice", id=fig.id, line=line),
                              t("practice-figure-data.figure-twice.hint"))
            first.setdefault(fig.id, i)
            if not MEASURED_RE.match(fig.measured):
                report.report(
                    pf.doc, (*base, "measured"), t("practice-figure-data.measured-not-date", value=fig.measured),
                    t("practice-figure-data.measured-not-date.hint"),
                )
            if not fig.rows:
                report.report(
                    pf.doc, (*base, "rows"), t("practice-figure-data.no-rows", id=fig.id), t("practice-figure-data.no-rows.hint")
                )
            needed = ROW_FIELDS[fig.type]
            allowed = set(needed) | set(OPTIONAL_ROW_FIELDS.get(fig.type, ()))
            for j, row in enumerate(fig.rows):
                path = (*base, "rows", j)
                missing = [n for n in needed if getattr(row, n) is None]
                if missing:
                    report.report(
                        pf.doc, path,
                        t("practice-figure-data.row-missing", label=row.label.fi, type=fig.type,
                          missing=f" {text('words.or')} ".join(f"`{m}`" for m in missing)),
                        t("practice-figure-data.row-missing.hint", type=fig.type, needed=", ".join(f"`{n}`" for n in needed)),
                    )
                for name in ALL_NUMBERS:
                    if name not in allowed and getattr(row, name) is not None:
                        report.report(
                            pf.doc, (*path, name), t("practice-figure-data.not-allowed", name=name, type=fig.type),
                            t("practice-figure-data.not-allowed.hint", type=fig.type,
                              allowed=", ".join(f"`{n}`" for n in sorted(allowed))),
                            key=True,
                        )
                if fig.type == "range" and None not in (row.min, row.mean, row.max):
                    assert row.min is not None and row.mean is not None and row.max is not None
                    if not row.min <= row.mean <= row.max:
                        report.report(
                            pf.doc, path,
                            t("practice-figure-data.mean-outside", label=row.label.fi, min=row.min, mean=row.mean,
                              max=row.max),
                            t("practice-figure-data.mean-outside.hint"),
                        )
            numbers = list(fig.numbers())
            lo, hi = fig.scale_min, fig.scale_max
            if lo is not None and hi is not None and lo >= hi:
                report.report(pf.doc, (*base, "scale_max"), t("practice-figure-data.scale-order"),
                              t("practice-figure-data.scale-order.hint"))
            elif numbers and ((lo is not None and min(numbers) < lo) or (hi is not None and max(numbers) > hi)):
                report.report(
                    pf.doc, (*base, "scale_max" if hi is not None and max(numbers) > hi else "scale_min"),
                    t("practice-figure-data.scale-fit", low=min(numbers), high=max(numbers)),
                    t("practice-figure-data.scale-fit.hint"),
                )
            if fig.unit is not None and fig.unit.fi.strip() == "%" and any(n < 0 or n > 100 for n in numbers):
                report.report(pf.doc, (*base, "unit"), t("practice-figure-data.percent"),
                              t("practice-figure-data.percent.hint"))
