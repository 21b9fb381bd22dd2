"""The planner's memo changes nothing but the time: plan_or_finding gives exactly what
planned_alone (each person alone, every memo emptied first) gives.

Sources: the rules are those of test_roster.py (renewal-from-three-months,
online-not-on-expiry-day, office-closed-days, special-period,
residence-card-validity, isa-fee-2026); this file checks that remembering what
a roster's texts say (issue 13: per-distinct-value work) keeps every answer.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nyukan_rules as nr
from nyukan_rules import deadlines
from nyukan_rules.batch import roster
from nyukan_rules.batch.stream import iter_plan_renewals, iter_read_csv
from nyukan_rules.catalog import ApplicationKind, Channel, PeriodOfStay
from nyukan_rules.examples import EXAMPLE_HR_COLUMNS

ON = date(2026, 11, 22)

STATUSES = [
    "技術・人文知識・国際業務", "技人国", "特定技能1号", "家族滞在", "留学", "日本人の配偶者等",
    "永住者", "高度専門職2号", "技術・人文", "", "  ", "nonsense", "永住者 ", "ｴｲｼﾞｭｳｼｬ",
]  # fmt: skip
PERIODS = [
    "1年", "3年", "5年", "2年3月", "1年3月", "6月", "3月", "30日", "15日", "1年6月", "7年",
    "無期限", "indefinite", "ＵＮＬＩＭＩＴＥＤ", "", "P1Y", "1 year", "12月", "0年", "abc",
]  # fmt: skip
DATES = [
    "20270526", "2027-01-31", "2027/01/02", "20261122", "20261121", "20261206", "20261101",
    "2026-12-29", "2027-02-29", "2027-02-30", "99991231", "9999-12-31", "00010101", "20361123",
    "20361124", "令和9年1月4日", "R9.1.4", "", "abc", "2027-13-01", "2028-02-29",
]  # fmt: skip
ODD = [None, 20270131, date(2027, 1, 31), 1.5, True, ["2027-01-31"], "x" * 65, "1年" * 40]

texts = st.one_of(st.sampled_from(STATUSES), st.sampled_from(ODD))
periods = st.one_of(st.sampled_from(PERIODS), st.sampled_from(ODD))
dates = st.one_of(
    st.sampled_from(DATES),
    st.dates(date(2020, 1, 1), date(2034, 12, 31)).map(lambda d: d.strftime("%Y%m%d")),
    st.sampled_from(ODD),
)
ids = st.one_of(st.text(max_size=8), st.none(), st.integers(0, 99))
KEYS = ("status", "period_of_stay", "expires_on", "card_expires_on")


@st.composite
def records(draw: st.DrawFn) -> object:
    """A roster row as an HR system gives it, odd ones included: missing fields,
    non-text values, bad and far dates, unknown statuses, 無期限."""
    kind = draw(st.integers(0, 19))
    if kind == 0:  # not a row at all
        return draw(st.sampled_from([None, 7, "E1", ["技人国", "1年"]]))
    if kind == 1:  # a Person, as plan_renewals also accepts
        return nr.Person(
            "P1",
            nr.StatusOfResidence.parse("技人国"),
            PeriodOfStay(years=1),
            draw(st.dates(date(2020, 1, 1), date(2034, 12, 31))),
        )
    values = {
        "status": draw(texts),
        "period_of_stay": draw(periods),
        "expires_on": draw(dates),
        "card_expires_on": draw(dates),
        draw(st.sampled_from(["id", "employee_id"])): draw(ids),
        draw(st.sampled_from(["name", "name_roman"])): draw(ids),
    }
    dropped = draw(st.sets(st.sampled_from(KEYS)))
    return {k: v for k, v in values.items() if k not in dropped}


def alone(people: list[object], on: date) -> list[object]:
    """The reference: each person planned alone, in a fresh state."""
    out: list[object] = []
    for row, value in enumerate(people):
        roster.clear_memos()
        out.append(roster.planned_alone(value, row, on, roster.extension_fee_ranges(on)))
    return out


def memoized(people: list[object], on: date) -> list[object]:
    fees = roster.extension_fee_ranges(on)
    return [roster.plan_or_finding(value, row, on, fees) for row, value in enumerate(people)]


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    roster.clear_memos()
    yield
    roster.clear_memos()


@settings(max_examples=60, deadline=None)
@given(
    people=st.lists(records(), max_size=25),
    on=st.sampled_from([ON, date(2026, 12, 28), date(2027, 1, 4), date(2025, 3, 31)]),
)
def test_the_memo_gives_what_each_person_alone_gets(people: list[object], on: date) -> None:
    # Rows repeat, so the memo is used within the roster as well as across examples.
    people = people + people[::2]
    expected = alone(people, on)
    roster.clear_memos()
    assert memoized(people, on) == expected
    assert memoized(people, on) == expected  # the memo now warm
    assert [repr(p) for p in memoized(people, on)] == [repr(p) for p in expected]


def test_the_generated_roster_is_planned_the_same() -> None:
    """What the scale benchmark plans: the shape of a real HR export, as read."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    import _roster

    data = "".join(_roster.lines(600)).encode("cp932")
    people: list[object] = list(iter_read_csv(data.splitlines(True), columns=EXAMPLE_HR_COLUMNS))
    expected = alone(people, _roster.ON)
    assert sum(isinstance(p, nr.RenewalPlan) for p in expected) > 500
    roster.clear_memos()
    assert memoized(people, _roster.ON) == expected
    schedule = nr.plan_renewals(people, on=_roster.ON)
    assert sorted(map(repr, schedule.plans)) == sorted(
        repr(p) for p in expected if isinstance(p, nr.RenewalPlan)
    )
    assert list(iter_plan_renewals(people, on=_roster.ON)) == expected


