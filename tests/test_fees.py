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


def test_rows_name_known_sources() -> None:
    for schedule in FEE_SCHEDULES:
        for row in schedule.rows:
            assert row.yen >= 0
            assert row.source_ids
            assert all(i in nr.SOURCES for i in row.source_ids)
    for other in (*PAYMENT_RULES, *PAYMENT_CHARGES, *HARDSHIP_REDUCTIONS):
        assert other.source_ids
        assert all(i in nr.SOURCES for i in other.source_ids)


# Counter-only procedures whose 2026 fee no source lists (fee-2026-unlisted, unverified).
UNLISTED_2026 = {
    K.TRUSTED_TRAVELLER_CARD,
    K.TRUSTED_TRAVELLER_CARD_REISSUE,
    K.REFUGEE_TRAVEL_DOCUMENT,
}


def test_every_procedure_has_a_counter_fee_in_every_schedule() -> None:
    for schedule in FEE_SCHEDULES:
        for kind in K:
            assert schedule.rows_for(kind, C, include_single_source=True), (schedule.id, kind)
            if not (schedule.id == "2026-10" and kind in UNLISTED_2026):
                assert schedule.rows_for(kind, C), (schedule.id, kind)


ALL_PERIODS = [nr.PeriodOfStay(days=d) for d in range(1, 200)] + [
    nr.PeriodOfStay(years=y, months=m) for y in range(11) for m in range(12) if y or m
]


def test_bands_cover_every_period_exactly_once() -> None:
    for schedule in FEE_SCHEDULES:
        for kind in K:
            for channel in nr.Channel:
                rows = schedule.rows_for(kind, channel)
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
    except nr.NoRuleError:
        # only the unverified 2026 rows of counter-only procedures (fee-2026-unlisted)
        assert kind in UNLISTED_2026
        assert day >= NEW
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
    except (nr.NotOfferedError, nr.NoRuleError):
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


# --- audit 2026-11: rows the library did not know -----------------------------------


@pytest.mark.parametrize(
    ("kind", "day", "yen"),
    [
        # trusted-traveller-card-fee: issue 2,200 -> 4,000 and reissue -> 2,000 from 2025-04-01
        (K.TRUSTED_TRAVELLER_CARD, OLD, 2_200),
        (K.TRUSTED_TRAVELLER_CARD, MID, 4_000),
        (K.TRUSTED_TRAVELLER_CARD_REISSUE, MID, 2_000),
        # trusted-traveller-card-reissue-1100 (secondary) wins over -1000 (unverified)
        (K.TRUSTED_TRAVELLER_CARD_REISSUE, OLD, 1_100),
        # refugee-travel-document-fee: 5,000 throughout
        (K.REFUGEE_TRAVEL_DOCUMENT, OLD, 5_000),
        (K.REFUGEE_TRAVEL_DOCUMENT, MID, 5_000),
    ],
)
def test_counter_only_procedures_of_the_fee_table(
    kind: nr.ApplicationKind, day: date, yen: int
) -> None:
    answer = nr.fee(kind, channel=C, accepted_on=day)
    assert answer.yen == yen
    assert answer.confidence is nr.Confidence.SECONDARY
    with pytest.raises(nr.NotOfferedError):
        nr.fee(kind, channel=OL, accepted_on=day)


def test_the_conflicting_reissue_fee_is_kept_and_marked() -> None:
    """trusted-traveller-card-reissue-1000 (unverified) against -1100 (secondary)."""
    rows = FEE_SCHEDULES[0].rows_for(
        K.TRUSTED_TRAVELLER_CARD_REISSUE, C, include_single_source=True
    )
    assert sorted(r.yen for r in rows) == [1_000, 1_100]
    assert [r.yen for r in FEE_SCHEDULES[0].rows_for(K.TRUSTED_TRAVELLER_CARD_REISSUE, C)] == [
        1_100
    ]
    assert "CONFLICT" in nr.SOURCES["trusted-traveller-card-reissue-1100"].title
    assert nr.SOURCES["trusted-traveller-card-reissue-1000"].confidence is nr.Confidence.UNVERIFIED


def test_unlisted_2026_fees_only_on_request() -> None:
    """fee-2026-unlisted: nothing found for these in 2026, presumably unchanged (unverified)."""
    with pytest.raises(nr.NoRuleError, match="include_single_source"):
        nr.fee(K.REFUGEE_TRAVEL_DOCUMENT, channel=C, accepted_on=NEW)
    answer = nr.fee(
        K.REFUGEE_TRAVEL_DOCUMENT, channel=C, accepted_on=NEW, include_single_source=True
    )
    assert answer.yen == 5_000
    assert answer.confidence is nr.Confidence.UNVERIFIED


