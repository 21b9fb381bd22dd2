"""Bulk rows checked as the agency's tool checks them (and more): which columns apply, and
what is wrong with their values.

A row is a mapping of the template's header names to values.  A value from a
code list may be its code or its label (``"男 male"`` becomes ``"1"``), as the
tool converts it.  The checks are the tool's own, in its order (character
classes, length, required, code exists), applied where the tool applies them
(the column is not hidden for the status, its parent condition holds, its
section of the simultaneous-application sheet is chosen: the workbook's own
layout, :class:`~nyukan_rules.batch.templates.WorkbookConventions`), plus what
the tool misses and the system needs.  What a template needs for that is
computed once, on first use, as :attr:`BulkTemplate.checks
<nyukan_rules.batch.templates.BulkTemplate.checks>`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from nyukan_rules._args import ensure_rows, type_name
from nyukan_rules.batch.templates import (
    WHOLE_DATE_PATTERN,
    BulkColumn,
    BulkTemplate,
    as_template,
)
from nyukan_rules.messages import (
    MAX_FINDINGS_PER_CODE,
    make_finding,
)
from nyukan_rules.report import BatchReport, Finding
from nyukan_rules.sources import sources
from nyukan_rules.text.charclass import CharClass, disallowed
from nyukan_rules.text.charset import (
    outside_jis,
    special_body,
    special_pattern,
    suggestion_for,
)
from nyukan_rules.text.fields import FieldKind, field_checker, utf16_length
from nyukan_rules.text.normalizers import is_real_date

__all__ = [
    "TemplateChecks",
    "bulk_findings",
    "cascaded",
    "code_lists_for",
    "column_applies",
    "output_value",
    "validate_bulk_rows",
]

_SOURCES = ("isa-bulk-template-tool",)


#: The applicant's name in Roman letters: the field rule's (FieldKind.ROMAN_NAME).
_ROMAN_NAME = field_checker(FieldKind.ROMAN_NAME)


_CONTROL = re.compile(r"[\t\r\n]")


#: Characters no column takes: the special characters of every field (control and
#: format characters, U+2028/U+2029, lone surrogates: charset.special_pattern) other
#: than TAB/CR/LF (those break the line: batch.control_char).
_INVALID_CHAR = re.compile(f"(?![\t\r\n])[{special_body()}]")


#: One search for both: most values have neither.
_SUSPECT = special_pattern()


_GROUP = re.compile(r"\(\\d\{(\d+)\}\)")


#: Code lists whose unknown codes the tool lets through (mdlChk.chkGymCode).
_LENIENT_LISTS = frozenset({"A036", "CC34"})


#: Codes of 特定技能 statuses whose lists are keyed by the template code instead.
_TEMPLATE_KEYED_PARENTS = frozenset({"T81", "T82", "T83"})


_TEMPLATE_KEYED_LISTS = frozenset({"CC13_3", "CC13_5", "CC02_4"})


_SHOW_SHEET = "表示シート制御マスタ"


def _namespace(header: str) -> str:
    """``re`` of ``re.dirnTel1``: the simultaneous-application sections name their columns so."""
    return header.split(".", 1)[0] if "." in header else ""


class TemplateChecks:
    """What validation needs to know about a template, computed once per template."""

    def __init__(self, template: BulkTemplate) -> None:
        self.template = template
        self.conventions = template.conventions
        self.by_cell: dict[tuple[str, str], BulkColumn] = {}
        for column in template.columns:
            self.by_cell.setdefault((column.sheet, column.cell), column)
        common = next((c.sheet for c in template.columns), "")
        self.common = common
        self.simultaneous = next(
            (c.sheet for c in template.columns if c.sheet.endswith("(同時申請)")), None
        )
        self.points = next(
            (c.sheet for c in template.columns if c.sheet.endswith("(高度専門職ポイント表)")), None
        )
        self.headers = frozenset(template.by_header)
        # One check per header: where two inputs feed one column (prefecture, then city),
        # the later one is what the tool writes.
        self.checked = [cols[-1] for cols in template.by_header.values()]
        self.date_groups: dict[tuple[str, str], list[BulkColumn]] = {}
        for column in template.columns:
            if column.date_pattern:
                self.date_groups.setdefault((column.sheet, column.cell), []).append(column)

        self.column_of = {column.header: column for column in self.checked}
        self.group_of: dict[str, tuple[BulkColumn, ...]] = {}
        for group in self.date_groups.values():
            for column in group:
                self.group_of[column.header] = tuple(group)
        # Conditions as header names and accepted values (labels and their codes), once.
        self.conditions: dict[str, tuple[tuple[str, ...], frozenset[str], bool]] = {}
        for column in self.checked:
            if not column.parent_cells:
                continue
            cells = self.condition_cells(column)
            accepted: set[str] = set()
            for parent in cells:
                for expected in column.parent_values:
                    accepted.add(expected)
                    code = _code_of(template, parent.code_list if parent else None, expected)
                    if code:
                        accepted.add(code)
            self.conditions[column.header] = (
                tuple(p.header if p else "" for p in cells),
                frozenset(accepted),
                len(column.parent_values) > 1,
            )
        # The workbook's own layout (extracted by the generator): which chooser of the
        # simultaneous-application sheet opens a column ("" always open, None any).
        conventions = self.conventions
        self.section: dict[str, str | None] = {}
        if self.simultaneous:
            for column in self.checked:
                if column.sheet == self.simultaneous:
                    self.section[column.header] = conventions.chooser_of(column.cell)
        self.choosers: dict[str, BulkColumn] = {
            cell: c
            for cell in conventions.choosers
            if self.simultaneous and (c := self.by_cell.get((self.simultaneous, cell))) is not None
        }
        self.points_chooser = (
            self.by_cell.get((self.points, conventions.points_chooser))
            if self.points is not None
            else None
        )
        self.family: dict[str, list[str]] = {}
        # Phone and mobile phone of one party (「電話番号」又は「携帯電話番号」はどちらか必須):
        # pairs the ledger does not already make required on their own.
        self.phone_pairs: list[tuple[BulkColumn, BulkColumn, tuple[str, ...]]] = []
        for landline_end, mobile_end in conventions.either:
            self._pair_phones(landline_end, mobile_end)
        self.unconditional = frozenset(
            c.header
            for c in self.checked
            if c.header not in self.conditions
            and c.header not in self.section
            and c.sheet != self.points
        )
        # Required columns with what decides whether they apply: one group per distinct
        # (condition, section, point sheet), each judged on its first column.
        self.required: list[tuple[BulkColumn, int]] = []
        self.required_groups: list[BulkColumn] = []
        group_of: dict[object, int] = {}
        for column in self.checked:
            if not column.required or column.hidden:
                continue
            key = (
                column.header in self.unconditional,
                self.conditions.get(column.header),
                column.header in self.section,
                self.section.get(column.header),
                column.sheet == self.points,
                column is self.points_chooser,
            )
            if key not in group_of:
                group_of[key] = len(self.required_groups)
                self.required_groups.append(column)
            self.required.append((column, group_of[key]))

    def _pair_phones(self, landline_end: str, mobile_end: str) -> None:
        """Phone and mobile phone of one party, one of which is needed: the pairs the
        ledger does not already make required on their own."""
        for mobile in self.checked:
            if not mobile.label.endswith(mobile_end):
                continue
            prefix = mobile.label[: -len(mobile_end)]
            space = _namespace(mobile.header)
            phone = next(
                (
                    c
                    for c in self.checked
                    if c.sheet == mobile.sheet
                    and c.label == prefix + landline_end
                    and _namespace(c.header) == space
                ),
                None,
            )
            if phone is not None and not phone.required and not mobile.required:
                # The party (代理人, 取次者 …) is there when any of its columns has a value.
                key = re.split(r"[\u3000 (（]", prefix, maxsplit=1)[0]
                party = tuple(
                    c.header
                    for c in self.checked
                    if key
                    and c.sheet == mobile.sheet
                    and c.label.startswith(key)
                    and _namespace(c.header) == space
                    and c not in (phone, mobile)
                )
                self.phone_pairs.append((phone, mobile, party))

    def parent_column(self, sheet_and_cell: tuple[str, str]) -> BulkColumn | None:
        return self.by_cell.get(sheet_and_cell)

    def condition_cells(self, column: BulkColumn) -> list[BulkColumn | None]:
        found = []
        for cell in column.parent_cells:
            prefix = self.conventions.common_prefix
            if prefix and cell.startswith(prefix):
                found.append(self.by_cell.get((self.common, cell[len(prefix) :])))
            else:
                found.append(self.by_cell.get((column.sheet, cell)))
        return found


def _labels(column: BulkColumn) -> dict[str, Any]:
    return {"label": column.label, "header": column.header}


class _Row:
    """One row being checked: its values, and the findings made so far."""

    def __init__(
        self,
        index: int,
        values: Mapping[str, str],
        ctx: TemplateChecks,
        memo: dict[tuple[str, str], Any] | None = None,
        counts: dict[str, int] | None = None,
    ) -> None:
        self.index, self.values, self.ctx = index, values, ctx
        self.memo: dict[tuple[str, str], Any] = {} if memo is None else memo
        # Where given, findings per code across the batch: past the cap a finding
        # is counted, never built (a 25 MB file of junk would build millions).
        self.counts = counts
        self.findings: list[Finding] = []
        self.flags: dict[str, bool] | None = None
        # Many columns share a condition: each is evaluated once per row.
        self.conditions: dict[tuple[tuple[str, ...], frozenset[str], bool], bool] = {}

    def value(self, column: BulkColumn | None) -> str:
        return self.values.get(column.header, "") if column is not None else ""

    def add(self, code: str, column: BulkColumn | None, **values: Any) -> None:
        if self.counts is not None:
            count = self.counts[code] = self.counts.get(code, 0) + 1
            if count > MAX_FINDINGS_PER_CODE:
                return
        extra = _labels(column) if column is not None else {}
        finding = make_finding(
            code,
            field=column.header if column is not None else None,
            sources=_sources(code),
            **extra,
            **values,
        )
        self.findings.append(attrs.evolve(finding, row=self.index))


def _sources(code: str) -> tuple[Any, ...]:
    return sources(*_SOURCES) if code != "batch.outside_jis" else sources("jis-x-0208-windows")


def _code_of(template: BulkTemplate, list_name: str | None, value: str) -> str | None:
    if not list_name or not value:
        return None
    found = template.code_list(list_name)
    return found.code_for(value) if found is not None else None


def _lists_for(row: _Row, column: BulkColumn) -> list[str]:
    """The code lists a value of ``column`` may come from (the resolved cascade first).

    As the tool names them (mdMain.setValid): ``<P>_<parent's code>``, where P
    is the parent column's list, or the column's own for C970, CC13_3, CC13_5
    and CC02_4 (whose lists for 特定技能 T81 to T83 are keyed by the template
    code instead).
    """
    template, base = row.ctx.template, column.code_list or ""
    parent_ref = column.parent_list
    if parent_ref is None or parent_ref[0] == _SHOW_SHEET:
        return [base]
    parent = row.ctx.parent_column(parent_ref)
    family = base if base == "C970" or base in _TEMPLATE_KEYED_LISTS else ""
    if not family and parent is not None and parent.code_list:
        family = parent.code_list
    if parent is not None and parent.header != column.header and family:
        parent_code = _code_of(template, parent.code_list, row.value(parent))
        if parent_code:
            key = parent_code
            if base in _TEMPLATE_KEYED_LISTS and parent_code in _TEMPLATE_KEYED_PARENTS:
                key = template.code
            if template.code_list(f"{family}_{key}") is not None:
                return [f"{family}_{key}"]
    # The parent is not separately known (the prefecture and the city share one
    # column) or has no list of its own: accept any list of the family.
    prefix = f"{family}_" if family else f"{base}_"
    cached = row.ctx.family.get(prefix)
    if cached is None:
        cached = row.ctx.family[prefix] = sorted(n for n in template.lists if n.startswith(prefix))
    return [base, *cached]


def _code_for(row: _Row, column: BulkColumn, value: str) -> str | None:
    for name in _lists_for(row, column):
        code = _code_of(row.ctx.template, name, value)
        if code is not None:
            return code
    return None


def _condition_holds(row: _Row, column: BulkColumn) -> bool:
    """The tool's チェック親列 test (mdMain.chkParentInput), on labels or codes."""
    condition = row.ctx.conditions.get(column.header)
    if condition is None:
        return True
    known = row.conditions.get(condition)
    if known is None:
        known = row.conditions[condition] = _holds(row, condition)
    return known


