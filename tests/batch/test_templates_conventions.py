"""The workbook conventions are data the generator extracts, not literals of the checks.

Source: isa-bulk-template-tool (the agency's 申請情報一括登録用テンプレート: the
simultaneous-application sheet's row 3 titles and row 5 names, the ledger 列項目TBL,
the code list A045, the help text 「電話番号」又は「携帯電話番号」はどちらか必須).
Issue 11 item 3.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import nyukan_rules as nr
from nyukan_rules.batch.workbook import column_index

ROOT = Path(__file__).resolve().parents[2]
OFFICIAL = ROOT.parent / "shared" / "official" / "bulk-templates"
BOOKS = sorted(OFFICIAL.glob("*.xlsm")) if OFFICIAL.is_dir() else []


def _layout_of_2026(cell: str) -> str | None:
    """The sections as the 2026 workbooks lay them out (B to D choose; E to W common;
    X to BE re-entry, BF to CQ activity, CR on the employment certificate)."""
    number = column_index(cell) + 1
    if number < 5:
        return ""
    if number <= 23:
        return None
    return "B" if number <= 57 else "C" if number <= 95 else "D"


@pytest.mark.parametrize("code", ["04N2", "05N2", "04V1"])
def test_the_simultaneous_sheet_sections_are_the_workbooks(code):
    template = nr.bulk_template(code)
    conventions = template.conventions
    assert conventions.choosers == ("B", "C", "D")
    assert [s.title for s in conventions.sections if s.chooser] == [
        "再入国許可申請",
        "資格外活動許可申請",
        "就労資格証明書交付申請",
    ]
    sheet = next(c.sheet for c in template.columns if c.sheet.endswith("(同時申請)"))
    cells = {c.cell for c in template.columns if c.sheet == sheet}
    assert cells
    for cell in cells:
        assert conventions.chooser_of(cell) == _layout_of_2026(cell), cell


@pytest.mark.parametrize("code", ["01N2", "04N2", "05IA"])
def test_the_other_conventions_are_the_workbooks(code):
    conventions = nr.bulk_template(code).conventions
    # A045: 有 Yes = 1, 無 No = 0; the point sheet's column B; the common sheet's 在.
    assert conventions.chosen_code in ("1", "")
    assert conventions.common_prefix == "在"
    assert (conventions.points_chooser, conventions.points_skip_code) == ("B", "0")
    assert conventions.either == (("電話番号", "携帯電話番号"),)
    assert "列項目TBL" in conventions.source


@pytest.mark.skipif(not BOOKS, reason="../shared/official/bulk-templates/ is not there")
def test_a_workbook_read_at_run_time_gives_the_same_conventions():
    book = next(b for b in BOOKS if b.name.startswith("extension"))
    pytest.importorskip("openpyxl")
    read = nr.read_bulk_template(book.read_bytes(), name=book.name)
    assert read["04N2"].conventions == nr.bulk_template("04N2").conventions
