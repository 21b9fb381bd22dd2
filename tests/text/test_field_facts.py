"""One home per field fact, and the fast path of check_field that must not change answers.

Sources: corporate-number-check-digit (法人番号の指定等に関する省令 第2条: the
check digit), rasens-form-help (identifier shapes), isa-bulk-template-tool
(character classes), jis-x-0208-windows (the repertoire).  Issue 11 item 3
(one home per fact), issue 13 (check_field without allocation for a value
that passes).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nyukan_rules as nr
from nyukan_rules.text import fields
from nyukan_rules.text.charclass import CharClass, disallowed
from nyukan_rules.text.charset import outside_jis, outside_pattern
from nyukan_rules.text.ids import corporate_number, passport, postal_code, residence_card

F = nr.FieldKind

# Characters that exercise every path: ASCII, full-width, kana, kanji in and out of
# JIS X 0208, vendor extensions, controls, format characters, a lone surrogate, astral.
_SPECIAL = ["\t", "\x00", "\u202e", "\ufeff", "\udc80", "\U00013439"]
_ALPHABET = st.sampled_from([*"AZaz09 -./@,", *"０９ＡＺあアー　東京髙①㈱ﾔﾞ～−𠮷😀éß", *_SPECIAL])
_VALUES = st.text(_ALPHABET, max_size=16) | st.sampled_from(
    ["19900101", "19900230", "5835678256246", "1835678256246", "1000001", "AB12345678CD",
     "TZ1234567", "HOUMU TARO", "houmu@example.jp", "202504", "2025", "平成31年5月1日"]
)  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "identifier"),
    [
        (F.PASSPORT_NUMBER, passport.IDENTIFIER),
        (F.RESIDENCE_CARD_NUMBER, residence_card.IDENTIFIER),
        (F.POSTAL_CODE, postal_code.IDENTIFIER),
        (F.CORPORATE_NUMBER, corporate_number.IDENTIFIER),
    ],
)
def test_an_identifier_field_reads_its_shape_from_the_identifier(kind, identifier):
    # rasens-form-help: one home for each pattern and length (issue 11 item 3).
    rule = kind.rule
    assert rule.pattern == identifier.pattern
    assert rule.max_length == identifier.max_length
    assert rule.exact_length == (len(identifier.lengths) == 1)


@settings(deadline=None, max_examples=300)
@given(st.text("0123456789", min_size=13, max_size=13))
def test_the_check_digit_is_python_stdnums(digits):
    # corporate-number-check-digit: the one implementation agrees with stdnum.jp.cn.
    from stdnum.jp import cn

    assert corporate_number.has_valid_check_digit(digits) == bool(cn.is_valid(digits))


def test_the_check_digit_refuses_what_is_not_13_ascii_digits():
    assert not corporate_number.has_valid_check_digit("５８３５６７８２５６２４６")
    assert not corporate_number.has_valid_check_digit("583567825624")
    assert nr.check_field("1835678256246", "corporate_number").codes == ("field.check_digit",)


@settings(deadline=None, max_examples=400)
@given(_VALUES, st.sampled_from(list(F)))
def test_the_fast_path_passes_exactly_what_the_check_finds_nothing_in(value, kind):
    # Issue 13: the allocation-free verdict must be the full check's verdict.
    full = fields._check(kind, value, required=False, max_length=None, field=None, label=None)
    assert fields._passes(kind, value, None) == (value != "" and not full.findings)
    assert nr.check_field(value, kind) == full


@settings(deadline=None, max_examples=200)
@given(_VALUES, st.sampled_from(list(F)), st.booleans(), st.sampled_from([None, 1, 5, 30]))
def test_field_checker_answers_as_check_field(value, kind, required, max_length):
    check = nr.field_checker(kind, required=required, max_length=max_length, field="f")
    expected = nr.check_field(value, kind, required=required, max_length=max_length, field="f")
    assert check(value) == expected


def test_a_value_that_passes_gets_the_one_shared_report():
    # Issue 13: nothing is built for a value that passes.
    first = nr.check_field("1000001", "postal_code")
    assert first.ok
    assert nr.check_field("1000001", "postal_code") is first
    assert nr.field_checker("postal_code")("1000001") is first


def test_field_checker_checks_its_arguments_once():
    with pytest.raises(nr.ArgumentTypeError):
        nr.field_checker("text", required="yes")
    with pytest.raises(nr.UnknownNameError):
        nr.field_checker("no such kind")


def test_check_field_checks_its_arguments_even_for_a_value_that_passes():
    with pytest.raises(nr.ArgumentTypeError):
        nr.check_field("1000001", "postal_code", field=3)


@settings(deadline=None, max_examples=200)
@given(st.text(_ALPHABET, max_size=12), st.sets(st.sampled_from(list(CharClass)), max_size=4))
def test_the_one_outside_jis_scan(value, classes):
    # jis-x-0208-windows: a character the classes allow, outside JIS X 0208 and printable
    # ASCII, neither half-width kana nor a control, format or surrogate character.
    allowed = frozenset(classes)
    found = [m.start() for m in outside_jis(allowed).finditer(value)]
    special = fields._refused(frozenset())  # the specials are what no class refuses
    expected = [
        m.start()
        for m in outside_pattern().finditer(value)
        if not "\uff61" <= m.group() <= "\uff9f"
        and special.fullmatch(m.group())
        and (not allowed or CharClass.ANY in allowed or not disallowed(m.group(), allowed))
    ]
    assert found == expected


def test_every_kind_has_one_row_of_the_rules_file():
    # isa-bulk-template-tool, rasens-form-help: the rules are data, one row a kind.
    import json
    from importlib import resources

    data = json.loads(
        resources.files("nyukan_rules.text").joinpath("field_rules.json").read_text("utf-8")
    )
    kinds = [row["kind"] for row in data["rules"]]
    assert sorted(kinds) == sorted(kind.value for kind in F)
    assert set(fields.FIELD_RULES) == set(F)
    assert nr.FieldKind.ROMAN_NAME.rule.max_length == 104
    assert all(rule.source_ids for rule in fields.FIELD_RULES.values())
