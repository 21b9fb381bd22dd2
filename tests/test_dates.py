"""Dates: Civil Code month counting, closed days, effective periods.

Sources: civil-code-periods (民法 第140条〜第143条), office-closed-days
(行政機関の休日に関する法律 第1条・第2条).
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nyukan_rules as nr
from nyukan_rules.dates import ensure_date


@pytest.mark.parametrize(
    ("event", "months", "end"),
    [
        (date(2026, 6, 15), 2, date(2026, 8, 15)),
        (
            date(2026, 1, 31),
            2,
            date(2026, 3, 31),
        ),  # counting starts 02-01: ends the day before 04-01
        (date(2026, 2, 28), 2, date(2026, 4, 30)),  # not 04-28: the start is 03-01
        (date(2025, 12, 30), 2, date(2026, 2, 28)),  # no 30 February: the month's last day
        (date(2027, 12, 29), 2, date(2028, 2, 29)),  # leap year
        (date(2027, 12, 28), 2, date(2028, 2, 28)),
        (date(2025, 4, 10), 12, date(2026, 4, 10)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
    ],
)
def test_civil_period_end(event: date, months: int, end: date) -> None:
    assert nr.civil_period_end(event, months=months) == end


def test_civil_period_needs_a_month() -> None:
    with pytest.raises(nr.ArgumentValueError, match="months must be at least 1, not 0"):
        nr.civil_period_end(date(2026, 1, 1), months=0)


@settings(deadline=None, max_examples=100)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.integers(1, 36))
def test_civil_period_is_about_the_months_long(event: date, months: int) -> None:
    end = nr.civil_period_end(event, months=months)
    assert end > event
    assert (end - event).days <= 31 * months
    assert (end - event).days >= 28 * months


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 5, 31), -3, date(2026, 2, 28)),
        (date(2028, 5, 31), -3, date(2028, 2, 29)),
        (date(2027, 1, 31), -3, date(2026, 10, 31)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 1, 15), -13, date(2024, 12, 15)),
    ],
)
def test_add_months_clamps_to_the_month_end(day: date, months: int, expected: date) -> None:
    assert nr.add_months(day, months) == expected


@pytest.mark.parametrize(
    ("day", "closed"),
    [
        (date(2026, 12, 28), False),  # Monday
        (date(2026, 12, 29), True),  # year-end closure begins
        (date(2026, 12, 31), True),
        (date(2027, 1, 1), True),
        (date(2027, 1, 3), True),
        (date(2027, 1, 4), False),
        (date(2026, 11, 23), True),  # 勤労感謝の日, a Monday
        (date(2026, 11, 24), False),
        (date(2026, 11, 21), True),  # Saturday
        (date(2026, 11, 22), True),  # Sunday
        (date(2026, 9, 22), True),  # 国民の休日 between 敬老の日 and 秋分の日
    ],
)
def test_is_office_closed(day: date, closed: bool) -> None:
    assert nr.is_office_closed(day) is closed


def test_next_office_day() -> None:
    assert nr.next_office_day(date(2026, 12, 29)) == date(2027, 1, 4)
    assert nr.next_office_day(date(2027, 5, 3)) == date(2027, 5, 6)
    assert nr.next_office_day(date(2026, 11, 24)) == date(2026, 11, 24)


@settings(deadline=None, max_examples=100)
@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)))
def test_next_office_day_is_open_and_soon(day: date) -> None:
    found = nr.next_office_day(day)
    assert not nr.is_office_closed(found)
    assert 0 <= (found - day).days <= 10
    for d in range((found - day).days):
        assert nr.is_office_closed(day + timedelta(days=d))


def test_effective_periods() -> None:
    a = nr.Effective(date(2025, 4, 1), date(2026, 9, 30))
    b = nr.Effective(date(2026, 10, 1), None)
    assert not a.overlaps(b)
    assert not b.overlaps(a)
    assert a.overlaps(nr.Effective(None, date(2025, 4, 1)))
    assert b.contains(date(2099, 1, 1))
    assert not b.contains(date(2026, 9, 30))
    assert str(a) == "2025-04-01 – 2026-09-30"
    assert str(b) == "from 2026-10-01"
    with pytest.raises(nr.NyukanRulesError):
        nr.Effective(date(2026, 1, 2), date(2026, 1, 1))


def test_ensure_date() -> None:
    assert ensure_date(datetime(2026, 11, 22, 9, 30), "on") == date(2026, 11, 22)
    assert ensure_date(" 2026-11-22 ", "on") == date(2026, 11, 22)
    # Full-width digits are read, as normalize(..., "date") reads them.
    assert ensure_date("２０２６-11-22", "on") == date(2026, 11, 22)
    for junk in ("", "22/11/2026", "⑱", "2026-11-22" + " " * 50 + "x", "2026/11-22", "R8"):
        with pytest.raises(nr.ValidationError, match="on must be a date"):
            ensure_date(junk, "on")
    # issue 10: a wrong type is the package's own TypeError, named in the message.
    for junk in (None, 20261122, 2026.0, ["2026-11-22"], object()):
        with pytest.raises(nr.ArgumentTypeError, match=r"^on must be a date") as info:
            ensure_date(junk, "on")
        assert isinstance(info.value, TypeError)
        assert " at 0x" not in str(info.value)


class _Day(date):
    pass


def test_ensure_date_gives_a_plain_date() -> None:
    # A date subclass comes back as a plain date; a datetime gives its date.
    assert type(ensure_date(_Day(2026, 11, 22), "on")) is date
    assert type(ensure_date(datetime(2026, 11, 22, 23, 59), "on")) is date


# --- issue 10: untrusted dates and arguments -----------------------------------------------

EDGES = [date.min, date(1, 1, 2), date(9999, 10, 1), date(9999, 12, 30), date.max]


@pytest.mark.parametrize("day", EDGES, ids=str)
def test_calendar_edges_raise_the_packages_error(day: date) -> None:
    """Near date.min/date.max: an answer or ArgumentValueError, never OverflowError."""
    calls = [
        lambda: nr.add_months(day, 5),
        lambda: nr.add_months(day, -5),
        lambda: nr.civil_period_end(day, months=3),
        lambda: nr.next_office_day(day),
        lambda: nr.is_office_closed(day),
    ]
    for call in calls:
        message, result = "", None
        try:
            result = call()
        except nr.ArgumentValueError as exc:
            message = str(exc)
        assert isinstance(result, (date, bool)) or "too close to the ends" in message


def test_calendar_edges_specific_answers() -> None:
    with pytest.raises(nr.ArgumentValueError, match=r"^day 9999-12-31"):
        nr.add_months(date.max, 1)
    with pytest.raises(nr.ArgumentValueError, match=r"^day 0001-01-01"):
        nr.add_months(date.min, -1)
    assert nr.add_months(date.max, -1) == date(9999, 11, 30)
    with pytest.raises(nr.ArgumentValueError, match=r"^event_day 9999-12-31"):
        nr.civil_period_end(date.max, months=1)
    with pytest.raises(nr.ArgumentValueError, match=r"^day 9999-12-31"):
        nr.next_office_day(date.max)  # 31 December is closed; no next day exists
    assert nr.is_office_closed(date.max) is True


@pytest.mark.parametrize(
    "call",
    [
        lambda: nr.add_months(date(2026, 1, 1), "3"),
        lambda: nr.add_months(date(2026, 1, 1), 3.0),
        lambda: nr.add_months(date(2026, 1, 1), True),
        lambda: nr.add_months(20260101, 3),
        lambda: nr.civil_period_end(date(2026, 1, 1), months="2"),
        lambda: nr.civil_period_end(None, months=2),
        lambda: nr.is_office_closed(20261122),
        lambda: nr.is_office_closed(None),
        lambda: nr.next_office_day([date(2026, 1, 1)]),
    ],
)
def test_wrong_types_raise_argument_type_error(call: object) -> None:
    with pytest.raises(nr.ArgumentTypeError):
        call()  # type: ignore[operator]


def test_date_strings_are_read_as_ensure_date_reads_them() -> None:
    assert nr.add_months("2026-05-31", -3) == date(2026, 2, 28)  # type: ignore[arg-type]
    assert nr.civil_period_end("20260228", months=2) == date(2026, 4, 30)  # type: ignore[arg-type]
    assert nr.is_office_closed("2027-01-02") is True  # type: ignore[arg-type]
    assert nr.next_office_day("2026-12-29") == date(2027, 1, 4)  # type: ignore[arg-type]


def test_effective_contains_reads_its_date() -> None:
    period = nr.Effective(date(2025, 4, 1), date(2026, 9, 30))
    assert period.contains("2026-09-30")  # type: ignore[arg-type]
    assert period.contains(datetime(2026, 9, 30, 23, 59))
    with pytest.raises(nr.ArgumentTypeError):
        period.contains(None)  # type: ignore[arg-type]
    window = nr.renewal_window(date(2027, 1, 31), period_of_stay="1年", channel="online")
    assert window.contains("2027-01-30")  # type: ignore[arg-type]
    with pytest.raises(nr.ArgumentTypeError):
        window.contains(20270130)  # type: ignore[arg-type]
    with pytest.raises(nr.ArgumentTypeError):
        nr.StatusOfResidence.parse("留学").exists_on(None)  # type: ignore[arg-type]


# --- One date reader (issue 11): the forms normalize(..., "date") reads, era bounds -----
# Sources: 元号を改める政令 (昭和64年政令第1号: 平成 from 1989-01-08; 平成31年政令第143号:
# 令和 from 2019-05-01); 改元ノ詔書 for 大正 and 昭和.


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("令和8年11月23日", date(2026, 11, 23)),
        ("R8.11.23", date(2026, 11, 23)),
        ("r8/11/23", date(2026, 11, 23)),
        ("Ｒ８．１１．２３", date(2026, 11, 23)),
        ("H31.4.30", date(2019, 4, 30)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("令和1年5月1日", date(2019, 5, 1)),
        ("昭和64年1月7日", date(1989, 1, 7)),
        ("平成元年1月8日", date(1989, 1, 8)),
        ("S1.12.25", date(1926, 12, 25)),
        ("大正元年7月30日", date(1912, 7, 30)),
        ("明治45年7月29日", date(1912, 7, 29)),
        ("2026/11/23", date(2026, 11, 23)),
        ("2026.11.23", date(2026, 11, 23)),
        ("20261123", date(2026, 11, 23)),
        ("2026年11月23日", date(2026, 11, 23)),
        ("2026 年 11 月 23 日", date(2026, 11, 23)),
        ("２０２６年１１月２３日", date(2026, 11, 23)),
        ("2026年11月23", date(2026, 11, 23)),  # 日 left out, as normalize reads it
        ("令和8年11月23", date(2026, 11, 23)),
        ("㍻31年4月30日", None),  # the square era sign is not a form normalize reads
    ],
)
def test_ensure_date_reads_every_form(text: str, day: date | None) -> None:
    if day is None:
        with pytest.raises(nr.ValidationError):
            ensure_date(text, "on")
    else:
        assert ensure_date(text, "on") == day


@pytest.mark.parametrize(
    ("text", "era"),
    [
        ("令和0年1月1日", "令和"),  # year 0 of an era never existed
        ("R0.1.1", "令和"),
        ("平成31年5月1日", "平成"),  # Heisei ended 2019-04-30
        ("令和元年4月30日", "令和"),  # Reiwa began 2019-05-01
        ("昭和64年1月8日", "昭和"),
        ("平成元年1月7日", "平成"),
        ("明治5年12月31日", "明治"),  # lunisolar: before 明治6年1月1日
    ],
)
def test_ensure_date_refuses_days_outside_the_era(text: str, era: str) -> None:
    with pytest.raises(nr.ValidationError, match=r"^on must be a date") as info:
        ensure_date(text, "on")
    assert info.value.code == "date.outside_era"
    assert info.value.params["era"] == era
    assert era in str(info.value)


def test_a_day_in_no_month_is_no_date_not_an_era_problem() -> None:
    with pytest.raises(nr.ValidationError) as info:
        ensure_date("令和8年2月30日", "on")
    assert info.value.code == "date.not_a_date"
    assert info.value.params == {"name": "on", "text": "令和8年2月30日"}


def test_the_era_table_has_no_gap_and_no_overlap() -> None:
    from nyukan_rules.dates import ERAS, era_of

    for before, after in itertools.pairwise(ERAS):
        assert before.until is not None
        assert before.until + timedelta(days=1) == after.since
        assert after.offset + 1 == after.since.year  # 元年 is the year the era began
        assert era_of(before.until) is before
        assert era_of(after.since) is after
    assert ERAS[-1].until is None
    assert all(era.source for era in ERAS)


def _forms(day: date) -> list[str]:
    from nyukan_rules.dates import era_of

    era = era_of(day)
    assert era is not None
    year_of_era = day.year - era.offset
    year_ja = "元" if year_of_era == 1 else str(year_of_era)
    full = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x30, 0x3A)})
    y, m, d = day.year, day.month, day.day
    return [
        day.isoformat(),
        f"{y}/{m}/{d}",
        f"{y}.{m:02d}.{d:02d}",
        f"{y:04d}{m:02d}{d:02d}",
        f"{y}年{m}月{d}日",
        f"{era.name}{year_ja}年{m}月{d}日",
        f"{era.letter}{year_of_era}.{m}.{d}",
        f"{era.letter}{year_of_era:02d}/{m:02d}/{d:02d}",
        f"{y}年{m}月{d}日".translate(full),
    ]


@settings(deadline=None, max_examples=300)
@given(st.dates(min_value=date(1989, 1, 1), max_value=date(2100, 12, 31)))
def test_every_form_of_every_day_reads_back(day: date) -> None:
    for text in _forms(day):
        assert ensure_date(text, "on") == day, text


@settings(deadline=None, max_examples=200)
@given(st.text(max_size=40))
def test_a_string_is_a_date_or_a_validation_error(text: str) -> None:
    code = None
    try:
        found = ensure_date(text, "on")
    except nr.ValidationError as error:
        code = error.code
    else:
        assert type(found) is date
    assert code in {None, "date.not_a_date", "date.outside_era"}
