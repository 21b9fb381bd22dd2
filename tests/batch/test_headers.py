"""The header row the agency's macro writes, for every code of all three workbooks.

Source: isa-bulk-template-tool, the workbooks' VBA: ``getOutDefList`` takes
every row of 列項目TBL (from row 2 until the first empty sheet name) whose
sheet is the common sheet, the chosen status's sheet, the 高度専門職 point
sheet or the simultaneous-application sheet, with its CSV column number from
the chosen status's column of the ledger; ``outputFile`` then writes each
row's CSV header name (column P) at that number (``addStringIdx``: a later row
overwrites an earlier one, an empty number writes nothing) in a line of
``Max(column) + 1`` fields.  The test reads each ledger with openpyxl and
applies that rule, independently of the bundled data.
"""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest

import nyukan_rules as nr

ROOT = Path(__file__).resolve().parents[2]
OFFICIAL = ROOT.parent / "shared" / "official" / "bulk-templates"
BOOKS = sorted(OFFICIAL.glob("*.xlsm")) if OFFICIAL.is_dir() else []
_REF = re.compile(r"^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$")

pytestmark = pytest.mark.skipif(not BOOKS, reason="../shared/official/bulk-templates/ is absent")


def _index(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number - 1


def _macro_headers(book: Path) -> dict[str, tuple[str, ...]]:
    """code -> header, by the macro's rule, for every code of the workbook's _CB18_2_C list."""
    import openpyxl

    workbook = openpyxl.load_workbook(BytesIO(book.read_bytes()), read_only=True, data_only=True)
    try:
        # _CB18_2_C: template code -> the status's column letter of the ledger.
        letters: dict[str, str] = {}
        for sheet, ref in workbook.defined_names["_CB18_2_C"].destinations:
            match = _REF.match(ref)
            assert match is not None
            col = _index(match.group(1))
            rows = workbook[sheet].iter_rows(
                min_row=int(match.group(2)), max_row=int(match.group(4)), values_only=True
            )
            for row in rows:
                if row[col]:
                    letters[str(row[col])] = str(row[col + 1])
        ledger: list[tuple[Any, ...]] = []
        for row in workbook["列項目TBL"].iter_rows(min_row=2, values_only=True):
            if not row or not row[0]:
                break  # Do While sheet name <> ""
            ledger.append(row)
    finally:
        workbook.close()
    headers = {}
    for code, letter in letters.items():
        col = _index(letter)
        numbers = [r[col] for r in ledger if isinstance(r[col], (int, float)) and r[col]]
        line = [""] * (int(max(numbers)) + 1)
        for row in ledger:
            number = row[col]
            if isinstance(number, (int, float)) and number:
                line[int(number) - 1] = str(row[15] or "")
        headers[code] = tuple(line)
    return headers


@pytest.fixture(scope="module")
def macro() -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for book in BOOKS:
        found.update(_macro_headers(book))
    return found


def test_all_206_headers_name_by_name(macro: dict[str, tuple[str, ...]]) -> None:
    codes = nr.bulk_template_codes()
    assert len(codes) == 206
    for code in codes:
        template = nr.bulk_template(code)
        expected = macro[template.code]
        assert template.width == len(expected), code
        differing = [
            (i + 1, got, want)
            for i, (got, want) in enumerate(zip(template.header[3:], expected[3:], strict=True), 3)
            if got != want
        ]
        assert differing == [], (code, differing[:5])


def test_04n2_keeps_the_point_sheet_headers(macro: dict[str, tuple[str, ...]]) -> None:
    # Issue 9: positions 181-185 and 441 of 04N2 were left empty.
    header = nr.bulk_template("04N2").header
    for position in (181, 182, 183, 184, 185, 441):
        assert header[position - 1] != ""
        assert header[position - 1] == macro["04N2"][position - 1]


def test_read_bulk_template_gives_the_same_headers(macro: dict[str, tuple[str, ...]]) -> None:
    book = next(b for b in BOOKS if b.name.startswith("extension"))
    templates = nr.read_bulk_template(book.read_bytes(), name=book.name)
    for code, template in templates.items():
        assert template.header[3:] == macro[code][3:], code
