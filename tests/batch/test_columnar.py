"""Blocks of plain records go a column at a time; the answers are the row-by-row ones.

normalize_records, validate_records and iter_roster take a block of plain dicts
(what a CSV gives) column by column; any other record goes row by row.  A dict
subclass is not plain, so the same records in one give the row-by-row answer to
compare with.  The rules themselves are the spec's (DEFAULT_APPLICANT_SPEC: the
online form's fields, sources isa-bulk-template-tool and rasens-form-help).
"""

from __future__ import annotations

from datetime import date

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from nyukan_rules.batch import iter_roster, normalize_records, validate_records
from nyukan_rules.batch.records import DEFAULT_APPLICANT_SPEC, regular_columns
from nyukan_rules.batch.stream import iter_read_csv
from nyukan_rules.examples import EXAMPLE_HR_COLUMNS, example_hr_export

ON = date(2026, 11, 22)


class Row(dict):  # type: ignore[type-arg]
    """A record that is not a plain dict: it goes row by row."""


ODD_VALUES = [
    "",
    " ",
    "無期限",
    "永住者",
    "高度専門職2号",
    "技術・人文知識・国際業務",
    "1年",
    "5年",
    "7年",
    "男",
    "女",
    "ベトナム",
    "2030/01/31",
    "2026/11/21",
    "2026/11/22",
    "2026/11/23",
    "2020-02-29",
    "20271301",
    "ﾔﾏﾀﾞ ﾀﾛｳ",
    "yamada  taro ",
    "髙橋",
    "\x00",
    "a\tb",
    "=1+1",
    "+81 90-1234-5678",
    "〒100-0001",
    "AB12345678CD",
    "ab１２３４５６７８cd",
    "C1234567",
    "5835678256246",
    "e@example.jp",
    "９９９９",
]
ODD = st.sampled_from(ODD_VALUES)
NAMES = [f.name for f in DEFAULT_APPLICANT_SPEC.fields]


@st.composite
def blocks(draw: st.DrawFn) -> list[dict[str, str]]:
    names = draw(st.lists(st.sampled_from([*NAMES, "note"]), min_size=1, max_size=8, unique=True))
    count = draw(st.integers(min_value=1, max_value=12))
    return [{n: draw(ODD) for n in names} for _ in range(count)]


@settings(deadline=None, max_examples=60)
@given(blocks())
def test_normalize_records_column_by_column_is_row_by_row(block: list[dict[str, str]]) -> None:
    assert regular_columns(block) is not None
    plain = normalize_records(block)
    rows = normalize_records([Row(r) for r in block])
    assert plain[0] == rows[0]
    assert plain[1].findings == rows[1].findings


@settings(deadline=None, max_examples=60)
@given(blocks())
def test_validate_records_column_by_column_is_row_by_row(block: list[dict[str, str]]) -> None:
    for records in (block, normalize_records(block)[0]):  # as given, and normalized
        plain = validate_records(records, on=ON)
        rows = validate_records([Row(r) for r in records], on=ON)
        assert plain.findings == rows.findings


@settings(deadline=None, max_examples=40)
@given(blocks())
def test_the_roster_column_by_column_is_row_by_row(block: list[dict[str, str]]) -> None:
    plain = list(iter_roster(block, on=ON))
    rows = list(iter_roster([Row(r) for r in block], on=ON))
    assert [(r.row, r.record, r.findings, r.plan) for r in plain] == [
        (r.row, r.record, r.findings, r.plan) for r in rows
    ]


def test_every_odd_value_in_every_field_column_by_column_is_row_by_row() -> None:
    """Each odd value in each field of the spec (a block of them, shifted a field a row)."""
    n = len(ODD_VALUES)
    block = [
        {name: ODD_VALUES[(i + k) % n] for k, name in enumerate([*NAMES, "note"])} for i in range(n)
    ]
    plain = list(iter_roster(block, on=ON))
    rows = list(iter_roster([Row(r) for r in block], on=ON))
    assert [(r.record, r.findings, r.plan) for r in plain] == [
        (r.record, r.findings, r.plan) for r in rows
    ]
    for records in (block, normalize_records(block)[0]):  # as given, and normalized
        assert validate_records(records, on=ON).findings == (
            validate_records([Row(r) for r in records], on=ON).findings
        )
    assert (
        normalize_records(block)[1].findings
        == normalize_records([Row(r) for r in block])[1].findings
    )


def test_a_real_roster_column_by_column_is_row_by_row() -> None:
    """The example HR export (misspelt status, impossible date, duplicate passport…)."""
    people = list(iter_read_csv(example_hr_export(), columns=EXAMPLE_HR_COLUMNS))
    plain = list(iter_roster(people, on=ON))
    rows = list(iter_roster([Row(r) for r in people], on=ON))
    assert [(r.record, r.findings, r.plan) for r in plain] == [
        (r.record, r.findings, r.plan) for r in rows
    ]
    assert any(r.findings for r in plain)


def test_a_status_and_period_that_are_unique_fields_say_indefinite_once() -> None:
    """無期限 for a status that has a period is one finding, whatever the unique fields."""
    spec = attrs.evolve(DEFAULT_APPLICANT_SPEC, unique_fields=("period_of_stay", "status"))
    block = [{"status": "留学", "period_of_stay": "無期限"}]
    plain = validate_records(block, on=ON, spec=spec)
    rows = validate_records([Row(r) for r in block], on=ON, spec=spec)
    assert plain.findings == rows.findings
    assert [f.code for f in plain.findings].count("record.indefinite_period") == 1


def test_what_is_not_plain_goes_row_by_row() -> None:
    assert regular_columns([{"a": "1"}, {"b": "1"}]) is None  # other names
    assert regular_columns([{"a": "1", "b": "2"}, {"a": "1", "c": "2"}]) is None  # other names
    # The same names in another order are plain: the columns follow the first's names.
    assert regular_columns([{"a": "1", "b": "2"}, {"b": "3", "a": "4"}]) == (
        ("a", "b"),
        [("1", "4"), ("2", "3")],
    )
    assert regular_columns([{"a": "1"}, {"a": None}]) is None  # not text
    assert regular_columns([{"a": "1"}, Row(a="1")]) is None  # not a dict
    assert regular_columns([{1: "1"}]) is None  # a name that is not text
    assert regular_columns([{"a": "1", "b": "2"}]) == (("a", "b"), [("1",), ("2",)])


def test_the_same_names_in_another_order_are_still_a_column_at_a_time() -> None:
    """Records with the same names in different orders (an unknown one among them) give
    the row-by-row answers: each record keeps its order, each its unknown field."""
    block = [
        {"employee_id": "E1", "note": "a", "status": "技人国", "period_of_stay": "1年"},
        {"note": "b", "period_of_stay": "1年", "employee_id": "E2", "status": "留学"},
        {"status": "無期限", "employee_id": " E3", "period_of_stay": "無期限", "note": ""},
    ]
    assert regular_columns(block) is not None
    plain, rows = normalize_records(block), normalize_records([Row(r) for r in block])
    assert plain[0] == rows[0]
    assert [list(r) for r in plain[0]] == [list(r) for r in block]  # each record's order
    assert plain[1].findings == rows[1].findings
    for records in (block, plain[0]):
        assert validate_records(records, on=ON).findings == (
            validate_records([Row(r) for r in records], on=ON).findings
        )
    roster = list(iter_roster(block, on=ON))
    assert [(r.record, r.findings, r.plan) for r in roster] == [
        (r.record, r.findings, r.plan) for r in iter_roster([Row(r) for r in block], on=ON)
    ]