def _holds(row: _Row, condition: tuple[tuple[str, ...], frozenset[str], bool]) -> bool:
    headers, accepted, several = condition
    for header in headers:
        given = row.values.get(header, "") if header else ""
        if given in accepted:
            return True
        if several and given and "" in accepted:
            return True
        if not several and not given and "" in accepted:
            return True
    return False


def _flags(row: _Row) -> dict[str, bool]:
    """Which simultaneous procedures the row chooses, by chooser column (re-entry …)."""
    if row.flags is None:
        ctx = row.ctx
        chosen = ctx.conventions.chosen_code
        row.flags = {
            cell: _code_of(ctx.template, column.code_list, row.values.get(column.header, ""))
            == chosen
            for cell, column in ctx.choosers.items()
        }
    return row.flags


def _section_open(row: _Row, column: BulkColumn) -> bool | None:
    """For the simultaneous-application sheet: does the chosen procedure open this column?

    None for columns outside that sheet.  The choosers (columns B to D in the
    workbooks of 2026) are always open; the common part opens with any
    choice; each procedure's part with its own chooser (the workbook's layout,
    :attr:`~nyukan_rules.BulkTemplate.conventions`).
    """
    if column.header not in row.ctx.section:
        return None
    opened_by = row.ctx.section[column.header]
    if opened_by == "":
        return True
    flags = _flags(row)
    return any(flags.values()) if opened_by is None else flags.get(opened_by, False)


