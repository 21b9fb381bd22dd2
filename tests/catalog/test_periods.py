"""PeriodOfStay parsing and ordering; StayBand membership."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nyukan_rules as nr

P = nr.PeriodOfStay


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5年", P(years=5)),
        ("1年6月", P(years=1, months=6)),
        ("1年6か月", P(years=1, months=6)),
        ("１年６ヶ月", P(years=1, months=6)),
        ("6月", P(months=6)),
        ("6カ月", P(months=6)),
        ("4年3月", P(years=4, months=3)),
        ("30日", P(days=30)),
        ("15日", P(days=15)),
        ("90日", P(days=90)),
        ("18月", P(years=1, months=6)),
        ("P1Y6M", P(years=1, months=6)),
        ("p3m", P(months=3)),
        ("1 year 6 months", P(years=1, months=6)),
        ("3 months", P(months=3)),
        ("30 days", P(days=30)),
    ],
)
def test_parse(text: str, expected: nr.PeriodOfStay) -> None:
    assert P.parse(text) == expected


@pytest.mark.parametrize(
    "junk",
    [
        None,
        "",
        "年",
        "0年",
        "0日",
        "五年",
        "⑱",
        "ⅷ",
        "3²",
        "😀",
        "\x00",
        "x" * 10_000,
        "١年",
        -1,
        5,
        "P",
    ],
)
def test_junk(junk: object) -> None:
    with pytest.raises(nr.UnknownNameError):
        P.parse(junk)


def test_constructor_rejects_bad_parts() -> None:
    with pytest.raises(nr.NyukanRulesError):
        P(months=12)
    with pytest.raises(nr.NyukanRulesError):
        P()
    with pytest.raises(nr.NyukanRulesError):
        P(years=-1)


def test_ordering() -> None:
    assert P(days=90) < P(months=3) < P(months=6) < P(years=1) < P(years=1, months=6) < P(years=5)
    assert P(days=100) > P(months=3)
    assert sorted([P(years=3), P(days=15), P(months=6)]) == [P(days=15), P(months=6), P(years=3)]


periods = (
    st.tuples(st.integers(0, 10), st.integers(0, 11), st.integers(0, 30))
    .filter(any)
    .map(lambda t: P(years=t[0], months=t[1], days=t[2]))
)


@settings(deadline=None, max_examples=100)
@given(periods)
def test_text_round_trip(period: nr.PeriodOfStay) -> None:
    assert P.parse(str(period)) == period
    assert P.parse(period.en) == period
