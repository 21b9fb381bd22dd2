"""The whole HR job, against a bare csv read and write of the same file in the same run.

    python benchmarks/bench_flow.py            # 10,000 and 100,000 records
    python benchmarks/bench_flow.py 2000       # other sizes (CI runs a small one as a smoke test)

A realistic cp932 export with distinct values (``example_hr_export``: names,
dates, passport and card numbers all differ; the status mix of a mid-sized
employer; a few broken rows) goes through the job an HR system runs:
``read_csv`` → ``normalize_records`` → ``validate_records`` →
``plan_renewals`` → ``records_to_bulk_files`` for everyone with a period
of stay to extend.  The baseline is the standard library reading the same
bytes with ``csv.reader`` and writing every row back with ``csv.writer``,
which checks nothing.  Each stage's time is printed, then the ratio.
"""

from __future__ import annotations

import csv
import io
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nyukan_rules as nr
from nyukan_rules.examples import EXAMPLE_HR_COLUMNS, example_defaults, example_hr_export

ON = date(2026, 11, 23)
KIND = "extension_of_period"


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def _defaults(records: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    """Stand-in answers per template, made once before timing (an HR system has them)."""
    found: dict[str, dict[str, str]] = {}
    for record in records:
        try:
            template = nr.bulk_template_for(KIND, record.get("status", ""))
        except nr.NyukanRulesError:
            continue
        if template.code not in found:
            found[template.code] = example_defaults(template, nr.bulk_row(record, template))
    return found


def bare(data: bytes) -> None:
    rows = list(csv.reader(io.StringIO(data.decode("cp932"), newline="")))
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    out.getvalue().encode("cp932")


def run(count: int) -> None:
    data = example_hr_export(count)
    defaults = _defaults(nr.read_csv(data, columns=EXAMPLE_HR_COLUMNS).records[:2000])
    _, plain = _timed(lambda: bare(data))
    stages: list[tuple[str, float]] = []

    table, t = _timed(lambda: nr.read_csv(data, columns=EXAMPLE_HR_COLUMNS))
    stages.append(("read_csv", t))
    (clean, _), t = _timed(lambda: nr.normalize_records(table.records))
    stages.append(("normalize_records", t))
    checked, t = _timed(lambda: nr.validate_records(clean, on=ON))
    stages.append(("validate_records", t))
    schedule, t = _timed(lambda: nr.plan_renewals(clean, on=ON))
    stages.append(("plan_renewals", t))
    due = {p.person.id for p in schedule if p.renews is nr.Renewal.PERIOD_OF_STAY}
    people = [r for r in clean if r.get("employee_id") in due]
    result, t = _timed(lambda: nr.records_to_bulk_files(people, kind=KIND, defaults=defaults))
    stages.append(("records_to_bulk_files", t))

    total = sum(t for _, t in stages)
    print(
        f"{count:,} records, {len(data):,} bytes; {len(checked.rows_with_errors)} with errors;"
        f" {len(schedule):,} planned; {len(result.placed):,} in {len(result.files)} upload files"
    )
    for name, t in stages:
        print(f"  {name:<24} {t * 1e3:10.1f} ms   {t / count * 1e6:7.1f} us/record")
    print(f"  {'bare csv read + write':<24} {plain * 1e3:10.1f} ms   (baseline)")
    print(f"  {'whole job':<24} {total * 1e3:10.1f} ms   {total / plain:7.1f} x baseline")


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [10_000, 100_000]
    for count in sizes:
        run(count)


if __name__ == "__main__":
    main()