def _points_open(row: _Row, column: BulkColumn) -> bool | None:
    """For the 高度専門職 point sheet: checked only when its column B says 無 (no)."""
    chooser = row.ctx.points_chooser
    if column.sheet != row.ctx.points or chooser is None:
        return None
    if column is chooser:
        return True
    given = row.values.get(chooser.header, "")
    skip = row.ctx.conventions.points_skip_code
    return _code_of(row.ctx.template, chooser.code_list, given) == skip


def _applies(row: _Row, column: BulkColumn) -> tuple[bool, bool]:
    """(the checks apply, a value would be out of place)."""
    if column.header in row.ctx.unconditional:
        return True, False
    opened = _section_open(row, column)
    points = _points_open(row, column)
    condition = _condition_holds(row, column)
    return (
        condition and opened is not False and points is not False,
        opened is False or not condition,
    )


def _check_row(row: _Row) -> None:
    ctx = row.ctx
    for header, raw in row.values.items():
        column = ctx.column_of.get(header)
        if column is None:
            name = header if isinstance(header, str) else f"<{type(header).__name__}>"
            row.add("batch.unknown_column", None, name=name, template=ctx.template.code)
            continue
        if raw is None or raw == "":
            continue
        if not isinstance(raw, str):
            name = raw.type if isinstance(raw, _NotText) else type(raw).__name__
            row.add("batch.not_text", column, type=name)
            continue
        _check_given(row, column, raw)
    # Required columns share few conditions (147 columns, 92 conditions in 04N2): each
    # distinct one is evaluated once per row, and only for a column left empty.
    verdicts: list[bool | None] = [None] * len(ctx.required_groups)
    for column, group in ctx.required:
        given = row.values.get(column.header)
        if given is not None and given != "":
            continue
        needed = verdicts[group]
        if needed is None:
            needed = verdicts[group] = _required_applies(row, ctx.required_groups[group])
        if needed:
            row.add("batch.required", column)
    _check_dates(row)
    _check_name(row)
    for phone, mobile, party in ctx.phone_pairs:
        if (
            not row.values.get(phone.header)
            and not row.values.get(mobile.header)
            and not phone.hidden
            and any(row.values.get(header) for header in party)
            and _applies(row, phone)[0]
        ):
            row.add("batch.phone_required", phone)


