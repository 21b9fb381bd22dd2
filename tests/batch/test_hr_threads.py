"""The HR path from many threads gives what one thread gives (issue 10: safe to embed).

The first call of the spec's domain checks builds the workbooks' lists behind a
functools.cache; eight threads start together on a cold cache so that build races.
"""

from __future__ import annotations

import sys
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import nyukan_rules as nr
from nyukan_rules.batch import records as records_module
from tests.batch.hr import records

ON = date(2026, 11, 22)


def _job(seed: int) -> tuple[object, ...]:
    rows = records(60, seed=seed)
    rows[3]["nationality"] = "Narnia"
    rows[5]["status"] = "永住者"
    rows[7]["expires_on"] = ""
    data = nr.write_csv(rows)
    table = nr.read_csv(data)
    clean, normalized = nr.normalize_records(table.records)
    return (
        table,
        normalized,
        nr.validate_records(clean, on=ON),
        nr.plan_renewals(clean, on=ON),
        nr.write_csv(clean, encoding="utf-8-sig"),
    )


def test_eight_threads_equal_one() -> None:
    expected = [_job(seed) for seed in range(16)]
    records_module._domain_values.cache_clear()
    records_module._periods.cache_clear()
    filters = list(warnings.filters)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        barrier = threading.Barrier(8)

        def run(seed: int) -> tuple[object, ...]:
            if seed < 8:
                barrier.wait()
            return _job(seed)

        with ThreadPoolExecutor(8) as pool:
            got = list(pool.map(run, range(16)))
    finally:
        sys.setswitchinterval(interval)
    assert got == expected
    assert warnings.filters == filters
