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


# --- nobody lost (issue 9 item 6) ------------------------------------------------------------


def test_an_empty_expiry_is_reported_not_filed_as_no_renewal() -> None:
    """Issue 9: a 技人国 employee with an empty expiry went to NO_RENEWAL and out of the plan."""
    schedule = nr.plan_renewals([person("ok", "2027-01-31"), person("blank", "")], on=ON)
    assert [p.person.id for p in schedule] == ["ok"]
    (finding,) = schedule.report.errors
    assert (finding.row, finding.code, finding.field) == (1, "roster.missing_expiry", "expires_on")
    assert all(p.urgency is not U.NO_RENEWAL for p in schedule)


def test_a_permanent_resident_with_an_empty_period_breaks_nothing() -> None:
    """Issue 9: a 永住者 with an empty 在留期間 cell made the whole roster raise."""
    schedule = nr.plan_renewals(
        [person("pr", "2027-01-10", period="", status="永住者"), person("ok", "2027-01-31")],
        on=ON,
    )
    assert schedule.report.ok
    assert {p.person.id for p in schedule} == {"pr", "ok"}


def test_open_ended_dates_are_reported_not_overflowing() -> None:
    """Issue 9: an expiry of 9999-12-31 (HR's "open-ended") raised OverflowError."""
    people = [
        person("open-ended", "9999-12-31"),
        person("ancient", "0001-01-01"),
        person("pr", "9999-12-31", period="無期限", status="永住者"),
        nr.Person("max", None, nr.PeriodOfStay(years=1), date.max),
        nr.Person("min", None, nr.PeriodOfStay(days=15), date.min),
    ]
    schedule = nr.plan_renewals(people, on=ON)
    assert len(schedule) == 0
    assert [(f.row, f.code) for f in schedule.report.errors] == [
        (i, "roster.date_out_of_range") for i in range(5)
    ]
    assert "9999-12-31" in schedule.report.errors[0].message_en


def test_the_far_future_is_handled_near_the_calendar_end() -> None:
    schedule = nr.plan_renewals([person("far", "9999-10-31")], on=date(9999, 9, 1))
    (plan,) = schedule
    assert plan.urgency is U.OPEN
    assert plan.special_period_end is None or plan.special_period_end <= date.max


def test_the_card_of_a_permanent_resident_is_planned() -> None:
    """入管法第19条の11 (source residence-card-validity): the card is renewed from two months
    before its validity ends, at a counter; 高度専門職2号 likewise."""
    schedule = nr.plan_renewals(
        [
            {"id": "pr", "status": "永住者", "period_of_stay": "無期限", "expires_on": "20261201"},
            {"id": "hsp2", "status": "高度専門職2号", "card_expires_on": "2027-03-01"},
            {"id": "gone", "status": "永住者", "card_expires_on": "2026-11-01"},
        ],
        on=ON,
    )
    assert schedule.report.ok
    by_id = {p.person.id: p for p in schedule}
    pr = by_id["pr"]
    assert pr.renews is nr.Renewal.RESIDENCE_CARD
    assert (pr.first_day, pr.last_day_counter, pr.last_day_online) == (
        date(2026, 10, 1),
        date(2026, 12, 1),
        None,
    )
    assert (pr.urgency, pr.days_left) == (U.LAST_TWO_WEEKS, 9)
    assert by_id["hsp2"].urgency is U.NOT_YET_OPEN
    assert by_id["gone"].urgency is U.EXPIRED
    assert [p.person.id for p in schedule] == ["gone", "pr", "hsp2"]


def test_a_permanent_resident_with_no_card_date_is_named() -> None:
    schedule = nr.plan_renewals([person("pr", "", period="無期限", status="永住者")], on=ON)
    (finding,) = schedule.report.errors
    assert (finding.code, finding.field) == ("roster.missing_expiry", "card_expires_on")
    assert finding.sources[0].id == "residence-card-validity"


@pytest.mark.parametrize(
    ("entry", "code"),
    [
        (person("x", "2027-01-31", status="技術・人文"), "roster.unknown_status"),
        (person("x", "2027-01-31", period="7 weeks"), "roster.unknown_period"),
        (person("x", "2027-01-31", period="無期限"), "roster.indefinite_period"),
        (person("x", "2027-01-31", period=""), "roster.missing_period"),
        # Review of issue 10: planned with no finding while validate_records refused it.
        (person("x", "2027-01-31", period="7年"), "roster.unknown_period"),
        (person("x", "31/01/2027"), "roster.invalid_date"),
        (
            {"id": "x", "status": "技人国", "period_of_stay": "1年", "expires_on": 20270131},
            "roster.invalid_date",
        ),
        ("E1,技人国", "batch.not_a_row"),
    ],
)
def test_each_reason_has_its_code(entry: object, code: str) -> None:
    schedule = nr.plan_renewals([entry], on=ON)
    assert [(f.row, f.code) for f in schedule.report.errors] == [(0, code)]