def _required_applies(row: _Row, column: BulkColumn) -> bool:
    """Whether an empty ``column`` is missing: it applies to this row."""
    return column.header in row.ctx.unconditional or (
        _condition_holds(row, column)
        and _section_open(row, column) is not False
        and _points_open(row, column) is not False
    )


def _check_given(row: _Row, column: BulkColumn, value: str) -> None:
    ctx = row.ctx
    if _SUSPECT.search(value) is not None:
        if _CONTROL.search(value):
            row.add("batch.control_char", column)
        invalid = _INVALID_CHAR.search(value)
        if invalid is not None:
            rest = sum(1 for _ in _INVALID_CHAR.finditer(value, invalid.end()))
            row.add(
                "batch.invalid_char",
                column,
                index=invalid.start() + 1,
                codepoint=f"U+{ord(invalid.group()):04X}",
                more=rest,
            )
            return  # the other checks would read what cannot be encoded
    if column.hidden:  # the tool checks only the columns the status shows
        row.add(
            "batch.not_applicable",
            column,
            reason="bulk.not_used_by_status",
            template=ctx.template.code,
        )
        return
    applies, out_of_place = _applies(row, column)
    if not applies:
        if out_of_place:
            row.add(
                "batch.not_applicable",
                column,
                reason="bulk.not_used_by_choice",
            )
        return
    if column.parent_list and column.parent_list[0] != _SHOW_SHEET:
        parent = ctx.parent_column(column.parent_list)
        if parent is not None and parent.header != column.header and not row.value(parent):
            row.add(
                "batch.parent_missing",
                column,
                parent=parent.label,
            )
            return
    _check_value(row, column, value)


