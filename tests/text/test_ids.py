"""Identifier helpers in python-stdnum's style.

Sources: rasens-form-help (shapes), corporate-number-check-digit (checked by
python-stdnum's stdnum.jp.cn: 5835678256246, 4011001098993 and 7010705000725
are the sheet's known-good numbers).
"""

from __future__ import annotations

import pytest

import nyukan_rules as nr

ids = nr.ids


@pytest.mark.parametrize("number", ["5835678256246", "4011001098993", "7010705000725"])
def test_corporate_numbers(number: str) -> None:
    assert ids.corporate_number.validate(number) == number
    assert ids.corporate_number.is_valid(f"{number[0]}-{number[1:5]}-{number[5:9]}-{number[9:]}")
    assert ids.corporate_number.format(number).replace("-", "") == number


def test_corporate_number_errors() -> None:
    with pytest.raises(nr.InvalidChecksumError):
        ids.corporate_number.validate("5835678256247")
    with pytest.raises(nr.InvalidLengthError):
        ids.corporate_number.validate("583567825624")
    with pytest.raises(nr.InvalidFormatError):
        ids.corporate_number.validate("58356782562A6")
    assert not ids.corporate_number.is_valid(None)


def test_residence_card() -> None:
    assert ids.residence_card.validate("ａｂ１２３４５６７８ｃｄ") == "AB12345678CD"
    assert ids.residence_card.format("ab-1234-5678-cd") == "AB12345678CD"
    with pytest.raises(nr.InvalidLengthError):
        ids.residence_card.validate("AB1234567CD")
    with pytest.raises(nr.InvalidFormatError):
        ids.residence_card.validate("A112345678CD")


def test_postal_code() -> None:
    assert ids.postal_code.validate("〒100-0001") == "1000001"
    assert ids.postal_code.format("1000001") == "100-0001"
    assert ids.postal_code.is_valid(ids.postal_code.UNKNOWN)
    assert not ids.postal_code.is_valid("100-001")


def test_phone() -> None:
    assert ids.phone.validate("03-1234-5678") == "0312345678"
    assert ids.phone.validate("+81 3 1234 5678") == "0312345678"
    assert ids.phone.format("09012345678") == "090-1234-5678"
    assert ids.phone.format("0312345678") == "03-1234-5678"
    assert ids.phone.format("0120123456") == "0120-123-456"
    assert not ids.phone.is_valid("1234")
    assert not ids.phone.is_valid("031234567890")


def test_passport() -> None:
    assert ids.passport.validate("tz 123 4567") == "TZ1234567"
    assert not ids.passport.is_valid("A" * 13)
    assert not ids.passport.is_valid("AB#1234")


@pytest.mark.parametrize(
    "module", [ids.corporate_number, ids.residence_card, ids.postal_code, ids.phone, ids.passport]
)
@pytest.mark.parametrize("junk", [None, "", "⑱", "ⅷ", "3²", "\x00", "😀", "x" * 10_000, 42, b"12"])
def test_junk_never_crashes(module: object, junk: object) -> None:
    assert module.is_valid(junk) is False  # type: ignore[attr-defined]
    with pytest.raises(nr.ValidationError):
        module.validate(junk)  # type: ignore[attr-defined]
