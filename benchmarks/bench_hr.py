"""Cost of the HR round trip, against the bare csv module in the same run.

    python benchmarks/bench_hr.py

10,000 realistic HR records (20 fields, one in fifty with a planted error) as
cp932 bytes: ``read_csv`` + ``validate_records`` + ``write_csv`` against the
standard library's ``csv.reader`` + ``csv.writer`` over the same bytes (which
decode, split and join, and check nothing).
"""

from __future__ import annotations

import csv
import io
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _timing import best_ms
from tests.batch.hr import records

import nyukan_rules as nr

COUNT = 10_000


def main() -> None:
    rows = records(COUNT)
    for i in range(0, COUNT, 50):
        rows[i]["postal_code"] = "100-0001"  # a planted error every 50 rows
    data = nr.write_csv(rows)

    def ours() -> None:
        table = nr.read_csv(data)
        nr.validate_records(table.records, on=date(2026, 11, 22))
        nr.write_csv(table.records)

    def bare() -> None:
        text = data.decode("cp932")
        parsed = list(csv.reader(io.StringIO(text, newline="")))
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(parsed)
        out.getvalue().encode("cp932")

    report = nr.validate_records(nr.read_csv(data).records, on=date(2026, 11, 22))
    mine, plain = best_ms(ours), best_ms(bare)
    print(f"{COUNT:,} records, {len(data):,} bytes, {len(report.errors)} errors found")
    print(f"bare csv.reader + csv.writer (baseline)        {plain:8.1f} ms")
    print(f"read_csv + validate_records + write_csv        {mine:8.1f} ms   {mine / plain:5.1f} x")


if __name__ == "__main__":
    main()
