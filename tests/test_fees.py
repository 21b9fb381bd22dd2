"""Fees: the three schedules of RULES.md §3, and the tables' own consistency.

Sources: isa-fee-2025 (schedules 2019-07 and 2025-04), isa-fee-2026
(schedule 2026-10), fee-acceptance-date (the accepted day decides),
isa-fee-2026-payment, fee-revenue-stamps, fee-2026-payment-charge and
fee-2026-reduction (single source).
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nyukan_rules as nr
from nyukan_rules.fees import (
    COVERED_FROM,
    FEE_ROWS,
    FEE_SCHEDULES,
    HARDSHIP_REDUCTIONS,
    PAYMENT_CHARGES,
    PAYMENT_RULES,
)

K = nr.ApplicationKind
C, OL = nr.Channel.COUNTER, nr.Channel.ONLINE
OLD, MID, NEW = date(2025, 3, 31), date(2025, 4, 1), date(2026, 10, 1)

# RULES.md §3, first table:
# (kind, until 2025-03-31, counter from 2025-04-01, online from 2025-04-01)
FLAT = [
    (K.CHANGE_OF_STATUS, 4_000, 6_000, 5_500),
    (K.EXTENSION_OF_PERIOD, 4_000, 6_000, 5_500),
    (K.PERMANENT_RESIDENCE, 8_000, 10_000, None),
    (K.REENTRY_PERMIT_SINGLE, 3_000, 4_000, 3_500),
    (K.REENTRY_PERMIT_MULTIPLE, 6_000, 7_000, 6_500),
    (K.EMPLOYMENT_CERTIFICATE, 1_200, 2_000, 1_600),
    (K.CERTIFICATE_OF_ELIGIBILITY, 0, 0, 0),
    (K.ACQUISITION_OF_STATUS, 0, 0, 0),
    (K.PERMISSION_FOR_ACTIVITY, 0, 0, 0),
]


@pytest.mark.parametrize(("kind", "old", "counter", "online"), FLAT)
def test_schedules_2019_and_2025(
    kind: nr.ApplicationKind, old: int, counter: int, online: int | None
) -> None:
    # source: isa-fee-2025
    assert nr.fee(kind, channel=C, accepted_on=OLD).yen == old
    assert nr.fee(kind, channel=C, accepted_on=MID).yen == counter
    assert nr.fee(kind, channel=C, accepted_on=NEW - timedelta(days=1)).yen == counter
    if online is None:
        with pytest.raises(nr.NotOfferedError):
            nr.fee(kind, channel=OL, accepted_on=MID)
        with pytest.raises(nr.NotOfferedError):
            nr.fee(kind, channel=OL, accepted_on=OLD)
    else:
        assert nr.fee(kind, channel=OL, accepted_on=OLD).yen == old  # one fee for both
        assert nr.fee(kind, channel=OL, accepted_on=MID).yen == online


# RULES.md §3, second table (source: isa-fee-2026): period granted, counter, online
TIERS = [
    ("15日", 10_000, 10_000),
    ("3月", 10_000, 10_000),
    ("4月", 18_000, 15_000),
    ("6月", 18_000, 15_000),
    ("6月1日", 25_000, 21_000),
    ("11月", 25_000, 21_000),
    ("1年", 33_000, 27_000),
    ("1年6月", 48_000, 42_000),
    ("2年11月", 48_000, 42_000),
    ("3年", 64_000, 56_000),
    ("4年3月", 64_000, 56_000),
    ("5年", 75_000, 65_000),
]


@pytest.mark.parametrize("kind", [K.CHANGE_OF_STATUS, K.EXTENSION_OF_PERIOD])
@pytest.mark.parametrize(("period", "counter", "online"), TIERS)
def test_schedule_2026_tiers(
    kind: nr.ApplicationKind, period: str, counter: int, online: int
) -> None:
    assert nr.fee(kind, channel=C, accepted_on=NEW, period_of_stay=period).yen == counter
    assert nr.fee(kind, channel=OL, accepted_on=NEW, period_of_stay=period).yen == online


def test_schedule_2026_flat_fees() -> None:
    # source: isa-fee-2026 — permanent residence 200,000 counter only; others unchanged.
    assert nr.fee(K.PERMANENT_RESIDENCE, channel=C, accepted_on=NEW).yen == 200_000
    with pytest.raises(nr.NotOfferedError):
        nr.fee(K.PERMANENT_RESIDENCE, channel=OL, accepted_on=NEW)
    for kind, _, counter, online in FLAT[3:]:
        assert nr.fee(kind, channel=C, accepted_on=NEW).yen == counter
        assert nr.fee(kind, channel=OL, accepted_on=NEW).yen == online


def test_the_accepted_day_decides_not_the_grant() -> None:
    # source: fee-acceptance-date — the last day of a schedule keeps its fee.
    assert nr.fee(K.EXTENSION_OF_PERIOD, channel=OL, accepted_on=date(2026, 9, 30)).yen == 5_500
    assert (
        nr.fee(K.EXTENSION_OF_PERIOD, channel=OL, accepted_on=date(2026, 9, 30)).schedule
        == "2025-04"
    )
    assert nr.fee_schedule(date(2026, 10, 1)).id == "2026-10"


def test_issue_examples_for_total_fee() -> None:
    kinds = [K.EXTENSION_OF_PERIOD, K.REENTRY_PERMIT_SINGLE]
    assert nr.total_fee(kinds, channel=OL, accepted_on=date(2025, 6, 1)) == 9_000
    assert (
        nr.total_fee(kinds, channel=OL, accepted_on=date(2026, 11, 22), period_of_stay="1年")
        == 30_500
    )


def test_tiered_fee_without_period_says_what_is_missing() -> None:
    with pytest.raises(nr.MissingInputError, match="period_of_stay"):
        nr.fee(K.CHANGE_OF_STATUS, channel=OL, accepted_on=NEW)
    assert nr.fee_range(K.CHANGE_OF_STATUS, channel=C, accepted_on=NEW) == (10_000, 75_000)
    assert nr.fee_range(K.CHANGE_OF_STATUS, channel=OL, accepted_on=NEW) == (10_000, 65_000)
    assert nr.fee_range(K.CHANGE_OF_STATUS, channel=OL, accepted_on=MID) == (5_500, 5_500)
    with pytest.raises(nr.NotOfferedError):
        nr.fee_range(K.PERMANENT_RESIDENCE, channel=OL, accepted_on=NEW)


def test_dates_before_the_tables_raise_no_rule() -> None:
    with pytest.raises(nr.NoRuleError):
        nr.fee(K.EXTENSION_OF_PERIOD, channel=C, accepted_on=COVERED_FROM - timedelta(days=1))


def test_payment_method_by_channel_and_date() -> None:
    # fee-revenue-stamps until 2026-09-30 on both channels; isa-fee-2026-payment from 2026-10-01.
    stamp, store = nr.Payment.REVENUE_STAMP, nr.Payment.CONVENIENCE_STORE_OR_PAY_EASY
    assert nr.fee(K.REENTRY_PERMIT_SINGLE, channel=OL, accepted_on=MID).payment is stamp
    assert nr.fee(K.REENTRY_PERMIT_SINGLE, channel=OL, accepted_on=NEW).payment is store
    assert nr.fee(K.REENTRY_PERMIT_SINGLE, channel=C, accepted_on=NEW).payment is stamp
    assert nr.fee(K.PERMISSION_FOR_ACTIVITY, channel=OL, accepted_on=NEW).payment is nr.Payment.NONE


def test_single_source_facts_are_opt_in() -> None:
    # fee-2026-payment-charge (single): 330 under 3 years, 550 from 3 years, 220 re-entry.
    plain = nr.fee(K.EXTENSION_OF_PERIOD, channel=OL, accepted_on=NEW, period_of_stay="1年")
    assert plain.payment_charge == 0
    assert plain.total_yen == 27_000
    assert plain.confidence is nr.Confidence.SECONDARY
    charged = nr.fee(
        K.EXTENSION_OF_PERIOD,
        channel=OL,
        accepted_on=NEW,
        period_of_stay="1年",
        payment_charge=True,
    )
    assert (charged.yen, charged.payment_charge, charged.total_yen) == (27_000, 330, 27_330)
    assert charged.confidence is nr.Confidence.SINGLE
    assert "fee-2026-payment-charge" in {s.id for s in charged.sources}
    assert (
        nr.fee(
            K.CHANGE_OF_STATUS,
            channel=OL,
            accepted_on=NEW,
            period_of_stay="3年",
            payment_charge=True,
        ).payment_charge
        == 550
    )
    assert (
        nr.fee(
            K.REENTRY_PERMIT_MULTIPLE, channel=OL, accepted_on=NEW, payment_charge=True
        ).payment_charge
        == 220
    )
    # no charge at a counter, nor before 2026-10-01
    assert (
        nr.fee(
            K.REENTRY_PERMIT_SINGLE, channel=C, accepted_on=NEW, payment_charge=True
        ).payment_charge
        == 0
    )
    assert (
        nr.fee(
            K.REENTRY_PERMIT_SINGLE, channel=OL, accepted_on=MID, payment_charge=True
        ).payment_charge
        == 0
    )


def test_hardship_reduction_is_opt_in_and_counter_only() -> None:
    # fee-2026-reduction (single): 10,000 change/extension, 20,000 permanent residence.
    reduced = nr.fee(
        K.EXTENSION_OF_PERIOD,
        channel=C,
        accepted_on=NEW,
        period_of_stay="5年",
        hardship_reduction=True,
    )
    assert reduced.yen == 10_000
    assert reduced.reduced
    assert reduced.confidence is nr.Confidence.SINGLE
    assert (
        nr.fee(K.PERMANENT_RESIDENCE, channel=C, accepted_on=NEW, hardship_reduction=True).yen
        == 20_000
    )
    with pytest.raises(nr.NotOfferedError):
        nr.fee(
            K.EXTENSION_OF_PERIOD,
            channel=OL,
            accepted_on=NEW,
            period_of_stay="5年",
            hardship_reduction=True,
        )
    with pytest.raises(nr.NotOfferedError):
        nr.fee(K.EXTENSION_OF_PERIOD, channel=C, accepted_on=MID, hardship_reduction=True)


# --- the tables themselves -------------------------------------------------------


def test_schedules_have_no_gaps_or_overlaps() -> None:
    ordered = sorted(FEE_SCHEDULES, key=lambda s: s.effective.since or date.min)
    assert ordered[0].effective.since == COVERED_FROM
    assert ordered[-1].effective.until is None
    for earlier, later in itertools.pairwise(ordered):
        assert earlier.effective.until is not None
        assert later.effective.since is not None
        assert earlier.effective.until + timedelta(days=1) == later.effective.since
        assert not earlier.effective.overlaps(later.effective)


def test_rows_name_known_schedules_and_sources() -> None:
    ids = {s.id for s in FEE_SCHEDULES}
    for row in FEE_ROWS:
        assert row.schedule in ids
        assert row.yen >= 0
        assert row.source_ids
        assert all(i in nr.SOURCES for i in row.source_ids)
    for other in (*PAYMENT_RULES, *PAYMENT_CHARGES, *HARDSHIP_REDUCTIONS):
        assert other.source_ids
        assert all(i in nr.SOURCES for i in other.source_ids)


def test_every_procedure_has_a_counter_fee_in_every_schedule() -> None:
    for schedule in FEE_SCHEDULES:
        for kind in K:
            assert any(
                r.schedule == schedule.id and r.kind is kind and r.channel is C for r in FEE_ROWS
            ), (schedule.id, kind)


ALL_PERIODS = [nr.PeriodOfStay(days=d) for d in range(1, 200)] + [
    nr.PeriodOfStay(years=y, months=m) for y in range(11) for m in range(12) if y or m
]


def test_bands_cover_every_period_exactly_once() -> None:
    for schedule in FEE_SCHEDULES:
        for kind in K:
            for channel in nr.Channel:
                rows = [
                    r
                    for r in FEE_ROWS
                    if r.schedule == schedule.id and r.kind is kind and r.channel is channel
                ]
                if not rows or rows[0].band is None:
                    assert len(rows) <= 1
                    continue
                for period in ALL_PERIODS:
                    holding = [r for r in rows if r.band is not None and r.band.contains(period)]
                    assert len(holding) == 1, (schedule.id, kind, channel, period)


def test_payment_rules_cover_every_covered_day_once() -> None:
    for channel in nr.Channel:
        rules = [r for r in PAYMENT_RULES if r.channel is channel]
        for day in (COVERED_FROM, OLD, MID, date(2026, 9, 30), NEW, date(2030, 1, 1)):
            assert sum(r.effective.contains(day) for r in rules) == 1


# --- properties ------------------------------------------------------------------

days = st.dates(min_value=COVERED_FROM, max_value=date(2035, 12, 31))
kinds = st.sampled_from(list(K))
channels = st.sampled_from(list(nr.Channel))
periods = st.one_of(
    st.none(),
    st.integers(1, 40).map(lambda d: nr.PeriodOfStay(days=d)),
    st.tuples(st.integers(0, 10), st.integers(0, 11))
    .filter(any)
    .map(lambda t: nr.PeriodOfStay(years=t[0], months=t[1])),
)


@settings(deadline=None, max_examples=100)
@given(kinds, channels, days, periods)
def test_fee_raises_only_not_offered_or_missing_input(
    kind: nr.ApplicationKind, channel: nr.Channel, day: date, period: nr.PeriodOfStay | None
) -> None:
    try:
        result = nr.fee(kind, channel=channel, accepted_on=day, period_of_stay=period)
    except (nr.NotOfferedError, nr.MissingInputError):
        return
    low, high = nr.fee_range(kind, channel=channel, accepted_on=day)
    assert low <= result.yen <= high
    assert result.sources


@settings(deadline=None, max_examples=100)
@given(kinds, channels, days, periods, periods)
def test_a_longer_period_never_costs_less(
    kind: nr.ApplicationKind,
    channel: nr.Channel,
    day: date,
    a: nr.PeriodOfStay | None,
    b: nr.PeriodOfStay | None,
) -> None:
    if a is None or b is None:
        return
    shorter, longer = sorted([a, b])
    try:
        low = nr.fee(kind, channel=channel, accepted_on=day, period_of_stay=shorter).yen
        high = nr.fee(kind, channel=channel, accepted_on=day, period_of_stay=longer).yen
    except nr.NotOfferedError:
        return
    assert low <= high


@settings(deadline=None, max_examples=100)
@given(kinds, days, periods)
def test_online_never_costs_more_than_the_counter(
    kind: nr.ApplicationKind, day: date, period: nr.PeriodOfStay | None
) -> None:
    try:
        online = nr.fee(kind, channel=OL, accepted_on=day, period_of_stay=period).yen
    except (nr.NotOfferedError, nr.MissingInputError):
        return
    assert online <= nr.fee(kind, channel=C, accepted_on=day, period_of_stay=period).yen


# --- issue 10: flags accept only bool ------------------------------------------------------


@pytest.mark.parametrize("flag", ["payment_charge", "hardship_reduction"])
@pytest.mark.parametrize("value", ["no", "false", "yes", 0, 1, None])
def test_fee_flags_accept_only_bool(flag: str, value: object) -> None:
    """Issue 10: ``payment_charge="no"`` added the charge."""
    with pytest.raises(nr.ArgumentTypeError, match=f"^{flag} must be True or False"):
        nr.fee(
            "extension_of_period",
            channel="online",
            accepted_on=date(2026, 11, 22),
            period_of_stay="1年",
            **{flag: value},  # type: ignore[arg-type]
        )


@pytest.mark.parametrize("day", [date.min, date.max, date(9999, 12, 31)], ids=str)
def test_fees_at_the_calendar_edges(day: date) -> None:
    try:
        answer = nr.fee(
            "extension_of_period", channel="counter", accepted_on=day, period_of_stay="1年"
        )
    except (nr.NoRuleError, nr.NotOfferedError):
        return
    assert answer.yen >= 0


def test_fee_dates_wrong_type() -> None:
    for junk in (None, 20261122, [date(2026, 11, 22)]):
        with pytest.raises(nr.ArgumentTypeError):
            nr.fee("extension_of_period", channel="online", accepted_on=junk)  # type: ignore[arg-type]
        with pytest.raises(nr.ArgumentTypeError):
            nr.fee_schedule(junk)  # type: ignore[arg-type]
        with pytest.raises(nr.ArgumentTypeError):
            nr.fee_range("extension_of_period", channel="online", accepted_on=junk)  # type: ignore[arg-type]
