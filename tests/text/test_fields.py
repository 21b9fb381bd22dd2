"""normalize() and check_field() against the official field rules.

Sources: rasens-form-help (the online form's help text), isa-bulk-template-tool
(classes and lengths in UTF-16 units), corporate-number-check-digit.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nyukan_rules as nr

F = nr.FieldKind


# The examples and the form's help text.
@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("ｙａｍａｄａ　　ｔａｒｏ", F.ROMAN_NAME, "YAMADA TARO"),
        ("  houmu   taro ", F.ROMAN_NAME, "HOUMU TARO"),
        ("〒１００－０００１", F.POSTAL_CODE, "1000001"),
        ("123-4567", F.POSTAL_CODE, "1234567"),
        ("03-1234-5678", F.PHONE, "0312345678"),
        ("０９０ー１２３４ー５６７８", F.PHONE, "09012345678"),
        ("+81 90-1234-5678", F.PHONE, "09012345678"),
        ("(03)1234-5678", F.PHONE, "0312345678"),
        ("東京都千代田区霞が関1-1-1", F.ADDRESS, "東京都千代田区霞が関１－１－１"),
        ("東京都千代田区霞が関１−１−１", F.ADDRESS, "東京都千代田区霞が関１－１－１"),  # U+2212
        ("ﾔﾏﾀﾞ ﾀﾛｳ", F.FULLWIDTH_NAME, "ヤマダ\u3000タロウ"),
        ("ﾊﾟｳﾞｪﾙ", F.FULLWIDTH_NAME, "パヴェル"),
        ("ab12345678cd", F.RESIDENCE_CARD_NUMBER, "AB12345678CD"),
        ("ＡＢ １２３４５６７８ ＣＤ", F.RESIDENCE_CARD_NUMBER, "AB12345678CD"),
        ("tz1234567", F.PASSPORT_NUMBER, "TZ1234567"),
        ("2025/4/1", F.DATE, "20250401"),
        ("2025年4月1日", F.DATE, "20250401"),
        ("２０２５－０４－０１", F.DATE, "20250401"),
        ("令和7年4月1日", F.DATE, "20250401"),
        ("平成元年1月8日", F.DATE, "19890108"),
        ("2025/4", F.YEAR_MONTH, "202504"),
        ("2025年4月", F.YEAR_MONTH, "202504"),
        ("２０２５年", F.YEAR, "2025"),
        ("5-8356-7825-6246", F.CORPORATE_NUMBER, "5835678256246"),
        ("１，０００", F.DIGITS, "1,000"),  # the comma is not a separator: reported
        (" ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ ", F.EMAIL, "taro@example.jp"),
        ("1995\u301c2001", F.FREE_TEXT, "1995\uff5e2001"),
    ],
)
def test_normalize(value: str, kind: nr.FieldKind, expected: str) -> None:
    assert nr.normalize(value, kind) == expected


def test_names_keep_their_kanji() -> None:
    # NFC would turn U+FA10 into U+585A and NFKC would drop the compatibility forms:
    # normalize never changes a legal name behind the caller's back.
    for name in ("\u9ad9橋", "\ufa10本", "\ufa11山"):
        assert nr.normalize(name, F.FULLWIDTH_NAME) == name


def test_a_lone_voicing_mark_is_reported_not_hidden() -> None:
    value = nr.normalize("ｱﾞｲ", F.FULLWIDTH_NAME)
    assert value == "アﾞイ"
    assert nr.check_field(value, F.FULLWIDTH_NAME).codes == ("field.unsupported_char",)


def test_hyphens_are_separators_only_in_numeric_fields() -> None:
    assert nr.normalize("ABC-DEF", F.FULLWIDTH_TEXT) == "ＡＢＣ－ＤＥＦ"
    assert nr.normalize("ホテル・ニュー-オータニ", F.FULLWIDTH_TEXT) == "ホテル・ニュー－オータニ"
    assert nr.normalize("ハイツ-202", F.ADDRESS) == "ハイツ－２０２"


@pytest.mark.parametrize(
    ("value", "kind", "codes"),
    [
        ("HOUMU TARO", F.ROMAN_NAME, ()),
        ("HOUMU  TARO", F.ROMAN_NAME, ("field.format",)),
        ("Houmu Taro", F.ROMAN_NAME, ("field.unsupported_char",) * 7),
        ("A" * 105, F.ROMAN_NAME, ("field.too_long",)),
        ("東京都千代田区１－１－１", F.ADDRESS, ()),
        ("東" * 86, F.ADDRESS, ("field.too_long",)),
        ("法務　たろう", F.FULLWIDTH_NAME, ()),
        ("1000001", F.POSTAL_CODE, ()),
        ("0000000", F.POSTAL_CODE, ()),
        ("100001", F.POSTAL_CODE, ("field.format",)),
        ("100-0001", F.POSTAL_CODE, ("field.too_long", "field.unsupported_char")),
        ("0312345678", F.PHONE, ()),
        ("0" * 13, F.PHONE, ("field.too_long", "field.format")),
        ("taro@example.jp", F.EMAIL, ()),
        ("taro.example.jp", F.EMAIL, ("field.format",)),
        ("AB12345678CD", F.RESIDENCE_CARD_NUMBER, ()),
        ("AB1234567CDE", F.RESIDENCE_CARD_NUMBER, ("field.format",)),
        ("5835678256246", F.CORPORATE_NUMBER, ()),
        ("5835678256247", F.CORPORATE_NUMBER, ("field.check_digit",)),
        ("12345678901", F.EMPLOYMENT_INSURANCE_NUMBER, ()),
        ("20250401", F.DATE, ()),
        ("20250230", F.DATE, ("field.invalid_date",)),
        ("20240229", F.DATE, ()),
        ("202513", F.YEAR_MONTH, ("field.format",)),
        ("2025", F.YEAR, ()),
        ("1" * 16, F.DIGITS, ("field.too_long",)),
        ("x" * 600, F.FREE_TEXT, ()),
        ("x" * 601, F.FREE_TEXT, ("field.too_long",)),
    ],
)
def test_check_field(value: str, kind: nr.FieldKind, codes: tuple[str, ...]) -> None:
    assert nr.check_field(value, kind).codes == codes


def test_required_and_empty() -> None:
    assert nr.check_field("", F.PHONE, required=True).codes == ("field.required",)
    assert nr.check_field(None, F.PHONE, required=True).codes == ("field.required",)
    assert nr.check_field("", F.PHONE).ok


def test_max_length_override_and_utf16_counting() -> None:
    assert nr.check_field("123456", F.DIGITS, max_length=5).codes == ("field.too_long",)
    # 𠮷 counts two units, as VBA Len does.
    value = "\U00020bb7" + "田" * 25
    assert nr.utf16_length(value) == 27
    assert "field.too_long" in nr.check_field(value, F.FULLWIDTH_NAME).codes


def test_character_findings_name_position_and_suggestion() -> None:
    report = nr.check_field("東京都1-1", F.ADDRESS)
    first = report.errors[0]
    assert first.code == "field.unsupported_char"
    assert first.field == "address"
    # Positions count from 1 (issue 10: "0文字目" was read from 0).
    assert "4文字目「1」" in first.message_ja
    assert "（候補：１）" in first.message_ja
    assert "position 4" in first.message_en
    assert "suggestion: １" in first.message_en


def test_outside_jis_is_a_warning_with_a_suggestion() -> None:
    report = nr.check_field("\u9ad9橋　一郎", F.FULLWIDTH_NAME)
    assert report.ok
    assert report.codes == ("field.outside_jis",)
    assert "高" in report.warnings[0].message_en


def test_many_bad_characters_are_capped() -> None:
    report = nr.check_field("x" * 50, F.POSTAL_CODE)
    assert report.codes.count("field.unsupported_char") == 20
    assert report.codes.count("field.more_unsupported_chars") == 1


def test_junk_is_a_finding_not_a_crash() -> None:
    for junk in (42, 4.2, b"bytes", ["list"], object()):
        assert nr.check_field(junk, F.PHONE).codes == ("field.not_text",)
    with pytest.raises(nr.UnknownNameError):
        nr.check_field("x", "no such kind")
    with pytest.raises(nr.ArgumentTypeError, match="value must be a str, not an int"):
        nr.normalize(42, F.PHONE)  # type: ignore[arg-type]


def test_every_kind_has_a_rule_and_sources() -> None:
    for kind in F:
        rule = kind.rule
        assert rule.classes
        assert rule.sources
        assert rule.expected_en


# --- properties --------------------------------------------------------------------

kinds = st.sampled_from(list(F))
texts = st.text(
    alphabet=st.sampled_from(
        list(
            "0123456789abcXYZ -ー－−/年月日〒()（）＠@.東京都千代田区ｱｶﾞﾊﾟﾞﾟａｂ１２　\t髙\u301c\u2212①"
        )
    ),
    max_size=30,
)


@settings(deadline=None, max_examples=100)
@given(texts, kinds)
def test_normalize_is_idempotent(value: str, kind: nr.FieldKind) -> None:
    once = nr.normalize(value, kind)
    assert nr.normalize(once, kind) == once


NUMERIC = {
    F.POSTAL_CODE, F.PHONE, F.CORPORATE_NUMBER, F.EMPLOYMENT_INSURANCE_NUMBER, F.DIGITS, F.DATE,
    F.YEAR_MONTH, F.YEAR, F.RESIDENCE_CARD_NUMBER, F.PASSPORT_NUMBER,
}  # fmt: skip
DROPPABLE = set(" \u3000\t-ー－−()（）〒+/年月日.")


@settings(deadline=None, max_examples=100)
@given(texts, kinds)
def test_normalize_never_loses_a_character_silently(value: str, kind: nr.FieldKind) -> None:
    # Every character either survives (in some width) or is a separator the field drops.
    out = nr.normalize(value, kind)
    kept = [c for c in value if c not in DROPPABLE]
    if kind not in NUMERIC:
        # text fields only drop runs of spaces
        kept = [c for c in value if not c.isspace()]
        assert sum(1 for c in out if not c.isspace()) >= len(kept) - value.count("ﾞ") - value.count(
            "ﾟ"
        )
    else:
        assert len(out) >= len(kept) - value.count("ﾞ") - value.count("ﾟ") - value.count("+")


@settings(deadline=None, max_examples=100)
@given(texts, kinds)
def test_normalized_values_pass_or_the_report_says_why(value: str, kind: nr.FieldKind) -> None:
    out = nr.normalize(value, kind)
    report = nr.check_field(out, kind)
    if not report.ok:
        assert report.errors
        assert all(f.message_en and f.message_ja for f in report.errors)
