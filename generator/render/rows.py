"""Where a wide diagram is cut into rows: the cheapest split of its columns, in near-linear time.

The columns (ranks) of a one-row layout are known by where they start and end
(`x0`, `x1`, in points) and by how many flows cross the gap after each one. A
split into rows costs, per row, `cost(a, b)` (overflowing A4 is worst, then more
rows, then unequal rows) plus 120 per flow a cut breaks; the cheapest split of at
most `max_rows` rows is wanted, ties going to the split whose row starts come
first (then to fewer rows).

The plain dynamic programme - best[j][b], the cheapest j rows covering the
columns 0..b, tried over every start a of the last row - costs rows x columns^2
(5,000 steps: minutes). Here the same minimum is found with divide and conquer
over b: the row cost is a convex function of the row's width x1[b] - x0[a], so
when the column edges only move right (which Graphviz's left-to-right layout
gives) it satisfies the quadrangle inequality, and the best start of the last
row never moves left as b grows. `_layer` therefore finds the best start for the
middle b, and only looks to its left for smaller b and to its right for larger ones:
rows x columns x log(columns) evaluations.

To choose exactly what the plain programme chooses (the rows of every existing
diagram stay byte for byte the same), every cost is computed with the same
floating-point operations in the same order, ties are broken the same way, and
the ranges handed down keep every start within rounding distance of the middle's
best, so a start the plain programme would pick is never cut off. Column edges
that do move left (never seen from Graphviz, but the extents are partly
estimates) fall back to trying every start, as before. `tests/test_diagram_rows.py`
compares the two on random columns.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence

LINK = 72.0
"""Width of a link event's column, at a row's start or end."""
CUT = 120
"""Cost of one flow broken by a cut."""


def crossings(ranks: Sequence[int], flows: Iterable[tuple[int, int]]) -> list[int]:
    """For each rank in `ranks` (sorted), how many flows (tail rank, head rank) cross the gap after it:
    one end at or before it, the other after. A sweep over the flows' spans, not ranks x flows."""
    diff = [0] * (len(ranks) + 1)
    for t, h in flows:
        lo, hi = (t, h) if t <= h else (h, t)
        i, k = bisect.bisect_left(ranks, lo), bisect.bisect_left(ranks, hi)
        if i < k:
            diff[i] += 1
            diff[k] -= 1
    out: list[int] = []
    running = 0
    for d in diff[:-1]:
        running += d
        out.append(running)
    return out


def row_cost(x0: Sequence[float], x1: Sequence[float], room: float, link: float = LINK) -> Callable[[int, int], float]:
    """cost(a, b) of one row showing the columns a..b."""
    n = len(x0)

    def cost(a: int, b: int) -> float:
        w = x1[b] - x0[a] + (link if a > 0 else 0) + (link if b < n - 1 else 0)
        return max(0.0, w - room) * 10 + 400 + (w / 100) ** 2 * 4

    return cost


def _monotone(values: Sequence[float]) -> bool:
    return all(p <= q for p, q in zip(values, values[1:], strict=False))


def split_columns(
    x0: Sequence[float], x1: Sequence[float], cross: Sequence[int], room: float, max_rows: int, link: float = LINK
) -> list[tuple[int, int]] | None:
    """The rows, as (first column, last column) index pairs, of the cheapest split into 2..max_rows rows.

    `cross[i]` is the number of flows that cross the gap after column i. None when
    fewer than two rows are possible.
    """
    n = len(x0)
    rows = min(max_rows, n)
    if rows < 2:
        return None
    cost = row_cost(x0, x1, room, link)
    # Rounding slack: every cost is at most this big, and a few ulps of it covers any rounding.
    worst = (cost(0, n - 1) + CUT * max(cross, default=0)) * rows
    tol = worst * 1e-12 + 1e-9
    # Divide and conquer needs the row cost's width to grow with b and shrink with a: x1 for the
    # ends b < n-1 (the last column has no link event after it), x0 for the starts a >= 1.
    fast = _monotone(x0[1:]) and _monotone(x1[: n - 1])
    costs: list[list[float]] = [[cost(0, b) for b in range(n)]]
    starts: list[list[int]] = [[0] * n]

    def path(j: int, b: int) -> list[int]:
        """Row starts of the best j+1 rows covering columns 0..b."""
        out: list[int] = []
        while j >= 0:
            a = starts[j][b]
            out.append(a)
            j, b = j - 1, a - 1
        return out[::-1]

    for j in range(1, rows):
        costs.append(_layer(j, n, costs[j - 1], cost, cross, path, fast, tol, starts))
    finals = [(costs[j][n - 1], j) for j in range(1, rows)]
    _, j = min(finals)
    s = path(j, n - 1)
    return [(a, b - 1) for a, b in zip(s, [*s[1:], n], strict=True)]


def _layer(
    j: int,
    n: int,
    prev: list[float],
    cost: Callable[[int, int], float],
    cross: Sequence[int],
    path: Callable[[int, int], list[int]],
    fast: bool,
    tol: float,
    starts: list[list[int]],
) -> list[float]:
    """best cost of j+1 rows covering 0..b, for every b >= j (the start of the last row in `starts[j]`)."""
    inf = float("inf")
    out = [inf] * n
    chosen = [-1] * n
    starts.append(chosen)

    def best(b: int, lo: int, hi: int) -> tuple[int, int]:
        """The best start a in lo..hi for the row ending at b (kept in out/chosen), and the first and
        last starts whose cost is within rounding of it."""
        values: list[float] = []
        top, top_a = inf, -1
        for a in range(lo, hi + 1):
            v = prev[a - 1] + cost(a, b) + cross[a - 1] * CUT
            values.append(v)
            if v < top:
                top, top_a = v, a
            elif v == top and path(j - 1, a - 1) + [a] < path(j - 1, top_a - 1) + [top_a]:
                top_a = a
        out[b], chosen[b] = top, top_a
        near = [lo + k for k, v in enumerate(values) if v <= top + tol]
        return near[0], near[-1]

    if not fast:
        for b in range(j, n):
            best(b, j, b)
        return out
    # b = n-1 separately: its row has no link event at its end, so it breaks the monotone widths.
    todo = [(j, n - 2, j, n - 2)]
    while todo:
        b_lo, b_hi, a_lo, a_hi = todo.pop()
        if b_lo > b_hi:
            continue
        mid = (b_lo + b_hi) // 2
        first, last = best(mid, a_lo, min(a_hi, mid))
        todo.append((b_lo, mid - 1, a_lo, last))
        todo.append((mid + 1, b_hi, first, a_hi))
    best(n - 1, j, n - 1)
    return out