_Problems = tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]


def _check_value(row: _Row, column: BulkColumn, value: str) -> None:
    """The value-level checks; their outcome depends only on the column and the value,
    except for cascaded code lists, so it is remembered per batch (HR data repeats)."""
    cascaded = bool(column.parent_list and column.parent_list[0] != _SHOW_SHEET)
    key = (column.header, value)
    problems = None if cascaded else row.memo.get(key)
    if problems is None:
        problems = _value_problems(row, column, value)
        if not cascaded and len(row.memo) < _MEMO_LIMIT:
            row.memo[key] = problems
    for code, values in problems:
        row.add(code, column, **dict(values))


_MEMO_LIMIT = 200_000


def _value_problems(row: _Row, column: BulkColumn, value: str) -> _Problems:
    found: list[tuple[str, tuple[tuple[str, Any], ...]]] = []
    # 1. character classes, 2. length, 3. required (elsewhere), 4. code exists: the tool's order.
    if column.classes:
        bad = disallowed(value, column.classes)
        if bad:
            index, char = bad[0]
            found.append(("batch.char_class", (("index", index + 1), ("char", char))))
    if column.length is not None:
        length = utf16_length(value)
        if column.exact and length != column.length:
            found.append(("batch.length", (("limit", column.length), ("length", length))))
        elif not column.exact and length > column.length:
            found.append(("batch.too_long", (("limit", column.length), ("length", length))))
    if (
        column.code_list
        and column.code_list not in _LENIENT_LISTS
        and _code_for(row, column, value) is None
    ):
        found.append(("batch.unknown_code", (("value", value),)))
    if not value.isascii() and CharClass.ANY not in column.classes:
        outside = 0
        for match in outside_jis(frozenset(column.classes)).finditer(value):
            char = match.group()
            outside += 1
            if outside > MAX_FINDINGS_PER_CODE:
                continue  # counted below: one value cannot make a million findings
            suggestion = suggestion_for(char)
            found.append(
                (
                    "batch.outside_jis",
                    (
                        ("index", match.start() + 1),
                        ("char", char),
                        ("suggestion", suggestion or ""),
                    ),
                )
            )
        if outside > MAX_FINDINGS_PER_CODE:
            found.append(
                (
                    "report.more_findings",
                    (
                        ("capped_code", "batch.outside_jis"),
                        ("count", outside - MAX_FINDINGS_PER_CODE),
                        ("limit", MAX_FINDINGS_PER_CODE),
                    ),
                )
            )
    return tuple(found)


