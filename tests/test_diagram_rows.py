"""Cutting a wide diagram into rows (generator/render/rows.py): the fast split is the plain one, only faster."""

from __future__ import annotations

import functools
import random
import time

import pytest

from generator.render.rows import crossings, row_cost, split_columns

MAX_ROWS = 8


def plain_split(
    x0: list[float], x1: list[float], cross: list[int], room: float, max_rows: int = MAX_ROWS
) -> list[tuple[int, int]] | None:
    """The dynamic programme the diagrams used before (rows x columns^2), kept as the reference."""
    n = len(x0)
    cost = functools.cache(row_cost(x0, x1, room))
    best: dict[tuple[int, int], tuple[float, list[tuple[int, int]]]] = {}
    for b in range(n):
        best[(1, b)] = (cost(0, b), [(0, b)])
    for j in range(2, min(max_rows, n) + 1):
        for b in range(n):
            options = [
                (prev[0] + cost(a, b) + cross[a - 1] * 120, prev[1] + [(a, b)])
                for a in range(1, b + 1)
                if (prev := best.get((j - 1, a - 1))) is not None
            ]
            if options:
                best[(j, b)] = min(options, key=lambda o: (o[0], [s for s, _ in o[1]]))
    finals = [best[(j, n - 1)] for j in range(2, min(max_rows, n) + 1) if (j, n - 1) in best]
    if not finals:
        return None
    return min(finals, key=lambda o: (o[0], len(o[1])))[1]


def plain_crossings(ranks: list[int], flows: list[tuple[int, int]]) -> list[int]:
    return [sum(1 for t, h in flows if (t <= r) != (h <= r)) for r in ranks]


def columns(rng: random.Random, n: int, kind: str) -> tuple[list[float], list[float]]:
    """Column extents as Graphviz lays them out left to right: each column starts after the last one."""
    x0: list[float] = []
    x1: list[float] = []
    x = 4.0 + rng.choice([0.0, 0.5])
    for _ in range(n):
        if kind == "equal":  # every column alike: many exact ties
            width = 96.0
        elif kind == "few":  # a handful of widths (events, tasks, labels): ties now and then
            width = rng.choice([30.0, 96.0, 96.0, 14.5, 120.25])
        else:
            width = round(rng.uniform(10, 180), 2)
        x0.append(x)
        x1.append(x + width)
        x += width + (21.6 if kind != "wild" else rng.uniform(-60, 40))
    if kind == "wild":  # edges that move left now and then (extents are partly estimates)
        x0 = [v + rng.uniform(-40, 40) for v in x0]
    return x0, x1


def flows_for(rng: random.Random, n: int, ranks: list[int]) -> list[tuple[int, int]]:
    out = [(ranks[i], ranks[i + 1]) for i in range(n - 1)]
    for _ in range(rng.randint(0, n // 2)):
        a, b = rng.randrange(n), rng.randrange(n)
        out.append((ranks[a], ranks[b]))
    return out


@pytest.mark.parametrize("kind", ["equal", "few", "random", "wild"])
def test_the_fast_split_chooses_the_rows_the_plain_one_did(kind: str) -> None:
    rng = random.Random(kind)
    for case in range(60):
        n = rng.choice([4, 5, 7, 12, 20, 33, 60, 90]) if case < 55 else rng.choice([150, 200])
        ranks = sorted(rng.sample(range(1, 3 * n), n)) if case % 3 == 0 else list(range(1, n + 1))
        x0, x1 = columns(rng, n, kind)
        flows = flows_for(rng, n, ranks)
        cross = crossings(ranks, flows)
        assert cross == plain_crossings(ranks, flows)
        room = 700.0 - x0[0] - 20 - rng.choice([0.0, 100.0])
        assert split_columns(x0, x1, cross, room, MAX_ROWS) == plain_split(x0, x1, cross, room), (kind, case, n)


def test_crossings_count_flows_both_ways_and_ignore_flat_ones() -> None:
    ranks = [1, 2, 4, 5]
    flows = [(1, 2), (5, 1), (4, 4), (2, 5), (3, 3), (0, 9)]
    assert crossings(ranks, flows) == plain_crossings(ranks, flows) == [3, 3, 3, 1]


def test_few_columns_cannot_be_split() -> None:
    assert split_columns([0.0], [50.0], [0], 600.0, MAX_ROWS) is None
    assert split_columns([0.0, 100.0], [50.0, 150.0], [1, 0], 60.0, 1) is None


def test_thousands_of_columns_split_in_a_moment() -> None:
    """5,000 columns took minutes with the plain programme (rows x columns^2)."""
    rng = random.Random(5)
    n = 5000
    x0, x1 = columns(rng, n, "few")
    ranks = list(range(1, n + 1))
    cross = crossings(ranks, flows_for(rng, n, ranks))
    started = time.perf_counter()
    rows = split_columns(x0, x1, cross, 600.0, MAX_ROWS)
    assert time.perf_counter() - started < 20
    assert rows is not None and len(rows) == MAX_ROWS
    assert rows[0][0] == 0 and rows[-1][1] == n - 1
    assert all(b + 1 == a for (_, b), (a, _) in zip(rows, rows[1:], strict=False))
