"""Cost of renewal planning per person, with and without the planner's memo, in one run.

    python benchmarks/bench_plan.py [COUNT]

A generated roster (``_roster``: 2,600 expiries, the example statuses and
periods, one row in fifty with an error) read with ``iter_read_csv`` and
normalized with ``normalize_records``: what ``plan_or_finding`` sees in the
HR flow.  Then, CPU time per person:

- *no reuse*: every memo emptied before each person, so each is planned as
  if alone in a fresh process (on a sample: it is slow);
- *reference*: ``planned_alone`` (the path each person took before the memo:
  parsed texts and windows remembered, the plan built field by field), the
  memos emptied once before the pass;
- *memo*: ``plan_or_finding`` as the flow calls it, the memos emptied once
  before the pass, so the first sight of each distinct (status, period,
  expiry) is paid for.

The answers of the three are compared first.  One-time costs (importing
``holidays``, building the templates) are paid before any timing.
"""

from __future__ import annotations

import gc
import io
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _roster

from nyukan_rules.batch import roster
from nyukan_rules.batch.records import normalize_records
from nyukan_rules.batch.stream import iter_plan_renewals, iter_read_csv
from nyukan_rules.examples import EXAMPLE_HR_COLUMNS

COUNT = 100_000
SAMPLE = 2_000
RUNS = 5
ON = _roster.ON


def _people(count: int) -> list[dict[str, str]]:
    data = "".join(_roster.lines(count)).encode("cp932")
    rows = list(iter_read_csv(io.BytesIO(data), columns=EXAMPLE_HR_COLUMNS))
    records, _ = normalize_records(rows)
    return records


def _cpu_us(
    plan: Callable[[], object], count: int, clear: bool = True, collect: bool = True
) -> float:
    """CPU time of one pass, per person: the memos emptied first unless ``clear`` is
    false, the garbage collector off during the pass unless ``collect``."""
    if clear:
        roster.clear_memos()
    gc.collect()
    if not collect:
        gc.disable()
    try:
        start = time.process_time()
        plan()
        return (time.process_time() - start) / count * 1e6
    finally:
        gc.enable()


def main(argv: Sequence[str]) -> None:
    count = int(argv[0]) if argv else COUNT
    people = _people(count)
    sample = people[: min(SAMPLE, count)]
    fees = roster.extension_fee_ranges(ON)
    roster.plan_or_finding(people[0], 0, ON.replace(year=ON.year - 1), fees)  # imports

    def alone_each() -> list[object]:
        out: list[object] = []
        for row, person in enumerate(sample):
            roster.clear_memos()
            out.append(roster.planned_alone(person, row, ON, roster.extension_fee_ranges(ON)))
        return out

    def reference() -> list[object]:
        return [roster.planned_alone(p, row, ON, fees) for row, p in enumerate(people)]

    def memo() -> list[object]:
        return [roster.plan_or_finding(p, row, ON, fees) for row, p in enumerate(people)]

    def streamed() -> int:
        return sum(1 for _ in iter_plan_renewals(people, on=ON))

    roster.clear_memos()
    same = memo() == reference() and memo()[: len(sample)] == alone_each()
    planned = sum(isinstance(p, roster.RenewalPlan) for p in memo())
    fresh = _cpu_us(alone_each, len(sample))
    # Each figure is the least of RUNS passes, the variants taking turns, so a busy
    # machine disturbs them alike.
    variants: dict[str, tuple[Callable[[], object], bool, bool]] = {
        "reference path (planned_alone)": (reference, True, True),
        "memo (plan_or_finding)": (memo, True, True),
        "  the same, memo already warm": (memo, False, True),
        "  iter_plan_renewals, plans not kept": (streamed, True, True),
        "reference, garbage collector off": (reference, True, False),
        "memo, garbage collector off": (memo, True, False),
    }
    best = dict.fromkeys(variants, float("inf"))
    for _ in range(RUNS):
        for name, (plan, clear, collect) in variants.items():
            best[name] = min(best[name], _cpu_us(plan, count, clear, collect))
    print(f"{count:,} people, {planned:,} planned, {count - planned:,} findings;"
          f" same answers on every path: {same}")  # fmt: skip
    label = f"no reuse (memos emptied for each of {len(sample):,})"
    print(f"{label:42} {fresh:7.2f} µs/person")
    for name, figure in best.items():
        print(f"{name:42} {figure:7.2f} µs/person")
    old, new = best["reference path (planned_alone)"], best["memo (plan_or_finding)"]
    old_off, new_off = best["reference, garbage collector off"], best["memo, garbage collector off"]
    print(
        f"ratio: no reuse / memo {fresh / new:5.1f} x, reference / memo {old / new:5.1f} x"
        f" ({old_off / new_off:.1f} x with the collector off)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