def _real_date(text: str, *, unknown_ok: bool) -> bool:
    """A day of the calendar (YYYYMMDD) or a month (YYYYMM).

    Where ``unknown_ok``, also the tool's unknown-part forms: 99999999 (all
    unknown), YYYY0000 (month and day unknown), YYYYMM00 (day unknown).
    """
    if not (text.isascii() and text.isdigit()) or len(text) not in (6, 8):
        return False
    month = int(text[4:6])
    if len(text) == 6:
        return 1 <= month <= 12 or (unknown_ok and month == 0)
    if unknown_ok:
        if text == "99999999" or text[4:] == "0000":
            return True
        if text[6:] == "00":
            return 1 <= month <= 12
    return is_real_date(text)


def _check_dates(row: _Row) -> None:
    """Real calendar dates, whole (YYYYMMDD columns) or split into parts by the tool."""
    ctx, seen = row.ctx, set()
    for header, value in row.values.items():
        column = ctx.column_of.get(header)
        if column is None or not isinstance(value, str) or not value:
            continue
        group = ctx.group_of.get(header)
        if group is not None:
            if group not in seen:
                seen.add(group)
                _check_split_date(row, group)
            continue
        if (
            column.length == 8
            and column.exact
            and ("年月日" in column.label or WHOLE_DATE_PATTERN.search(column.header))
            and value.isascii()
            and value.isdigit()
            and not _real_date(value, unknown_ok=column.unknown_date_ok)
        ):
            row.add("batch.invalid_date", column, value=value, **_unknown(column))


def _check_split_date(row: _Row, parts: tuple[BulkColumn, ...]) -> None:
    texts = [row.values.get(c.header, "") for c in parts]
    if not all(isinstance(t, str) for t in texts):
        return
    joined = "".join(str(t) for t in texts)
    widths = [int(m.group(1)) for c in parts if (m := _GROUP.search(c.date_pattern or ""))]
    bad = next(
        (
            c
            for c, t, w in zip(parts, texts, widths, strict=False)
            if len(t) != w or not t.isdigit()
        ),
        None,
    )
    if bad is not None:
        row.add("batch.invalid_date", bad, value=joined, **_unknown(parts[0]))
    elif not _real_date(joined, unknown_ok=parts[0].unknown_date_ok):
        row.add("batch.invalid_date", parts[0], value=joined, **_unknown(parts[0]))


def _unknown(column: BulkColumn) -> dict[str, bool]:
    return {"unknown": column.unknown_date_ok}


def _check_name(row: _Row) -> None:
    """The applicant's name: the tool does not check it; the form asks capitals."""
    for header in ("txtName", "doji.nameEng"):
        value = row.values.get(header, "")
        column = row.ctx.column_of.get(header)
        if column is not None and isinstance(value, str) and value and not _ROMAN_NAME(value).ok:
            row.add("batch.name_format", column)


class _NotText:
    """Stands for a value that is not text (a list, a dict …) while its row is checked."""

    __slots__ = ("type",)

    def __init__(self, value: object) -> None:
        self.type = type(value).__name__


#: Columns that name an applicant: (header, what it is, ja, en).  The same passport or
#: residence card number on two rows is one person twice (issue 9 item 4).
_ID_HEADERS = (
    ("txtPassportNum", "passport", "id.passport"),
    ("WCCCS020Dto:txtZiryCardNum", "card", "id.residence_card"),
    ("WCCCS040Dto:txtZiryCardNum", "card", "id.residence_card"),
)


def _same_applicant(
    values: Mapping[Any, Any],
    index: int,
    ctx: TemplateChecks,
    seen: dict[tuple[str, str], int],
    numbers: list[int] | None,
) -> Finding | None:
    """``batch.duplicate_applicant`` where the row's passport or card is an earlier row's."""
    found = None
    for header, what, term in _ID_HEADERS:
        column = ctx.column_of.get(header)
        value = values.get(header) if column is not None else None
        if not isinstance(value, str) or not value.strip():
            continue
        if column is not None and column.length is not None and len(value) > column.length:
            continue  # too long: an error of its own, and no number of anybody
        text = value.strip()
        key = (what, text.upper() if text.isascii() else text)
        first = seen.get(key)
        if first is None:
            seen[key] = index
        elif found is None:
            shown = (numbers[index], numbers[first]) if numbers is not None else (index, first)
            found = attrs.evolve(
                make_finding(
                    "batch.duplicate_applicant",
                    field=header,
                    row=shown[0] + 1,
                    first=shown[1] + 1,
                    what=term,
                    value=text[:40],
                ),
                row=index,
            )
    return found


