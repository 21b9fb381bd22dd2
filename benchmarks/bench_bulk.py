"""Cost of bulk validation and writing, against the bare csv writer in the same run.

    python benchmarks/bench_bulk.py

10,000 generated rows of the 04N2 template (extension, 技術・人文知識・国際業務):
``validate_bulk_rows`` + ``write_bulk_files`` against the standard library's
``csv.writer`` writing the same values in the same layout (tab-separated,
UTF-16LE), which checks nothing.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _timing import best_ms
from tests.batch.rows import valid_row

import nyukan_rules as nr

CODE = "04N2"
ROWS = 10_000


def main() -> None:
    template = nr.bulk_template(CODE)
    base = valid_row(CODE)
    rows = []
    for i in range(ROWS):
        row = dict(base)
        row["txtName"] = f"HOUMU TARO{'' if i % 2 else ' JIRO'}"
        row["kjyuPostNo"] = f"{1000000 + i:07d}"
        rows.append(row)
    positions = [(c.position - 1, c.header) for c in template.columns]

    def bare() -> bytes:
        out = io.StringIO()
        writer = csv.writer(out, delimiter="\t", lineterminator="\r\n")
        writer.writerow(template.header)
        for row in rows:
            fields = [""] * template.width
            for position, header in positions:
                value = row.get(header)
                if value:
                    fields[position] = value
            writer.writerow(fields)
        return b"\xff\xfe" + out.getvalue().encode("utf-16-le")

    nr.validate_bulk_rows(rows[:10], template=template)  # load the template data first
    validate = best_ms(lambda: nr.validate_bulk_rows(rows, template=template))
    both = best_ms(lambda: nr.write_bulk_files(rows, template=template))
    plain = best_ms(bare)
    print(f"{ROWS:,} rows of {CODE}, {template.width} fields a line")
    print(f"bare csv.writer (baseline)              {plain:9.1f} ms")
    print(f"validate_bulk_rows                      {validate:9.1f} ms   {validate / plain:5.1f} x")
    print(f"validate_bulk_rows + write_bulk_files   {both:9.1f} ms   {both / plain:5.1f} x")


if __name__ == "__main__":
    main()
