"""A valid row for any bulk template, made by answering the template's own findings.

Start empty; for each ``batch.required`` finding give the column a value of
its kind (the first code of its list, a date, digits, capitals, full-width
text), and repeat until the template asks nothing more.  Tests then plant
errors in known places of such rows.
"""

from __future__ import annotations

import nyukan_rules as nr
from nyukan_rules.batch.checks import code_lists_for
from nyukan_rules.text.charclass import CharClass as C


def value_for(template: nr.BulkTemplate, column: nr.BulkColumn, row: dict[str, str]) -> str:
    if column.code_list:
        for name in code_lists_for(template, row, column):
            found = template.code_list(name)
            if found is not None and found.pairs:
                # Prefer "無 No"-like answers: they open the fewest further sections;
                # then a code whose dependent lists are not empty.
                for label, code in found.pairs:
                    if label.startswith("無") and code:
                        return code
                codes = [code for _, code in found.pairs if code]
                children = [
                    c for c in template.columns if c.parent_list == (column.sheet, column.cell)
                ]
                for code in codes:
                    trial = {**row, column.header: code}
                    if all(
                        any(
                            (found_list := template.code_list(n)) is not None and found_list.pairs
                            for n in code_lists_for(template, trial, child)
                        )
                        for child in children
                    ):
                        return code
                return codes[0]
    if column.header in ("txtName", "doji.nameEng"):
        return "HOUMU TARO"
    if column.length == 8 and column.exact:
        return "19900101"
    if column.date_pattern:
        return "1990" if "(\\d{4})" in column.date_pattern else "01"
    if "メール" in column.label:
        return "houmu@example.jp"
    classes = set(column.classes)
    length = column.length or 10
    if classes and classes <= {C.HALFWIDTH_DIGIT}:
        return ("0" + "1" * (length - 1)) if "電話" in column.label else "1" * length
    if classes and C.KANJI in classes:
        return "東京都"[: max(1, min(3, length))]
    if classes and (C.HALFWIDTH_UPPER in classes or C.HALFWIDTH_LETTER in classes):
        if column.exact and length == 12:
            return "AB12345678CD"
        return "ABCD"[:length]
    return "テスト"[: max(1, min(3, length))]


_ANSWERABLE = frozenset(
    {"batch.required", "batch.unknown_code", "batch.char_class", "batch.parent_missing",
     "batch.invalid_date", "batch.phone_required"}
)  # fmt: skip


def valid_row(
    template: nr.BulkTemplate | str, start: dict[str, str] | None = None
) -> dict[str, str]:
    the_template = template if isinstance(template, nr.BulkTemplate) else nr.bulk_template(template)
    row: dict[str, str] = dict(start or {})
    for _ in range(20):
        report = nr.validate_bulk_rows([row], template=the_template)
        if report.ok:
            return row
        changed = False
        for finding in report.errors:
            if finding.field is None or finding.code not in _ANSWERABLE:
                continue
            column = the_template.by_header[finding.field][-1]
            if finding.code == "batch.parent_missing" and column.parent_list:
                parent = the_template.checks.parent_column(column.parent_list)
                if parent is not None:
                    row[parent.header] = value_for(the_template, parent, row)
                    changed = True
                continue
            if column.date_pattern:  # give every part of a split date
                for part in the_template.checks.date_groups[(column.sheet, column.cell)]:
                    value = value_for(the_template, part, row)
                    changed = changed or row.get(part.header) != value
                    row[part.header] = value
            new = value_for(the_template, column, row)
            if row.get(finding.field) != new:
                row[finding.field] = new
                changed = True
        if not changed:
            break
    raise AssertionError(
        f"no valid row for {the_template.code}: "
        + "; ".join(f"{f.field}: {f.message_en}" for f in report.errors[:5])
    )
