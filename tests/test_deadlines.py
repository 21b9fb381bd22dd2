"""Deadlines: RULES.md §5 and the organization ID of §1.

Sources: renewal-from-three-months, renewal-short-period (single),
online-not-on-expiry-day, office-closed-days, special-period,
special-period-exclusions, civil-code-periods, org-id-validity,
org-periodic-report, org-id-three-years (single).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nyukan_rules as nr

K = nr.ApplicationKind
ONLINE, COUNTER = nr.Channel.ONLINE, nr.Channel.COUNTER


def test_renewal_window_for_a_long_period() -> None:
    # renewal-from-three-months; 2027-01-31 is a Sunday.
    online = nr.renewal_window(date(2027, 1, 31), period_of_stay="1年", channel=ONLINE)
    counter = nr.renewal_window(date(2027, 1, 31), period_of_stay="1年", channel=COUNTER)
    assert (online.first_day, online.last_day) == (date(2026, 10, 31), date(2027, 1, 30))
    assert (counter.first_day, counter.last_day) == (date(2026, 10, 31), date(2027, 2, 1))
    assert {s.id for s in online.sources} == {
        "renewal-from-three-months",
        "online-not-on-expiry-day",
    }
    assert {s.id for s in counter.sources} == {"renewal-from-three-months", "office-closed-days"}
    assert online.contains(date(2026, 10, 31))
    assert not online.contains(date(2026, 10, 30))
    assert online.confidence is nr.Confidence.SECONDARY


def test_three_months_before_is_clamped_to_the_month_end() -> None:
    window = nr.renewal_window(date(2027, 5, 31), period_of_stay="6月", channel=ONLINE)
    assert window.first_day == date(2027, 2, 28)


def test_short_periods_open_on_the_first_day_by_default() -> None:
    """renewal-from-three-months quotes ISA: 「在留期間の満了する日以前」 with no earlier day
    below six months, so the default window opens on the period's first day; the
    issue-11 leak was a default answer built from renewal-short-period (single)."""
    window = nr.renewal_window(date(2026, 6, 30), period_of_stay="3月", channel=ONLINE)
    assert window.first_day == date(2026, 3, 31)  # the first day of the 3月 ending 06-30
    assert window.confidence is nr.Confidence.SECONDARY
    assert "renewal-short-period" not in {s.id for s in window.sources}


def test_short_periods_open_half_way_on_request() -> None:
    # renewal-short-period (single source): from about half the period.
    window = nr.renewal_window(
        date(2026, 6, 30), period_of_stay="3月", channel=ONLINE, include_single_source=True
    )
    assert window.first_day == date(2026, 6, 30) - timedelta(days=46)  # 92-day period
    assert window.confidence is nr.Confidence.SINGLE
    short = nr.renewal_window(
        date(2026, 6, 30), period_of_stay="15日", channel=ONLINE, include_single_source=True
    )
    assert short.first_day == date(2026, 6, 23)
    # six months or more: the single-source row does not apply
    long = nr.renewal_window(
        date(2026, 6, 30), period_of_stay="1年", channel=ONLINE, include_single_source=True
    )
    assert long.confidence is nr.Confidence.SECONDARY


def test_no_renewal_window_for_an_indefinite_period() -> None:
    with pytest.raises(nr.NoRuleError):
        nr.renewal_window(date(2026, 6, 30), period_of_stay="無期限", channel=ONLINE)


def test_counter_deadline_moves_past_the_year_end() -> None:
    window = nr.renewal_window(date(2026, 12, 30), period_of_stay="3年", channel=COUNTER)
    assert window.last_day == date(2027, 1, 4)


@settings(deadline=None, max_examples=100)
@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)),
    st.tuples(st.integers(0, 5), st.integers(0, 11), st.sampled_from([0, 15, 30, 90])).filter(any),
)
def test_window_properties(expires: date, parts: tuple[int, int, int]) -> None:
    period = nr.PeriodOfStay(years=parts[0], months=parts[1], days=parts[2])
    online = nr.renewal_window(expires, period_of_stay=period, channel=ONLINE)
    counter = nr.renewal_window(expires, period_of_stay=period, channel=COUNTER)
    assert online.last_day == expires - timedelta(days=1)
    assert expires <= counter.last_day <= expires + timedelta(days=10)
    assert online.first_day == counter.first_day <= online.last_day
    if period >= nr.PeriodOfStay(months=6):
        assert (expires - online.first_day).days <= 92
    else:  # from the period's first day (renewal-from-three-months)
        assert (expires - online.first_day).days <= period.sort_key


def test_special_period_examples() -> None:
    # special-period + civil-code-periods
    assert nr.special_period_end(
        date(2026, 2, 28), period_of_stay="1年", kind=K.EXTENSION_OF_PERIOD
    ) == date(2026, 4, 30)
    assert nr.special_period_end(
        date(2027, 1, 31), period_of_stay="3年", kind="在留資格変更許可申請"
    ) == date(2027, 3, 31)


def test_no_special_period() -> None:
    # special-period-exclusions: 30 days or less; permanent residence.
    assert (
        nr.special_period_end(date(2026, 6, 1), period_of_stay="30日", kind=K.EXTENSION_OF_PERIOD)
        is None
    )
    assert (
        nr.special_period_end(date(2026, 6, 1), period_of_stay="15日", kind=K.CHANGE_OF_STATUS)
        is None
    )
    assert (
        nr.special_period_end(date(2026, 6, 1), period_of_stay="3年", kind=K.PERMANENT_RESIDENCE)
        is None
    )
    assert (
        nr.special_period_end(
            date(2026, 6, 1), period_of_stay="3年", kind=K.CERTIFICATE_OF_ELIGIBILITY
        )
        is None
    )
    assert nr.special_period_end(
        date(2026, 6, 1), period_of_stay="3月", kind=K.EXTENSION_OF_PERIOD
    ) == date(2026, 8, 1)


@settings(deadline=None, max_examples=100)
@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from(["31日", "3月", "6月", "1年", "3年", "5年"]),
    st.sampled_from([K.CHANGE_OF_STATUS, K.EXTENSION_OF_PERIOD]),
)
def test_special_period_is_never_before_expiry_nor_over_62_days(
    expires: date, period: str, kind: nr.ApplicationKind
) -> None:
    end = nr.special_period_end(expires, period_of_stay=period, kind=kind)
    assert end is not None
    assert expires < end <= expires + timedelta(days=62)


def test_organization_id_expiry() -> None:
    # org-id-validity: one year from the day the password is set.
    first = nr.organization_id_expiry(date(2025, 4, 10))
    assert first.expires_on == date(2026, 4, 10)
    # org-periodic-report: due a month before; the notice two months before.
    assert first.report_due_by == date(2026, 3, 10)
    assert first.notice_expected_on == date(2026, 2, 10)
    assert first.confidence is nr.Confidence.OFFICIAL
    renewed = nr.organization_id_expiry(
        date(2025, 4, 10), reports=[date(2026, 3, 1), date(2027, 3, 5)]
    )
    assert renewed.expires_on == date(2028, 4, 10)


def test_three_year_term_is_single_source_and_opt_in() -> None:
    default = nr.organization_id_expiry(date(2026, 2, 1))
    assert default.expires_on == date(2027, 2, 1)
    assert default.term_years == 1
    opted = nr.organization_id_expiry(date(2026, 2, 1), include_single_source=True)
    assert opted.expires_on == date(2029, 2, 1)
    assert opted.term_years == 3
    assert opted.confidence is nr.Confidence.SINGLE
    # before the new system the term stays one year even when opted in
    assert nr.organization_id_expiry(date(2025, 12, 1), include_single_source=True).term_years == 1


def test_a_report_after_expiry_is_an_error() -> None:
    with pytest.raises(nr.ValidationError, match="expired on 2026-04-10"):
        nr.organization_id_expiry(date(2025, 4, 10), reports=[date(2026, 4, 11)])
    with pytest.raises(nr.ValidationError):
        nr.organization_id_expiry(date(2025, 4, 10), reports=[date(2025, 1, 1)])


# --- issue 10: untrusted dates and arguments -----------------------------------------------

EDGES = [date.min, date(1, 1, 2), date(1, 3, 31), date(9999, 10, 1), date(9999, 12, 31), date.max]


@pytest.mark.parametrize("day", EDGES, ids=str)
@pytest.mark.parametrize("period", ["15日", "3月", "1年", "5年"])
def test_deadlines_at_the_calendar_edges(day: date, period: str) -> None:
    """Issue 10: dates near date.max/date.min raised OverflowError/ValueError."""
    calls = [
        lambda: nr.renewal_window(day, period_of_stay=period, channel="online"),
        lambda: nr.renewal_window(day, period_of_stay=period, channel="counter"),
        lambda: nr.special_period_end(day, period_of_stay=period, kind="extension_of_period"),
        lambda: nr.organization_id_expiry(day),
        lambda: nr.organization_id_expiry(day, include_single_source=True),
    ]
    for call in calls:
        message = ""
        try:
            call()
        except nr.ArgumentValueError as exc:
            message = str(exc)
        if message:
            assert "too close to the ends of the calendar" in message
            assert message.startswith(("expires_on", "password_set_on"))


def test_deadline_edges_name_the_argument() -> None:
    with pytest.raises(nr.ArgumentValueError, match=r"^expires_on 9999-12-31"):
        nr.renewal_window(date.max, period_of_stay="1年", channel="counter")
    with pytest.raises(nr.ArgumentValueError, match=r"^expires_on 0001-01-01"):
        nr.renewal_window(date.min, period_of_stay="1年", channel="online")
    with pytest.raises(nr.ArgumentValueError, match=r"^expires_on 9999-12-31"):
        nr.special_period_end(date.max, period_of_stay="1年", kind="extension_of_period")
    with pytest.raises(nr.ArgumentValueError, match=r"^password_set_on 9999-12-31"):
        nr.organization_id_expiry(date.max)
    # Far enough from the edge, an answer.
    assert nr.special_period_end(
        date(9999, 10, 31), period_of_stay="1年", kind="extension_of_period"
    ) == date(9999, 12, 31)


def test_deadline_arguments_wrong_type() -> None:
    for junk in ("yes", 1, None):
        with pytest.raises(nr.ArgumentTypeError, match=r"^include_single_source must be True"):
            nr.organization_id_expiry(date(2026, 1, 5), include_single_source=junk)  # type: ignore[arg-type]
    for junk in ("2026-01-05", 5, {"a": date(2026, 1, 5)}):
        with pytest.raises(nr.ArgumentTypeError, match=r"^reports must be an iterable of dates"):
            nr.organization_id_expiry(date(2025, 4, 10), reports=junk)  # type: ignore[arg-type]
    for junk in (None, 20270131, 2.5):
        with pytest.raises(nr.ArgumentTypeError, match=r"^expires_on must be a date"):
            nr.renewal_window(junk, period_of_stay="1年", channel="online")  # type: ignore[arg-type]
