"""plan_renewals, built on renewal_window, special_period_end and fee_range.

Sources: renewal-from-three-months, online-not-on-expiry-day, office-closed-days,
special-period, isa-fee-2026.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nyukan_rules as nr

ON = date(2026, 11, 22)
U = nr.Urgency


def person(pid: str, expires: str, period: str = "1年", status: str = "技人国") -> dict[str, str]:
    return {"id": pid, "status": status, "period_of_stay": period, "expires_on": expires}


def test_each_urgency() -> None:
    plans = nr.plan_renewals(
        [
            person("open", "2027-01-31"),
            person("later", "2027-06-30"),
            person("soon", "2026-12-01"),
            person("counter", "2026-11-22"),
            person("gone", "2026-11-01"),
            person("pr", "2030-01-15", period="無期限", status="永住者"),
        ],
        on=ON,
    )
    assert plans.report.ok
    assert [(p.person.id, p.urgency) for p in plans] == [
        ("gone", U.EXPIRED),
        ("counter", U.ONLINE_CLOSED),
        ("soon", U.LAST_TWO_WEEKS),
        ("open", U.OPEN),
        ("later", U.NOT_YET_OPEN),
        ("pr", U.NOT_YET_OPEN),  # the residence card's renewal, due last
    ]
    assert plans[-1].renews is nr.Renewal.RESIDENCE_CARD


def test_a_plan_uses_the_rules_core() -> None:
    (plan,) = nr.plan_renewals([person("E1", "20270131")], on=ON)
    window = nr.renewal_window(date(2027, 1, 31), period_of_stay="1年", channel="online")
    assert (plan.first_day, plan.last_day_online) == (window.first_day, window.last_day)
    assert plan.last_day_counter == date(2027, 2, 1)  # 31 January 2027 is a Sunday
    assert plan.special_period_end == date(2027, 3, 31)
    assert plan.fee_online == (10_000, 65_000)
    assert plan.fee_counter == (10_000, 75_000)
    assert plan.days_left == 69


def test_unplannable_people_are_all_named() -> None:
    schedule = nr.plan_renewals(
        [person("ok", "2027-01-31"), None, person("bad", "2027-13-01")], on=ON
    )
    assert [p.person.id for p in schedule] == ["ok"]
    assert [(f.row, f.code) for f in schedule.report.errors] == [
        (1, "batch.not_a_row"),
        (2, "roster.invalid_date"),
    ]
    assert schedule.report.rows == 3
    # the strict form of old: raise with the report
    with pytest.raises(nr.ValidationError) as info:
        schedule.raise_for_errors()
    assert info.value.report is schedule.report


@settings(deadline=None, max_examples=60)
@given(
    st.lists(
        st.tuples(
            st.dates(min_value=date(2025, 1, 1), max_value=date(2029, 12, 31)),
            st.sampled_from(["3月", "6月", "1年", "3年", "5年", "15日"]),
        ),
        max_size=15,
    )
)
def test_plans_are_sorted_and_windows_valid(entries: list[tuple[date, str]]) -> None:
    people = [
        nr.Person(id=str(i), status=None, period_of_stay=nr.PeriodOfStay.parse(p), expires_on=d)
        for i, (d, p) in enumerate(entries)
    ]
    plans = nr.plan_renewals(people, on=ON)
    assert len(plans) == len(people)
    days = [p.last_day_online for p in plans]
    assert days == sorted(days)  # type: ignore[type-var]
    for plan in plans:
        assert plan.first_day is not None
        assert plan.last_day_online is not None
        assert plan.first_day <= plan.last_day_online < plan.last_day_counter + timedelta(days=1)
