"""The bundled templates against the agency's workbooks.

Source: isa-bulk-template-tool (the workbooks' 列項目TBL, マスタ, 連動マスタ and
表示シート制御マスタ, and the tool's output routine for the line layout).
"""

from __future__ import annotations

import gzip
import json
from io import BytesIO
from pathlib import Path

import pytest

import nyukan_rules as nr

ROOT = Path(__file__).resolve().parents[2]
OFFICIAL = ROOT.parent / "shared" / "official" / "bulk-templates"
BOOKS = sorted(OFFICIAL.glob("*.xlsm")) if OFFICIAL.is_dir() else []
DATA = ROOT / "src" / "nyukan_rules" / "batch" / "data"

# Fields per line (max CSV column + 1), research-bulk-upload-2026 §1.5.4.
WIDTHS = {
    "01I1": 452, "01J2": 394, "01K1": 225, "01N2": 457, "01R1": 193, "01T1": 346, "01Y1": 233,
    "05J1": 540, "05N2": 561, "05P1": 619, "05T3": 451, "05Y1": 335,
    "04N2": 559, "04Q1": 622, "04R1": 295, "04U3": 521, "04V1": 467,
}  # fmt: skip


@pytest.mark.parametrize(("code", "width"), sorted(WIDTHS.items()))
def test_line_width_per_code(code: str, width: int) -> None:
    assert nr.bulk_template(code).width == width


def test_file_names_and_kinds() -> None:
    assert nr.bulk_template("01N2").file_name == "SA_03_001_01N2_ver001.csv"
    assert nr.bulk_template("01J2").file_name == "SA_03_001_01J2_ver002.csv"  # 文化活動: ver002
    assert nr.bulk_template("05N2").file_name == "SA_03_002_05N2_ver001.csv"
    assert nr.bulk_template("04N2").file_name == "SA_03_003_04N2_ver001.csv"
    assert nr.bulk_template("01N2").kind is nr.ApplicationKind.CERTIFICATE_OF_ELIGIBILITY
    assert nr.bulk_template("05N2").kind is nr.ApplicationKind.CHANGE_OF_STATUS
    assert nr.bulk_template("04N2").kind is nr.ApplicationKind.EXTENSION_OF_PERIOD


def test_every_code_has_a_template() -> None:
    codes = nr.bulk_template_codes()
    assert len(codes) == 206
    assert "05Q1" not in codes  # the change tool has no 研修 output mapping
    assert "04X1" not in codes  # 高度専門職 needs its main activity: 04IA …
    for code in codes:
        template = nr.bulk_template(code)
        assert template.header[:3] == ("", "", "")
        assert template.header[-1] == ""  # the tool's line ends with an empty field
        assert all(1 <= c.position < template.width for c in template.columns)


def test_header_starts_as_the_tool_writes_it() -> None:
    header = nr.bulk_template("04N2").header
    # Positions come from the status's own column of the ledger (AC for 04N2), not
    # from the input order: nationality 4, name 5, sex 6, date of birth 7.
    assert header[3:7] == (
        "WCCBS010Dto:selNationalityAndRegion",
        "txtName",
        "radSex",
        "selDateOfBirthYear(4),selDateOfBirthMonth(2),selDateOfBirthDay(2)",
    )


def test_unknown_codes() -> None:
    for junk in ("04Z9", "", "SA_03_003", None, 42):
        with pytest.raises(nr.UnknownNameError):
            nr.bulk_template(junk)  # type: ignore[arg-type]
    assert nr.bulk_template(" 04n2 ").code == "04N2"


@pytest.mark.skipif(not BOOKS, reason="../shared/official/bulk-templates/ is not there")
@pytest.mark.parametrize("book", BOOKS, ids=lambda p: p.name)
def test_bundled_data_is_what_the_workbook_gives(book: Path) -> None:
    from nyukan_rules.batch.workbook import read_workbook

    fresh = read_workbook(book.read_bytes(), name=book.name)
    bundled = json.loads(gzip.decompress((DATA / f"{book.stem}.json.gz").read_bytes()))
    bundled.pop("_generated")
    assert bundled == fresh
    assert bundled["sha256"]
    assert bundled["version_date"] in book.stem