def test_the_fee_is_computed_once_per_roster(monkeypatch: pytest.MonkeyPatch) -> None:
    from nyukan_rules.batch import roster

    calls = []

    def counting(*args: object, **kwargs: object) -> tuple[int, int] | None:
        calls.append(1)
        return nr.fee_range(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(roster, "fee_range", counting)
    roster.extension_fee_ranges.cache_clear()
    nr.plan_renewals([person(str(i), "2027-01-31") for i in range(50)], on=ON)
    assert len(calls) == 2  # online and counter, whatever the roster's size
    nr.plan_renewals([person(str(i), "2027-01-31") for i in range(50)], on=ON)
    assert len(calls) == 2  # and remembered for the day (issue 13)


def test_windows_are_computed_once_per_distinct_expiry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 13: two windows and the special period per person, where a roster of
    millions has a few thousand distinct expiries; periods that share a rule row
    (1年, 3年: renewal-from-three-months) share the work."""
    from nyukan_rules import deadlines
    from nyukan_rules.batch import roster

    calls = []

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return deadlines.extension_dates(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(roster, "extension_dates", counting)
    roster.clear_memos()
    people = [person(str(i), f"2027-01-{1 + i % 3:02d}") for i in range(300)]
    people += [person(f"3-{i}", f"2027-01-{1 + i % 3:02d}", period="3年") for i in range(30)]
    schedule = nr.plan_renewals(people, on=ON)
    assert len(schedule) == 330
    assert len(calls) == 3 * 2  # once per distinct expiry and period
    # ...and the windows themselves once per expiry: 1年 and 3年 open on the same row.
    assert deadlines._extension_dates.cache_info().misses == 3
    roster.clear_memos()


def test_a_str_is_not_a_roster() -> None:
    with pytest.raises(nr.ArgumentTypeError):
        nr.plan_renewals("E1,E2", on=ON)  # type: ignore[arg-type]


ROSTER_VALUE = st.one_of(
    st.none(),
    st.integers(),
    st.dates(),
    st.text(max_size=12),
    st.sampled_from(
        [
            "技人国",
            "永住者",
            "高度専門職2号",
            "1年",
            "無期限",
            "",
            "9999-12-31",
            "0001-01-01",
            "20270131",
            "2027-02-30",
            "E\udc80",
        ]
    ),
)
ROSTER_ROW = st.dictionaries(
    st.sampled_from(["id", "status", "period_of_stay", "expires_on", "card_expires_on", "name"]),
    ROSTER_VALUE,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(ROSTER_ROW, st.none(), st.text(max_size=3)), max_size=8))
def test_every_person_is_planned_or_named(people: list[object]) -> None:
    schedule = nr.plan_renewals(people, on=ON)
    named = {f.row for f in schedule.report.errors}
    assert len(schedule) + len(named) == len(people)
    assert schedule.report.rows == len(people)


def test_periods_are_those_validate_records_accepts() -> None:
    """Review of issue 10: plan_renewals planned 7年, which validate_records refuses (the
    bulk workbooks' list of periods, isa-bulk-template-tool).  Both use the same rule."""
    for period in ["7年", "6月", "2年3月", "400日", "5年"]:
        record = {"status": "技人国", "period_of_stay": period}
        refused = any(
            f.field == "period_of_stay" and f.is_error for f in nr.validate_records([record], on=ON)
        )
        schedule = nr.plan_renewals([person("x", "2027-01-31", period=period)], on=ON)
        assert refused == (not schedule.report.ok), period
    (finding,) = nr.plan_renewals([person("x", "2027-01-31", period="無期限")], on=ON).report
    assert "無期限" in finding.message_ja
    assert "missing" not in finding.message_en


def test_every_roster_message_names_the_row_and_the_id() -> None:
    """Review of issue 10: roster.* messages named neither the row nor the person
    (rows counted from 1 in every message a person reads, as record.duplicate does)."""
    people = [
        person("E1", "2027-01-31"),
        person("E2", "2027-01-31", status="技術・人文"),
        person("E3", "2027-01-31", period="7 weeks"),
        person("E4", "31/01/2027"),
        person("E5", "9999-12-31"),
        person("E6", ""),
        person("E7", "2027-01-31", period=""),
        person("E8", "2027-01-31", period="無期限"),
        person("E9", "", period="無期限", status="永住者"),
    ]
    report = nr.plan_renewals(people, on=ON).report
    assert len(report.errors) == 8
    for finding in report.errors:
        assert finding.code.startswith("roster."), finding.code
        row = (finding.row or 0) + 1
        pid = f"E{row}"
        assert f"Row {row} " in finding.message_en
        assert repr(pid) in finding.message_en
        assert f"{row}行目" in finding.message_ja
        assert pid in finding.message_ja


def test_plans_pickle_as_their_arguments() -> None:
    """Plans come back from worker processes (workers=, issue 13): they pickle as the
    constructor's arguments, and come back equal, card plans and period plans alike."""
    import copy
    import pickle

    schedule = nr.plan_renewals(
        [
            {**person("E1", "2027-01-31"), "name": "A", "card_expires_on": "2027-03-01"},
            person("P1", "2027-01-01", "", "永住者"),
        ],
        on=ON,
    )
    assert len(schedule) == 2
    for plan in schedule:
        assert pickle.loads(pickle.dumps(plan)) == plan
        assert copy.deepcopy(plan) == plan
        assert type(plan).__reduce__(plan)[0] is nr.RenewalPlan
    assert pickle.loads(pickle.dumps(schedule)) == schedule
