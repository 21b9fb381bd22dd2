"""The Dask recipe (issue 13, part 5): the same findings as one process over the whole input.

Source: issue 13 "Scale" (Dask missed 53 duplicates across partitions; pandas'
defaults made NaN of empty cells and integers of digit strings).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

dd = pytest.importorskip("dask.dataframe")

import nyukan_rules as nr  # noqa: E402
from nyukan_rules.batch.dask import (  # noqa: E402
    READ_CSV_OPTIONS,
    plan_partitions,
    read_roster,
    validate_partitions,
)
from nyukan_rules.examples import EXAMPLE_HR_COLUMNS, example_hr_export  # noqa: E402

ON = date(2026, 11, 22)


@pytest.fixture(scope="module")
def roster(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 people; the last has the first one's passport, and people far apart share
    a residence card number: duplicates that lie in different partitions."""
    text = example_hr_export(3_000).decode("cp932")
    lines = text.split("\r\n")
    header = lines[0].split(",")
    card = header.index("在留カード番号")
    first = lines[5].split(",")
    for at in (1_500, 2_900):
        cells = lines[at].split(",")
        cells[card] = first[card]
        lines[at] = ",".join(cells)
    path = tmp_path_factory.mktemp("dask") / "roster.csv"
    path.write_bytes("\r\n".join(lines).encode("cp932"))
    return path


def _partitioned(path: Path) -> dd.DataFrame:
    frame = read_roster(str(path), columns=EXAMPLE_HR_COLUMNS, blocksize=64_000)
    assert frame.npartitions > 3  # the point: duplicates across partitions
    return frame


def test_validate_partitions_equals_one_process(roster: Path) -> None:
    table = nr.read_csv(roster.read_bytes(), columns=EXAMPLE_HR_COLUMNS)
    expected = nr.validate_records(table.records, on=ON)
    got = validate_partitions(_partitioned(roster), on=ON, scheduler="synchronous")
    assert got == expected
    duplicates = got.by_code("record.duplicate")
    assert {f.row for f in duplicates} == {1_499, 2_899, 2_999}  # rows of the whole input
    capped = validate_partitions(_partitioned(roster), on=ON, max_findings_per_code=2)
    assert capped == nr.validate_records(table.records, on=ON, max_findings_per_code=2)


def test_plan_partitions_equals_one_process(roster: Path) -> None:
    table = nr.read_csv(roster.read_bytes(), columns=EXAMPLE_HR_COLUMNS)
    expected = nr.plan_renewals(table.records, on=ON)
    got = plan_partitions(_partitioned(roster), on=ON, scheduler="threads")
    assert got == expected
    assert got.report.findings  # the export's empty expiry and misspelt status
    assert [f.row for f in got.report.findings] == [f.row for f in expected.report.findings]


def test_cells_stay_strings(tmp_path: Path) -> None:
    """pandas' defaults: NaN for empty cells, integers for digit strings (issue 13)."""
    path = tmp_path / "r.csv"
    path.write_bytes(b"employee_id,postal_code,phone\r\n00123,0100001,\r\nNA,1000001,\r\n")
    frame = read_roster(str(path), encoding="utf-8")
    rows = frame.compute().to_dict("records")
    assert rows == [
        {"employee_id": "00123", "postal_code": "0100001", "phone": ""},
        {"employee_id": "NA", "postal_code": "1000001", "phone": ""},
    ]
    assert READ_CSV_OPTIONS["dtype"] is str


def test_not_a_frame() -> None:
    with pytest.raises(nr.ArgumentTypeError):
        validate_partitions([{"employee_id": "E1"}], on=ON)  # type: ignore[arg-type]
