"""BulkTemplate.required_for: what a row still needs, asked whole.

Source: the agency's bulk-registration workbooks (isa-bulk-template-tool): the
ledger splits some dates over three columns (year, month, day), each with its
own pattern; the macro refuses the row unless all three are given.
"""

from __future__ import annotations

import nyukan_rules as nr


def test_a_split_date_is_asked_for_by_every_part() -> None:
    template = nr.bulk_template("04R1")
    parts = {c.header: c.date_part for c in template.required_for({}) if c.date_part}
    assert parts == {
        "selFyushDateOfbirthYear": "year",
        "selFyushDateOfbirthMonth": "month",
        "selFyushDateOfbirthDay": "day",
    }


def test_answering_every_part_satisfies_the_date() -> None:
    template = nr.bulk_template("04R1")
    values = {"year": "1990", "month": "04", "day": "01"}
    row = {c.header: values[c.date_part] for c in template.required_for({}) if c.date_part}
    still = {c.header for c in template.required_for(row)}
    assert not still & set(row)
    codes = {f.code for f in nr.validate_bulk_rows([row], template=template) if f.field in set(row)}
    assert "batch.invalid_date" not in codes


WHOLE_DATES = [
    ("04N2", "selExpirationDateYear(4),selExpirationDateMonth(2),selExpirationDateDay(2)"),
    (
        "04N2",
        "selPassportExpirationYear(4),selPassportExpirationMonth(2),selPassportExpirationDay(2)",
    ),
    ("04N2", "selGraduationDateYear(4),selGraduationDateMonth(2),selGraduationDateDay(2)"),
]


def test_a_date_column_the_ledger_leaves_blank_still_takes_yyyymmdd() -> None:
    """The help text of every input sheet (row 6): dates are YYYYMMDD, 8 half-width
    digits.  The ledger gives 686 such year/month/day columns no length or class
    (the applicant's own period expiry and passport expiry among them): they took
    any text, so an upload file the agency refuses could be written."""
    from tests.batch.rows import valid_row

    for code, header in WHOLE_DATES:
        template = nr.bulk_template(code)
        column = template.by_header[header][-1]
        assert (column.length, column.exact) == (8, True), header
        row = valid_row(template)
        row[header] = "サンプル"
        assert "batch.char_class" in nr.validate_bulk_rows([row], template=template).codes
        row[header] = "20270230"
        found = nr.validate_bulk_rows([row], template=template)
        assert [f.field for f in found.by_code("batch.invalid_date")] == [header]
