"""Fees (手数料): dated schedules as data, and fee(), fee_range(), total_fee().

The schedule that applies is chosen by the day the application is
**accepted** (受付日), never the day it is granted; nothing is due when an
application is refused.  Schedules are tables below: a new fee schedule is a
new :class:`FeeSchedule` and its rows, not new code (see the docs' "Adding a
rule" page).  Facts known from one source only (the online payment charge,
the hardship reduction) are rows too, but they enter an answer only when the
caller asks for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from nyukan_rules._args import ensure_bool
from nyukan_rules.catalog import ApplicationKind, Channel, PeriodOfStay, StayBand
from nyukan_rules.catalog._base import CatalogEnum
from nyukan_rules.dates import Effective, ensure_date
from nyukan_rules.errors import MissingInputError, NoRuleError, NotOfferedError
from nyukan_rules.sources import Confidence, Source, sources

__all__ = [
    "FEE_ROWS",
    "FEE_SCHEDULES",
    "HARDSHIP_REDUCTIONS",
    "PAYMENT_CHARGES",
    "PAYMENT_RULES",
    "Fee",
    "FeeRow",
    "FeeSchedule",
    "HardshipReduction",
    "Payment",
    "PaymentCharge",
    "PaymentRule",
    "fee",
    "fee_range",
    "fee_schedule",
    "total_fee",
]

K = ApplicationKind
COUNTER, ONLINE = Channel.COUNTER, Channel.ONLINE


class Payment(CatalogEnum):
    """How a fee is paid."""

    REVENUE_STAMP = ("revenue_stamp", "収入印紙", "Revenue stamps on the fee slip")
    CONVENIENCE_STORE_OR_PAY_EASY = (
        "convenience_store_or_pay_easy",
        "コンビニ払い又はPay-easy",
        "Convenience store or Pay-easy",
    )
    NONE = ("none", "手数料なし", "No fee")


@attrs.frozen
class FeeSchedule:
    """One fee schedule: the fees for applications accepted in ``effective``."""

    id: str
    effective: Effective
    title_ja: str
    title_en: str
    source_ids: tuple[str, ...]

    @property
    def sources(self) -> tuple[Source, ...]:
        return sources(*self.source_ids)


@attrs.frozen
class FeeRow:
    """The fee of one procedure on one channel under one schedule.

    ``band`` is set where the schedule is tiered by the period of stay
    granted; a (schedule, kind, channel) with no row is not offered.
    """

    schedule: str
    kind: ApplicationKind
    channel: Channel
    yen: int
    source_ids: tuple[str, ...]
    band: StayBand | None = None


@attrs.frozen
class PaymentRule:
    """How fees are paid on a channel during ``effective``."""

    channel: Channel
    effective: Effective
    payment: Payment
    source_ids: tuple[str, ...]


@attrs.frozen
class PaymentCharge:
    """A charge added to an online payment (決済手数料)."""

    kind: ApplicationKind
    effective: Effective
    yen: int
    source_ids: tuple[str, ...]
    band: StayBand | None = None


@attrs.frozen
class HardshipReduction:
    """The reduced fee for an applicant in hardship (経済的困難等による減額)."""

    kind: ApplicationKind
    channel: Channel
    effective: Effective
    yen: int
    source_ids: tuple[str, ...]


# --- the schedules -----------------------------------------------------------------

#: The earliest day the fee tables cover: the online system's first day.
#: Earlier amounts (for example 680 yen for the employment certificate in 1981)
#: are not modelled; asking about them raises NoRuleError.
COVERED_FROM = date(2019, 7, 25)

FEE_SCHEDULES: tuple[FeeSchedule, ...] = (
    FeeSchedule(
        "2019-07",
        Effective(COVERED_FROM, date(2025, 3, 31)),
        "令和7年3月31日までの受付分（窓口・オンライン同額）",
        "Accepted until 2025-03-31 (one fee for both channels)",
        ("isa-fee-2025", "fee-acceptance-date"),
    ),
    FeeSchedule(
        "2025-04",
        Effective(date(2025, 4, 1), date(2026, 9, 30)),
        "令和7年4月1日からの受付分（オンライン申請は減額）",
        "Accepted from 2025-04-01 (lower online fees)",
        ("isa-fee-2025", "fee-acceptance-date"),
    ),
    FeeSchedule(
        "2026-10",
        Effective(date(2026, 10, 1), None),
        "令和8年10月1日からの受付分（変更・更新は許可される在留期間に応じた額）",
        "Accepted from 2026-10-01 (change and extension tiered by the period granted)",
        ("isa-fee-2026", "fee-acceptance-date"),
    ),
)


def _band(
    low: str | None, low_inclusive: bool, high: str | None, high_inclusive: bool, ja: str, en: str
) -> StayBand:
    return StayBand(
        low=PeriodOfStay.parse(low) if low else None,
        low_inclusive=low_inclusive,
        high=PeriodOfStay.parse(high) if high else None,
        high_inclusive=high_inclusive,
        ja=ja,
        en=en,
    )


# The bands of the 2026-10-01 schedule, as the Cabinet Order words them.
BAND_UP_TO_3_MONTHS = _band(None, False, "3月", True, "3月以下", "3 months or less")
BAND_3_TO_6_MONTHS = _band("3月", False, "6月", True, "3月超6月以下", "over 3 up to 6 months")
BAND_6_MONTHS_TO_1_YEAR = _band(
    "6月", False, "1年", False, "6月超1年未満", "over 6 months, under 1 year"
)
BAND_1_YEAR = _band("1年", True, "1年", True, "1年", "1 year")
BAND_1_TO_3_YEARS = _band("1年", False, "3年", False, "1年超3年未満", "over 1 year, under 3 years")
BAND_3_TO_5_YEARS = _band("3年", True, "5年", False, "3年以上5年未満", "3 years, under 5 years")
BAND_5_YEARS_OR_MORE = _band("5年", True, None, False, "5年以上", "5 years or more")
BAND_UNDER_3_YEARS = _band(None, False, "3年", False, "3年未満", "under 3 years")
BAND_3_YEARS_OR_MORE = _band("3年", True, None, False, "3年以上", "3 years or more")

# Flat fees: (schedule, kind, counter yen, online yen or None when not offered online)
_FLAT: tuple[tuple[str, ApplicationKind, int, int | None, str], ...] = (
    # accepted until 2025-03-31: one fee for both channels
    ("2019-07", K.CHANGE_OF_STATUS, 4_000, 4_000, "isa-fee-2025"),
    ("2019-07", K.EXTENSION_OF_PERIOD, 4_000, 4_000, "isa-fee-2025"),
    ("2019-07", K.PERMANENT_RESIDENCE, 8_000, None, "isa-fee-2025"),
    ("2019-07", K.REENTRY_PERMIT_SINGLE, 3_000, 3_000, "isa-fee-2025"),
    ("2019-07", K.REENTRY_PERMIT_MULTIPLE, 6_000, 6_000, "isa-fee-2025"),
    ("2019-07", K.EMPLOYMENT_CERTIFICATE, 1_200, 1_200, "isa-fee-2025"),
    ("2019-07", K.CERTIFICATE_OF_ELIGIBILITY, 0, 0, "isa-fee-2025"),
    ("2019-07", K.ACQUISITION_OF_STATUS, 0, 0, "isa-fee-2025"),
    ("2019-07", K.PERMISSION_FOR_ACTIVITY, 0, 0, "isa-fee-2025"),
    # accepted 2025-04-01 .. 2026-09-30
    ("2025-04", K.CHANGE_OF_STATUS, 6_000, 5_500, "isa-fee-2025"),
    ("2025-04", K.EXTENSION_OF_PERIOD, 6_000, 5_500, "isa-fee-2025"),
    ("2025-04", K.PERMANENT_RESIDENCE, 10_000, None, "isa-fee-2025"),
    ("2025-04", K.REENTRY_PERMIT_SINGLE, 4_000, 3_500, "isa-fee-2025"),
    ("2025-04", K.REENTRY_PERMIT_MULTIPLE, 7_000, 6_500, "isa-fee-2025"),
    ("2025-04", K.EMPLOYMENT_CERTIFICATE, 2_000, 1_600, "isa-fee-2025"),
    ("2025-04", K.CERTIFICATE_OF_ELIGIBILITY, 0, 0, "isa-fee-2025"),
    ("2025-04", K.ACQUISITION_OF_STATUS, 0, 0, "isa-fee-2025"),
    ("2025-04", K.PERMISSION_FOR_ACTIVITY, 0, 0, "isa-fee-2025"),
    # accepted from 2026-10-01 (change and extension are tiered, below)
    ("2026-10", K.PERMANENT_RESIDENCE, 200_000, None, "isa-fee-2026"),
    ("2026-10", K.REENTRY_PERMIT_SINGLE, 4_000, 3_500, "isa-fee-2026"),
    ("2026-10", K.REENTRY_PERMIT_MULTIPLE, 7_000, 6_500, "isa-fee-2026"),
    ("2026-10", K.EMPLOYMENT_CERTIFICATE, 2_000, 1_600, "isa-fee-2026"),
    ("2026-10", K.CERTIFICATE_OF_ELIGIBILITY, 0, 0, "isa-fee-2026"),
    ("2026-10", K.ACQUISITION_OF_STATUS, 0, 0, "isa-fee-2026"),
    ("2026-10", K.PERMISSION_FOR_ACTIVITY, 0, 0, "isa-fee-2026"),
)

# Tiered fees of change of status and extension from 2026-10-01: (band, counter, online)
_TIERED_2026: tuple[tuple[StayBand, int, int], ...] = (
    (BAND_UP_TO_3_MONTHS, 10_000, 10_000),
    (BAND_3_TO_6_MONTHS, 18_000, 15_000),
    (BAND_6_MONTHS_TO_1_YEAR, 25_000, 21_000),
    (BAND_1_YEAR, 33_000, 27_000),
    (BAND_1_TO_3_YEARS, 48_000, 42_000),
    (BAND_3_TO_5_YEARS, 64_000, 56_000),
    (BAND_5_YEARS_OR_MORE, 75_000, 65_000),
)


def _rows() -> tuple[FeeRow, ...]:
    rows: list[FeeRow] = []
    for schedule, kind, counter, online, src in _FLAT:
        rows.append(FeeRow(schedule, kind, COUNTER, counter, (src,)))
        if online is not None:
            rows.append(FeeRow(schedule, kind, ONLINE, online, (src,)))
    for kind in (K.CHANGE_OF_STATUS, K.EXTENSION_OF_PERIOD):
        for band, counter, online in _TIERED_2026:
            rows.append(FeeRow("2026-10", kind, COUNTER, counter, ("isa-fee-2026",), band))
            rows.append(FeeRow("2026-10", kind, ONLINE, online, ("isa-fee-2026",), band))
    return tuple(rows)


#: Every fee row of every schedule.
FEE_ROWS: tuple[FeeRow, ...] = _rows()

PAYMENT_RULES: tuple[PaymentRule, ...] = (
    PaymentRule(
        COUNTER, Effective(COVERED_FROM, None), Payment.REVENUE_STAMP, ("fee-revenue-stamps",)
    ),
    PaymentRule(
        ONLINE,
        Effective(COVERED_FROM, date(2026, 9, 30)),
        Payment.REVENUE_STAMP,
        ("fee-revenue-stamps",),
    ),
    PaymentRule(
        ONLINE,
        Effective(date(2026, 10, 1), None),
        Payment.CONVENIENCE_STORE_OR_PAY_EASY,
        ("isa-fee-2026-payment",),
    ),
)

_FROM_2026_10 = Effective(date(2026, 10, 1), None)

#: Online payment charges (single source): only with ``payment_charge=True``.
PAYMENT_CHARGES: tuple[PaymentCharge, ...] = (
    *(
        PaymentCharge(kind, _FROM_2026_10, yen, ("fee-2026-payment-charge",), band)
        for kind in (K.CHANGE_OF_STATUS, K.EXTENSION_OF_PERIOD)
        for band, yen in ((BAND_UNDER_3_YEARS, 330), (BAND_3_YEARS_OR_MORE, 550))
    ),
    PaymentCharge(K.REENTRY_PERMIT_SINGLE, _FROM_2026_10, 220, ("fee-2026-payment-charge",)),
    PaymentCharge(K.REENTRY_PERMIT_MULTIPLE, _FROM_2026_10, 220, ("fee-2026-payment-charge",)),
    PaymentCharge(K.EMPLOYMENT_CERTIFICATE, _FROM_2026_10, 220, ("fee-2026-payment-charge",)),
)

#: Hardship reductions (single source): only with ``hardship_reduction=True``.
HARDSHIP_REDUCTIONS: tuple[HardshipReduction, ...] = (
    HardshipReduction(K.CHANGE_OF_STATUS, COUNTER, _FROM_2026_10, 10_000, ("fee-2026-reduction",)),
    HardshipReduction(
        K.EXTENSION_OF_PERIOD, COUNTER, _FROM_2026_10, 10_000, ("fee-2026-reduction",)
    ),
    HardshipReduction(
        K.PERMANENT_RESIDENCE, COUNTER, _FROM_2026_10, 20_000, ("fee-2026-reduction",)
    ),
)


# --- answers ---------------------------------------------------------------------


@attrs.frozen
class Fee:
    """The fee due for one procedure, and how it is paid.

    ``yen`` is the fee itself; ``payment_charge`` is the online payment charge
    (0 unless asked for); ``total_yen`` is both.  ``confidence`` is the weakest
    confidence of the facts used.
    """

    kind: ApplicationKind
    channel: Channel
    accepted_on: date
    yen: int
    schedule: str
    payment: Payment
    sources: tuple[Source, ...]
    period_of_stay: PeriodOfStay | None = None
    band: StayBand | None = None
    payment_charge: int = 0
    reduced: bool = False

    @property
    def total_yen(self) -> int:
        return self.yen + self.payment_charge

    @property
    def confidence(self) -> Confidence:
        return Confidence.weakest(s.confidence for s in self.sources)


def fee_schedule(accepted_on: date) -> FeeSchedule:
    """The fee schedule for an application accepted on ``accepted_on``.

    >>> fee_schedule(date(2026, 11, 22)).id
    '2026-10'
    """
    accepted_on = ensure_date(accepted_on, "accepted_on")
    for schedule in FEE_SCHEDULES:
        if schedule.effective.contains(accepted_on):
            return schedule
    raise NoRuleError(
        f"no fee schedule is known for {accepted_on.isoformat()};"
        f" the tables cover applications accepted from {COVERED_FROM.isoformat()}"
    )


def _index(rows: Iterable[FeeRow]) -> dict[tuple[str, ApplicationKind, Channel], list[FeeRow]]:
    index: dict[tuple[str, ApplicationKind, Channel], list[FeeRow]] = {}
    for row in rows:
        index.setdefault((row.schedule, row.kind, row.channel), []).append(row)
    return index


#: FEE_ROWS by (schedule, kind, channel), built once: a lookup, not a scan, per call.
_ROWS_BY_KEY = _index(FEE_ROWS)


def _rows_for(kind: ApplicationKind, channel: Channel, schedule: FeeSchedule) -> list[FeeRow]:
    rows = _ROWS_BY_KEY.get((schedule.id, kind, channel), [])
    if not rows:
        raise NotOfferedError(
            f"{kind.en} ({kind.ja}) is not offered on the {channel.value} channel"
            f" under the fee schedule {schedule.id}"
        )
    return rows


def _payment(channel: Channel, accepted_on: date) -> PaymentRule:
    for rule in PAYMENT_RULES:
        if rule.channel is channel and rule.effective.contains(accepted_on):
            return rule
    raise NoRuleError(f"no payment rule for {channel.value} on {accepted_on.isoformat()}")


def _period(period_of_stay: PeriodOfStay | str | None) -> PeriodOfStay | None:
    return None if period_of_stay is None else PeriodOfStay.parse(period_of_stay)


def fee(
    kind: ApplicationKind | str,
    *,
    channel: Channel | str,
    accepted_on: date,
    period_of_stay: PeriodOfStay | str | None = None,
    payment_charge: bool = False,
    hardship_reduction: bool = False,
) -> Fee:
    """The fee due for one procedure accepted on ``accepted_on``.

    ``period_of_stay`` is the period **granted**; it is needed only where the
    schedule is tiered by it (change of status and extension from
    2026-10-01), and :class:`~nyukan_rules.MissingInputError` says so when it
    is missing.  A procedure not offered on ``channel`` raises
    :class:`~nyukan_rules.NotOfferedError`.

    ``payment_charge=True`` adds the online payment charge and
    ``hardship_reduction=True`` applies the reduced fee for an applicant in
    hardship; both are known from one source only, so they are never part of
    the default answer.

    >>> fee(ApplicationKind.EXTENSION_OF_PERIOD, channel=Channel.ONLINE,
    ...     accepted_on=date(2025, 6, 1)).yen
    5500
    >>> fee("extension_of_period", channel="counter", accepted_on=date(2026, 11, 22),
    ...     period_of_stay="1年").yen
    33000
    """
    kind = ApplicationKind.parse(kind)
    channel = Channel.parse(channel)
    period = _period(period_of_stay)
    accepted_on = ensure_date(accepted_on, "accepted_on")
    payment_charge = ensure_bool(payment_charge, "payment_charge")
    hardship_reduction = ensure_bool(hardship_reduction, "hardship_reduction")
    schedule = fee_schedule(accepted_on)
    rows = _rows_for(kind, channel, schedule)
    row = rows[0]
    if row.band is not None:
        if period is None:
            raise MissingInputError(
                f"the fee of {kind.en} accepted on {accepted_on.isoformat()} depends on the"
                " period of stay granted: pass period_of_stay (for example '1年'),"
                " or use fee_range() for the lowest and highest fee"
            )
        matching = [r for r in rows if r.band is not None and r.band.contains(period)]
        if len(matching) != 1:  # pragma: no cover - the tables are tested to partition
            raise NoRuleError(f"no fee band of schedule {schedule.id} holds {period}")
        row = matching[0]
    yen = row.yen
    source_ids = [*schedule.source_ids, *row.source_ids]
    reduced = False
    if hardship_reduction:
        reduction = next(
            (
                r
                for r in HARDSHIP_REDUCTIONS
                if r.kind is kind and r.channel is channel and r.effective.contains(accepted_on)
            ),
            None,
        )
        if reduction is None:
            raise NotOfferedError(
                f"no hardship reduction is known for {kind.en} on the {channel.value}"
                f" channel on {accepted_on.isoformat()}"
            )
        if reduction.yen < yen:
            yen, reduced = reduction.yen, True
            source_ids.extend(reduction.source_ids)
    if yen == 0:
        payment = Payment.NONE
    else:
        rule = _payment(channel, accepted_on)
        payment = rule.payment
        source_ids.extend(rule.source_ids)
    charge = 0
    if payment_charge and yen > 0 and channel is ONLINE:
        for c in PAYMENT_CHARGES:
            if (
                c.kind is kind
                and c.effective.contains(accepted_on)
                and (c.band is None or (period is not None and c.band.contains(period)))
            ):
                charge = c.yen
                source_ids.extend(c.source_ids)
                break
    return Fee(
        kind=kind,
        channel=channel,
        accepted_on=accepted_on,
        yen=yen,
        schedule=schedule.id,
        payment=payment,
        sources=sources(*dict.fromkeys(source_ids)),
        period_of_stay=period,
        band=row.band,
        payment_charge=charge,
        reduced=reduced,
    )


def fee_range(
    kind: ApplicationKind | str, *, channel: Channel | str, accepted_on: date
) -> tuple[int, int]:
    """The lowest and highest fee of a procedure, for budgeting before the grant.

    >>> fee_range("extension_of_period", channel="online", accepted_on=date(2026, 11, 22))
    (10000, 65000)
    """
    kind = ApplicationKind.parse(kind)
    channel = Channel.parse(channel)
    amounts = [r.yen for r in _rows_for(kind, channel, fee_schedule(accepted_on))]
    return min(amounts), max(amounts)


def total_fee(
    kinds: Iterable[ApplicationKind | str],
    *,
    channel: Channel | str,
    accepted_on: date,
    period_of_stay: PeriodOfStay | str | None = None,
) -> int:
    """The fees of every procedure in one filing, added up.

    >>> total_fee(["extension_of_period", "reentry_permit_single"], channel="online",
    ...           accepted_on=date(2026, 11, 22), period_of_stay="1年")
    30500
    """
    return sum(
        fee(k, channel=channel, accepted_on=accepted_on, period_of_stay=period_of_stay).yen
        for k in ApplicationKind.parse_all(kinds)
    )