def bulk_findings(
    rows: Iterable[object],
    ctx: TemplateChecks,
    counter: list[int],
    numbers: list[int] | None = None,
    counts: dict[str, int] | None = None,
) -> Iterator[Finding]:
    """Every finding of every row, at its 0-based index; ``numbers`` (where given) are the
    0-based numbers a person knows each row by (a file's line, a batch's record).  With
    ``counts``, the row checks build at most ``MAX_FINDINGS_PER_CODE`` findings of a code
    and count the rest there."""
    memo: dict[tuple[str, str], Any] = {}  # value-level outcomes, for this batch only
    seen: dict[tuple[str, str], int] = {}  # applicant's id -> first row
    for index, values in enumerate(rows):
        counter[0] += 1
        if not isinstance(values, Mapping):
            finding = make_finding("batch.not_a_row", row=index + 1, type=type_name(values))
            yield attrs.evolve(finding, row=index)
            continue
        row = _Row(index, values, ctx, memo, counts)
        try:
            _check_row(row)
        except TypeError:
            # An unhashable value (a list, a dict) met a lookup: check the row again with
            # every value that is not text standing as such (each is batch.not_text).
            safe = {
                key: value if value is None or isinstance(value, str) else _NotText(value)
                for key, value in values.items()
            }
            row = _Row(index, safe, ctx, memo, counts)  # type: ignore[arg-type]
            _check_row(row)
        yield from row.findings
        duplicate = _same_applicant(values, index, ctx, seen, numbers)
        if duplicate is not None:
            yield duplicate


def validate_bulk_rows(rows: Iterable[object], *, template: BulkTemplate | str) -> BatchReport:
    """Every problem of every row, each with its ``row`` (0-based) and ``field``.

    Rows may come from any iterable (a generator of 100,000 rows is fine):
    memory grows with the findings and the applicants' passport and card
    numbers, not with the rows.  The same passport or residence card number
    on a later row is ``batch.duplicate_applicant`` at that row, naming the
    first (both counted from 1 in the message).  Any value of any row
    gives findings, never an exception (a value that is not text is
    ``batch.not_text``; control and format characters and lone surrogates
    are ``batch.invalid_char``).  A str, bytes or a single mapping given as
    ``rows`` raises :class:`~nyukan_rules.ArgumentTypeError`.

    >>> report = validate_bulk_rows([{"txtName": "Houmu taro"}], template="04N2")
    >>> report.ok, "batch.name_format" in report.codes
    (False, True)
    """
    ensure_rows(rows, "rows")
    ctx = as_template(template).checks
    counter = [0]
    findings = list(bulk_findings(rows, ctx, counter))
    return BatchReport(findings, rows=counter[0])


def code_lists_for(template: BulkTemplate, row: Mapping[str, str], column: BulkColumn) -> list[str]:
    """The names of the code lists a value of ``column`` may come from in ``row``, the
    list its parent's choice selects first (the tool's cascade, mdMain.setValid)."""
    return _lists_for(_Row(0, row, template.checks), column)


def column_applies(
    template: BulkTemplate, row: Mapping[str, str], column: BulkColumn
) -> tuple[bool, bool]:
    """(the column's checks apply to ``row``, a value there would be out of place)."""
    return _applies(_Row(0, row, template.checks), column)


def cascaded(column: BulkColumn) -> bool:
    """True when the choice in another column selects ``column``'s code list."""
    return bool(column.parent_list and column.parent_list[0] != _SHOW_SHEET)


def output_value(
    checks: TemplateChecks, row: Mapping[str, str], column: BulkColumn, value: str
) -> str:
    """``value`` as the upload file holds it: a label of the column's list as its code."""
    if column.code_list and value:
        return _code_for(_Row(0, row, checks), column, value) or value
    return value