@pytest.mark.skipif(not BOOKS, reason="../shared/official/bulk-templates/ is not there")
@pytest.mark.parametrize("code", ["01N2", "01T1", "05N2", "05V1", "04N2", "04IA", "04R1"])
def test_columns_agree_with_the_ledger_row_by_row(code: str) -> None:
    import openpyxl

    from nyukan_rules.batch.templates import WHOLE_DATE_PATTERN
    from nyukan_rules.batch.workbook import column_index

    template = nr.bulk_template(code)
    book = next(b for b in BOOKS if b.name == template.workbook)
    data = json.loads(gzip.decompress((DATA / f"{book.stem}.json.gz").read_bytes()))
    letter = dict(data["lists"]["CB18_2"])[code]  # the status's own column of the ledger
    index = column_index(letter)
    workbook = openpyxl.load_workbook(BytesIO(book.read_bytes()), read_only=True, data_only=True)
    ledger = [r for r in workbook["列項目TBL"].iter_rows(min_row=2, values_only=True) if r and r[0]]
    workbook.close()
    sheets = {c.sheet for c in template.columns}
    expected = [r for r in ledger if isinstance(r[index], int) and r[index] and r[0] in sheets]
    assert len(expected) == len(template.columns)
    for row, column in zip(expected, template.columns, strict=True):
        assert (row[0], row[1], row[2], row[15], row[index]) == (
            column.sheet, column.cell, column.label, column.header, column.position,
        )  # fmt: skip
        assert column.required == (row[6] == "○")
        # A year/month/day header the ledger leaves without a length takes YYYYMMDD
        # (the input sheets' help text): 8 digits, exactly.
        derived = not isinstance(row[4], int) and bool(WHOLE_DATE_PATTERN.search(row[15]))
        assert column.exact == (row[5] == "○" or derived)
        assert column.code_list == (row[7] or None)
        assert column.length == (row[4] if isinstance(row[4], int) else 8 if derived else None)
        assert column.parent_values == (tuple((row[14] or "").split("｜")) if row[13] else ())
        assert template.header[column.position - 1] in {c.header for c in template.columns}


@pytest.mark.skipif(not BOOKS, reason="../shared/official/bulk-templates/ is not there")
def test_read_bulk_template_from_a_downloaded_workbook() -> None:
    book = next(b for b in BOOKS if b.name.startswith("certificate"))
    templates = nr.read_bulk_template(book.read_bytes(), name=book.name)
    assert set(templates) == {c for c in nr.bulk_template_codes() if c.startswith("01")}
    assert templates["01N2"].header == nr.bulk_template("01N2").header


def test_read_bulk_template_refuses_junk() -> None:
    for junk in (b"", b"PK\x03\x04 not really", "text"):
        with pytest.raises(nr.ValidationError):
            nr.read_bulk_template(junk)  # type: ignore[arg-type]


def test_a_header_code_list_is_the_templates_own() -> None:
    """header_code_list reads the ledger without building templates: the list is the one
    the first template with such a column gives (source isa-bulk-template-tool)."""
    from nyukan_rules.batch import records
    from nyukan_rules.batch.templates import bulk_template, bulk_template_codes, header_code_list

    for domain, headers in records._DOMAIN_HEADERS.items():
        expected = None
        for code in bulk_template_codes():
            template = bulk_template(code)
            for header in headers:
                columns = template.by_header.get(header)
                found = template.code_list(columns[-1].code_list or "") if columns else None
                if found is not None and found.pairs:
                    expected = found
                    break
            if expected is not None:
                break
        assert expected is not None, domain
        assert header_code_list(headers) == expected, domain


def test_checking_records_leaves_no_workbook_ledger_held() -> None:
    """The checks of records need the workbooks' code lists alone
    (isa-bulk-template-tool): the ledgers (some 26 MB of objects) are read for them
    and let go, so a process that only checks records (a worker of iter_roster_csv)
    does not hold them to its end; a template asked for afterwards loads them."""
    from tests.budget import child_script, run_child

    script = child_script(
        """
        from datetime import date
        import nyukan_rules as nr
        from nyukan_rules.batch import templates
        from nyukan_rules.examples import EXAMPLE_HR_COLUMNS, example_hr_export

        table = nr.read_csv(example_hr_export(20), columns=EXAMPLE_HR_COLUMNS)
        clean, _ = nr.normalize_records(table.records)
        nr.validate_records(clean, on=date(2026, 11, 22))
        print(templates._bundled.cache_info().currsize)
        print(templates._header_lists.cache_info().currsize)
        templates.bulk_template("04N2")
        print(templates._bundled.cache_info().currsize)
        """,
        address_mb=2048,
        cpu_s=60,
    )
    assert run_child(script, timeout=120).split() == ["0", "1", "1"]
