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
    codes = {
        f.code for f in nr.validate_bulk_rows([row], template=template) if f.field in set(row)
    }
    assert "batch.invalid_date" not in codes