def test_indefinite_period_change_to_highly_skilled_2() -> None:
    """無期限 (高度専門職2号) parses; a flat schedule answers, a tiered one has no band.

    Sources: isa-fee-2025 (flat), isa-fee-2026 (tiered by the period granted).
    """
    assert nr.PeriodOfStay.parse("無期限") is nr.PeriodOfStay.INDEFINITE
    assert (
        nr.fee(K.CHANGE_OF_STATUS, channel=C, accepted_on=MID, period_of_stay="無期限").yen == 6_000
    )
    with pytest.raises(nr.NoRuleError, match="無期限"):
        nr.fee(K.CHANGE_OF_STATUS, channel=C, accepted_on=NEW, period_of_stay="無期限")


# --- a new schedule is data ------------------------------------------------------------


def test_a_new_tiered_schedule_is_data_only() -> None:
    """docs/adding-rules.md: a schedule for 2027-10 built from rows, passed as ``schedules``.

    Source ids of the package stand in for the new notice (isa-fee-2026).
    """
    from nyukan_rules.dates import Effective
    from nyukan_rules.fees import (
        BAND_1_TO_3_YEARS,
        BAND_1_YEAR,
        BAND_3_TO_5_YEARS,
        BAND_3_TO_6_MONTHS,
        BAND_5_YEARS_OR_MORE,
        BAND_6_MONTHS_TO_1_YEAR,
        BAND_UP_TO_3_MONTHS,
        FeeSchedule,
        flat_fees,
        tiered_fees,
    )

    current = FEE_SCHEDULES[-1]
    closed = FeeSchedule(
        current.id,
        current.title_ja,
        current.title_en,
        current.rows,
        effective=Effective(current.effective.since, date(2027, 9, 30)),
        source_ids=current.source_ids,
    )
    ids = ("isa-fee-2026",)
    new = FeeSchedule(
        "2027-10",
        "令和9年10月1日からの受付分",
        "Accepted from 2027-10-01",
        (
            *tiered_fees(
                [K.CHANGE_OF_STATUS, K.EXTENSION_OF_PERIOD, K.PERMANENT_RESIDENCE],
                [
                    (BAND_UP_TO_3_MONTHS, 11_000, 10_500),
                    (BAND_3_TO_6_MONTHS, 19_000, 16_000),
                    (BAND_6_MONTHS_TO_1_YEAR, 26_000, 22_000),
                    (BAND_1_YEAR, 34_000, 28_000),
                    (BAND_1_TO_3_YEARS, 49_000, 43_000),
                    (BAND_3_TO_5_YEARS, 65_000, 57_000),
                    (BAND_5_YEARS_OR_MORE, 76_000, 66_000),
                ],
                source_ids=ids,
            ),
            *flat_fees(K.EMPLOYMENT_CERTIFICATE, counter=2_500, online=2_000, source_ids=ids),
        ),
        effective=Effective(date(2027, 10, 1), None),
        source_ids=ids,
    )
    schedules = (*FEE_SCHEDULES[:-1], closed, new)
    day = date(2027, 10, 1)
    assert nr.fee_schedule(day, schedules=schedules).id == "2027-10"
    assert new.tiered
    answer = nr.fee(
        K.PERMANENT_RESIDENCE,
        channel=OL,
        accepted_on=day,
        period_of_stay="1年",
        schedules=schedules,
    )
    assert (answer.yen, answer.schedule) == (28_000, "2027-10")
    with pytest.raises(nr.MissingInputError):
        nr.fee(K.EXTENSION_OF_PERIOD, channel=C, accepted_on=day, schedules=schedules)
    assert nr.fee_range(K.EXTENSION_OF_PERIOD, channel=C, accepted_on=day, schedules=schedules) == (
        11_000,
        76_000,
    )
    with pytest.raises(nr.NotOfferedError):
        nr.fee(K.REENTRY_PERMIT_SINGLE, channel=C, accepted_on=day, schedules=schedules)
    # the day before still answers from the closed 2026 schedule; the package is untouched
    before = date(2027, 9, 30)
    assert (
        nr.fee(K.PERMANENT_RESIDENCE, channel=C, accepted_on=before, schedules=schedules).yen
        == 200_000
    )
    assert nr.fee_schedule(day).id == "2026-10"
    with pytest.raises(nr.ArgumentTypeError):
        nr.fee_schedule(day, schedules="2027-10")  # type: ignore[arg-type]
