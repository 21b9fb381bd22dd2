"""The column-at-a-time fast path gives what normalize() and check_field() give value by value.

The batch functions normalize and check a block's column at once
(nyukan_rules.text._columns); these property tests hold them to the
per-value answers, the rules of which come from the agency's bulk workbooks and
form help (field_rules.json, sources isa-bulk-template-tool and rasens-form-help).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nyukan_rules.text import normalizers
from nyukan_rules.text._columns import SEP, failing_rows, normalize_many, suspects
from nyukan_rules.text.fields import (
    FIELD_RULES,
    NORMALIZERS,
    FieldKind,
    _clean,
    check_field,
    column_rule,
)

#: Characters that make normalizing and checking interesting: spaces of every kind,
#: half-width kana and voicing marks, full-width ASCII, hyphens, date marks, era
#: names, a NUL, controls, a character outside JIS (髙), one outside the BMP, a lone
#: surrogate, plus signs, accented Latin.
ALPHABET = (
    "aZ09 -/.@+＋\u3000\u00a0\u2009ｶﾞﾟｱﾊアガ漢髙𠮷\x00\t\r\n\ud800é年月日令和平成元"
    "ＡＢ１２－（）〒_,'\"=!~ー"
)
values = st.text(alphabet=ALPHABET, max_size=14)
dates = st.one_of(
    values,
    st.dates().map(lambda d: d.strftime("%Y/%m/%d")),
    st.dates().map(lambda d: d.strftime("%Y%m%d")),
    st.dates().map(lambda d: f"{d.year}-{d.month}-{d.day}"),
    st.sampled_from(["2025/0401", "20250230", "00000101", "20240229", "21000229", "令和7年4月1日"]),
)
columns = st.lists(values, max_size=40)
KINDS = list(FieldKind)


@settings(deadline=None, max_examples=60)
@given(st.sampled_from(KINDS), columns)
def test_a_column_normalizes_as_each_value_does(kind: FieldKind, column: list[str]) -> None:
    normalizer = NORMALIZERS[kind]
    assert normalize_many(normalizer, column) == [normalizer(v) for v in column]


@settings(deadline=None, max_examples=60)
@given(st.lists(dates, max_size=40))
def test_a_column_of_dates_normalizes_as_each_date_does(column: list[str]) -> None:
    assert normalize_many(normalizers.ymd, column) == [normalizers.ymd(v) for v in column]


@settings(deadline=None, max_examples=20)
@given(st.sampled_from(KINDS), st.lists(values, min_size=1, max_size=6))
def test_a_long_column_of_repeated_values_normalizes_as_each_value_does(
    kind: FieldKind, few: list[str]
) -> None:
    column = few * 200  # past the sample that tells a column whose values repeat
    normalizer = NORMALIZERS[kind]
    assert normalize_many(normalizer, column) == [normalizer(v) for v in column]


def _failing(kind: FieldKind, column: list[str], max_length: int | None) -> set[int]:
    return {i for i, v in enumerate(column) if v and not _clean(kind, v, max_length)}


@settings(deadline=None, max_examples=80)
@given(st.sampled_from(KINDS), columns, st.sampled_from([None, 3, 8]))
def test_every_value_that_fails_is_a_suspect(
    kind: FieldKind, column: list[str], max_length: int | None
) -> None:
    found = set(suspects(column, column_rule(kind, max_length)))
    assert _failing(kind, column, max_length) <= found
    assert all(column[i] for i in found)  # empty values are the caller's


@settings(deadline=None, max_examples=80)
@given(st.sampled_from(KINDS), st.lists(st.one_of(values, dates), max_size=40))
def test_a_normalized_column_is_checked_exactly(kind: FieldKind, column: list[str]) -> None:
    """What the batch functions check: normalized values.  The column scan names
    exactly those that fail (none that pass), so passing values cost nothing more.
    (A column holding a NUL, which no field takes, is checked value by value.)"""
    clean = normalize_many(NORMALIZERS[kind], [v for v in column if SEP not in v])
    found = set(suspects(clean, column_rule(kind, None)))
    assert found == _failing(kind, clean, None)
    for i in found:
        assert check_field(clean[i], kind).findings  # an error or a warning (髙: outside JIS)


def test_a_date_column_knows_the_calendar() -> None:
    """Leap days of years divisible by 4, not by 100 unless by 400 (is_real_date)."""
    rule = column_rule(FieldKind.DATE, None)
    column = [
        "20240229",
        "21000229",
        "20000229",
        "20230229",
        "00000101",
        "00000229",  # year 0 is no year, leap or not
        "20251231",
        "20250431",
    ]
    assert [column[i] for i in suspects(column, rule)] == [
        "21000229",
        "20230229",
        "00000101",
        "00000229",
        "20250431",
    ]


def test_a_shape_never_runs_on_into_the_next_value() -> None:
    """An e-mail without a dot must fail even when the next value would complete it."""
    rule = column_rule(FieldKind.EMAIL, None)
    assert suspects(["a@b", "c.d", "x@y.z"], rule) == [0, 1]


def test_failing_rows_are_found_from_one_to_the_next() -> None:
    import re

    lines = re.compile(r"(?:\d+\x00)*+")
    text = SEP.join(["1", "x", "22", "", "y", "3"]) + SEP
    assert list(failing_rows(text, lines)) == [1, 3, 4]


def test_every_kind_has_a_column_rule() -> None:
    assert set(FIELD_RULES) == set(KINDS)
    for kind in KINDS:
        assert column_rule(kind, None).lines.match("\x00").end() == 1  # an empty value passes


def test_the_outside_jis_scan_is_the_character_by_character_definition() -> None:
    """outside_jis finds each class's characters over the whole plane at once: the same
    set as testing each character (JIS X 0208 in the Windows mapping, source
    rasens-form-help's character rules)."""
    import re

    from nyukan_rules.text.charclass import CharClass, allowed_char
    from nyukan_rules.text.charset import class_of, jis_x0208, outside_jis, special_body

    excluded = class_of(jis_x0208()) + special_body() + " -~\uff61-\uff9f"
    skip = re.compile(f"[{excluded}]")
    for classes in (
        frozenset({CharClass.KANJI}),
        frozenset({CharClass.FULLWIDTH_KANA, CharClass.FULLWIDTH_SPACE, CharClass.HIRAGANA}),
        frozenset({CharClass.FULLWIDTH_LETTER, CharClass.FULLWIDTH_SYMBOL, CharClass.KANJI}),
    ):
        allowed = allowed_char(classes)
        chars = {
            chr(c)
            for c in range(0x10000)
            if allowed.fullmatch(chr(c)) and not skip.fullmatch(chr(c))
        }
        pattern = outside_jis(classes)
        found = set(pattern.findall("".join(map(chr, range(0x10000)))))
        assert found == chars, classes