def test_a_finding_names_its_own_row_and_person() -> None:
    """Two people with the same unknown status: one remembered reason, two findings."""
    people = [
        {"id": "A", "status": "技術・人文", "period_of_stay": "1年", "expires_on": "20270101"},
        {"id": "B", "status": "技術・人文", "period_of_stay": "1年", "expires_on": "20270101"},
    ]
    first, second = memoized(people, ON)
    assert isinstance(first, nr.Finding)
    assert isinstance(second, nr.Finding)
    assert (first.row, first.params["id"]) == (0, "A")
    assert (second.row, second.params["id"]) == (1, "B")
    assert [first, second] == alone(people, ON)


def test_the_memo_is_bounded_and_keeps_no_long_text() -> None:
    info = roster._outcome.cache_info()
    assert info.maxsize is not None
    assert info.maxsize <= 1 << 16
    long = {"id": "L", "status": "技人国" * 30, "period_of_stay": "1年", "expires_on": "20270101"}
    assert memoized([long], ON) == alone([long], ON)
    roster.clear_memos()
    memoized([long], ON)
    assert roster._outcome.cache_info().currsize == 0
    for memo in (roster._windows, roster._date_named, roster._status_named):
        assert memo.cache_info().maxsize is not None


def test_a_remembered_reason_holds_no_traceback() -> None:
    """The memo keeps a fresh reason, not the raised one: no frame (and no caller's
    record) stays alive through it."""
    bad = roster._outcome("技人国", "1年", "2027-02-30", None, ON)
    assert isinstance(bad, roster._Unplannable)
    assert bad.__traceback__ is None
    assert bad.__context__ is None


def test_threads_share_the_memo_safely() -> None:
    """Safe to embed: several threads planning at once get the answers each gets alone."""
    people: list[object] = [
        {"id": f"E{i}", "status": STATUSES[i % 9], "period_of_stay": PERIODS[i % 7],
         "expires_on": f"2027{1 + i % 12:02d}{1 + i % 28:02d}"}
        for i in range(400)
    ]  # fmt: skip
    expected = alone(people, ON)
    roster.clear_memos()
    results: list[list[object]] = []
    barrier = threading.Barrier(4)

    def work() -> None:
        barrier.wait()
        results.append(memoized(people, ON))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4
    assert all(r == expected for r in results)


@settings(max_examples=60, deadline=None)
@given(
    expires=st.dates(date(2000, 1, 1), date(2040, 12, 31)) | st.sampled_from([date.max, date.min]),
    period=st.sampled_from(["1年", "3年", "5年", "6月", "3月", "30日", "31日", "15日", "1年3月"]),
    single=st.booleans(),
)
def test_renewal_answers_do_not_depend_on_what_was_remembered(
    expires: date, period: str, single: bool
) -> None:
    """renewal_window and special_period_end remember per rule row and expiry: the same
    answers (or the same error) from a fresh state and from a warm one."""

    def answers() -> list[object]:
        out: list[object] = []
        for channel in (Channel.ONLINE, Channel.COUNTER):
            try:
                out.append(
                    deadlines.renewal_window(
                        expires, period_of_stay=period, channel=channel,
                        include_single_source=single,
                    )
                )  # fmt: skip
            except nr.NyukanRulesError as exc:
                out.append((type(exc), exc.code, str(exc)))
        for kind in (ApplicationKind.EXTENSION_OF_PERIOD, ApplicationKind.PERMANENT_RESIDENCE):
            try:
                out.append(deadlines.special_period_end(expires, period_of_stay=period, kind=kind))
            except nr.NyukanRulesError as exc:
                out.append((type(exc), exc.code, str(exc)))
        return out

    deadlines.clear_memos()
    fresh = answers()
    for other in ("1年", "3年", "3月"):  # other periods of the same rows, remembered first
        # (2032 is a leap year: 29 February moves to it as any other day)
        deadlines.renewal_window(expires.replace(year=2032), period_of_stay=other, channel="online")
    assert answers() == fresh
    assert answers() == fresh


@settings(max_examples=80, deadline=None)
@given(
    expires=st.dates(date(2000, 1, 1), date(2040, 12, 31))
    | st.sampled_from([date.max, date.min, date(9999, 12, 30), date(1, 1, 2)]),
    period=st.sampled_from(["1年", "3年", "5年", "6月", "3月", "30日", "31日", "15日", "1年3月"]),
    warm=st.booleans(),
)
def test_extension_dates_are_the_window_and_special_period_answers(
    expires: date, period: str, warm: bool
) -> None:
    """What the planner reads in one call is what renewal_window (online and at a
    counter) and special_period_end say (renewal-from-three-months,
    online-not-on-expiry-day, office-closed-days, special-period), errors included."""
    parsed = PeriodOfStay.parse(period)
    if warm:  # other periods on the same rows first
        for other in ("1年", "3年", "3月"):
            with contextlib.suppress(nr.NyukanRulesError):
                deadlines.extension_dates(expires, PeriodOfStay.parse(other))
    else:
        deadlines.clear_memos()

    def answer(ask: Callable[[], object]) -> object:
        try:
            return ask()
        except nr.NyukanRulesError as exc:
            return (type(exc), exc.code)

    def separately() -> object:
        online = deadlines.renewal_window(expires, period_of_stay=parsed, channel="online")
        counter = deadlines.renewal_window(expires, period_of_stay=parsed, channel="counter")
        special = deadlines.special_period_end(
            expires, period_of_stay=parsed, kind=ApplicationKind.EXTENSION_OF_PERIOD
        )
        return (online.first_day, online.last_day, counter.last_day, special)

    assert answer(lambda: deadlines.extension_dates(expires, parsed)) == answer(separately)


def test_the_memo_of_written_plans_is_bounded_and_agrees_with_the_plan() -> None:
    """plan_cells (iter_roster_csv's plans) formats what plan_or_finding plans, from a
    memo of at most two days of 65,536 plans each (the extension windows' rules, source
    extension-window)."""
    roster.clear_memos()
    fees = roster.extension_fee_ranges(ON)
    people = [
        {"employee_id": f"E{i}", "name_roman": "A B", "status": STATUSES[i % 9],
         "period_of_stay": PERIODS[i % 7], "expires_on": f"2027{1 + i % 12:02d}{1 + i % 28:02d}"}
        for i in range(60)
    ]  # fmt: skip
    for day in (ON, date(2026, 12, 1), date(2027, 1, 5)):
        day_fees = roster.extension_fee_ranges(day)
        for row, person in enumerate(people):
            plan = roster.plan_or_finding(person, row, day, day_fees)
            cells = roster.plan_cells(person, row, day, day_fees)
            if isinstance(plan, nr.Finding):
                assert cells == plan
            else:
                assert cells == (plan.person.id, plan.person.name, *roster.plan_tail(plan))
    info = roster._tails_on.cache_info()
    assert info.maxsize == 2
    assert info.currsize == 2
    tails = roster._tails_on(ON, fees)
    assert tails.cache_info().maxsize == 1 << 16  # type: ignore[attr-defined]
