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

from nyukan_rules._args import ensure_bool, ensure_rows, type_name, wrong_type
from nyukan_rules.catalog import ApplicationKind, Channel, PeriodOfStay, StayBand
from nyukan_rules.catalog._base import CatalogEnum
from nyukan_rules.dates import Effective, ensure_date
from nyukan_rules.errors import ArgumentTypeError, MissingInputError, NoRuleError, NotOfferedError
from nyukan_rules.milestones import (
    FEES_2025_START,
    FEES_2026_START,
    ONLINE_SYSTEM_START,
    day_before,
)
from nyukan_rules.rules import (
    DatedRule,
    SourcedAnswer,
    SourcedRule,
    in_force,
    source_ids_of,
)
from nyukan_rules.sources import sources

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
    "flat_fees",
    "tiered_fees",
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
class FeeRow(SourcedRule):
    """The fee of one procedure on one channel, a row of a :class:`FeeSchedule`.

    ``band`` is set where the schedule is tiered by the period of stay
    granted; a (kind, channel) with no row in a schedule is not offered.
    """

    kind: ApplicationKind
    channel: Channel
    yen: int
    band: StayBand | None = None


def _rows(value: Iterable[FeeRow]) -> tuple[FeeRow, ...]:
    return tuple(value)


@attrs.frozen
class FeeSchedule(DatedRule):
    """One fee schedule: the fees of applications accepted in ``effective``.

    The schedule owns its rows, flat or tiered, so a new schedule is data:
    build it with :func:`flat_fees` and :func:`tiered_fees` and pass it in
    ``schedules`` to :func:`fee`, or add it to :data:`FEE_SCHEDULES`.
    """

    id: str
    title_ja: str
    title_en: str
    rows: tuple[FeeRow, ...] = attrs.field(default=(), converter=_rows)

    @property
    def tiered(self) -> bool:
        """True when some fee of this schedule depends on the period of stay granted."""
        return any(row.band is not None for row in self.rows)

    def rows_for(
        self, kind: ApplicationKind, channel: Channel, *, include_single_source: bool = False
    ) -> tuple[FeeRow, ...]:
        """The rows of ``kind`` on ``channel`` (one flat row, or one row a band)."""
        return in_force(
            (r for r in self.rows if r.kind is kind and r.channel is channel),
            include_single_source=include_single_source,
        )


def flat_fees(
    kind: ApplicationKind,
    *,
    counter: int | None,
    online: int | None,
    source_ids: Iterable[str],
) -> tuple[FeeRow, ...]:
    """The rows of a fee that does not depend on the period of stay.

    ``None`` on a channel means the procedure is not offered there.

    >>> [r.yen for r in flat_fees(ApplicationKind.EMPLOYMENT_CERTIFICATE,
    ...                            counter=2_000, online=1_600, source_ids=["isa-fee-2025"])]
    [2000, 1600]
    """
    ids = tuple(source_ids)
    return tuple(
        FeeRow(kind, channel, yen, source_ids=ids)
        for channel, yen in ((COUNTER, counter), (ONLINE, online))
        if yen is not None
    )


def tiered_fees(
    kinds: Iterable[ApplicationKind],
    bands: Iterable[tuple[StayBand, int | None, int | None]],
    *,
    source_ids: Iterable[str],
) -> tuple[FeeRow, ...]:
    """The rows of fees tiered by the period of stay granted: ``(band, counter, online)``.

    The bands of one procedure must cover every period of stay exactly once
    (the tests check every schedule of :data:`FEE_SCHEDULES`).
    """
    ids, table = tuple(source_ids), tuple(bands)
    return tuple(
        FeeRow(kind, channel, yen, band, source_ids=ids)
        for kind in kinds
        for band, counter, online in table
        for channel, yen in ((COUNTER, counter), (ONLINE, online))
        if yen is not None
    )


@attrs.frozen
class PaymentRule(DatedRule):
    """How fees are paid on a channel during ``effective``."""

    channel: Channel
    payment: Payment


@attrs.frozen
class PaymentCharge(DatedRule):
    """A charge added to an online payment (決済手数料)."""

    kind: ApplicationKind
    yen: int
    band: StayBand | None = None


@attrs.frozen
class HardshipReduction(DatedRule):
    """The reduced fee for an applicant in hardship (経済的困難等による減額)."""

    kind: ApplicationKind
    channel: Channel
    yen: int


# --- the schedules -----------------------------------------------------------------

#: The earliest day the fee tables cover: the online system's first day.
#: Earlier amounts (for example 680 yen for the employment certificate in 1981)
#: are not modelled; asking about them raises NoRuleError.
COVERED_FROM = ONLINE_SYSTEM_START


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

_FEE_2025 = ("isa-fee-2025",)
_FEE_2026 = ("isa-fee-2026",)
#: Counter-only procedures the 2026 sources do not list: presumably unchanged.
_UNLISTED_2026 = ("fee-2026-unlisted",)

Cell = tuple[int, int | None] | None

#: Flat fees as RULES.md §3 tabulates them: ``(counter, online)`` under the
#: schedules 2019-07, 2025-04 and 2026-10 in turn; online ``None`` where not
#: offered online, the cell ``None`` where the schedule tiers the fee instead.
_FLAT_FEES: tuple[tuple[ApplicationKind, Cell, Cell, Cell], ...] = (
    (K.CHANGE_OF_STATUS, (4_000, 4_000), (6_000, 5_500), None),
    (K.EXTENSION_OF_PERIOD, (4_000, 4_000), (6_000, 5_500), None),
    (K.PERMANENT_RESIDENCE, (8_000, None), (10_000, None), (200_000, None)),
    (K.REENTRY_PERMIT_SINGLE, (3_000, 3_000), (4_000, 3_500), (4_000, 3_500)),
    (K.REENTRY_PERMIT_MULTIPLE, (6_000, 6_000), (7_000, 6_500), (7_000, 6_500)),
    (K.EMPLOYMENT_CERTIFICATE, (1_200, 1_200), (2_000, 1_600), (2_000, 1_600)),
    (K.CERTIFICATE_OF_ELIGIBILITY, (0, 0), (0, 0), (0, 0)),
    (K.ACQUISITION_OF_STATUS, (0, 0), (0, 0), (0, 0)),
    (K.PERMISSION_FOR_ACTIVITY, (0, 0), (0, 0), (0, 0)),
)

#: Counter-only procedures of the fee table, with their own sources; the 2026
#: column adds fee-2026-unlisted (unverified).
_COUNTER_ONLY: tuple[tuple[ApplicationKind, tuple[str, ...], int, int, int], ...] = (
    (K.TRUSTED_TRAVELLER_CARD, ("trusted-traveller-card-fee",), 2_200, 4_000, 4_000),
    # 2019-07 has two rows below: the sources disagree (1,100 or 1,000 yen)
    (K.TRUSTED_TRAVELLER_CARD_REISSUE, ("trusted-traveller-card-fee",), 0, 2_000, 2_000),
    (K.REFUGEE_TRAVEL_DOCUMENT, ("refugee-travel-document-fee",), 5_000, 5_000, 5_000),
)


def _column(index: int, source_ids: tuple[str, ...]) -> tuple[FeeRow, ...]:
    """The rows of one schedule's column of :data:`_FLAT_FEES` and :data:`_COUNTER_ONLY`."""
    rows: list[FeeRow] = []
    for kind, *cells in _FLAT_FEES:
        cell = cells[index]
        if cell is not None:
            rows += flat_fees(kind, counter=cell[0], online=cell[1], source_ids=source_ids)
    for kind, ids, *amounts in _COUNTER_ONLY:
        if amounts[index]:
            extra = _UNLISTED_2026 if index == 2 else ()
            rows += flat_fees(kind, counter=amounts[index], online=None, source_ids=(*ids, *extra))
    return tuple(rows)


FEE_SCHEDULES: tuple[FeeSchedule, ...] = (
    FeeSchedule(
        "2019-07",
        "令和7年3月31日までの受付分（窓口・オンライン同額）",
        "Accepted until 2025-03-31 (one fee for both channels)",
        (
            *_column(0, _FEE_2025),
            # The sources disagree: the unverified 1,000-yen row is kept to show the
            # conflict and is never a default answer.
            *(
                row
                for yen in (1_100, 1_000)
                for row in flat_fees(
                    K.TRUSTED_TRAVELLER_CARD_REISSUE,
                    counter=yen,
                    online=None,
                    source_ids=(f"trusted-traveller-card-reissue-{yen}",),
                )
            ),
        ),
        effective=Effective(COVERED_FROM, day_before(FEES_2025_START)),
        source_ids=(*_FEE_2025, "fee-acceptance-date"),
    ),
    FeeSchedule(
        "2025-04",
        "令和7年4月1日からの受付分（オンライン申請は減額）",
        "Accepted from 2025-04-01 (lower online fees)",
        _column(1, _FEE_2025),
        effective=Effective(FEES_2025_START, day_before(FEES_2026_START)),
        source_ids=(*_FEE_2025, "fee-acceptance-date"),
    ),
    FeeSchedule(
        "2026-10",
        "令和8年10月1日からの受付分（変更・更新は許可される在留期間に応じた額）",
        "Accepted from 2026-10-01 (change and extension tiered by the period granted)",
        (
            *tiered_fees(
                (K.CHANGE_OF_STATUS, K.EXTENSION_OF_PERIOD),
                (
                    (BAND_UP_TO_3_MONTHS, 10_000, 10_000),
                    (BAND_3_TO_6_MONTHS, 18_000, 15_000),
                    (BAND_6_MONTHS_TO_1_YEAR, 25_000, 21_000),
                    (BAND_1_YEAR, 33_000, 27_000),
                    (BAND_1_TO_3_YEARS, 48_000, 42_000),
                    (BAND_3_TO_5_YEARS, 64_000, 56_000),
                    (BAND_5_YEARS_OR_MORE, 75_000, 65_000),
                ),
                source_ids=_FEE_2026,
            ),
            *_column(2, _FEE_2026),
        ),
        effective=Effective(FEES_2026_START, None),
        source_ids=(*_FEE_2026, "fee-acceptance-date"),
    ),
)

#: Every fee row of every schedule, with its schedule's id.
FEE_ROWS: tuple[tuple[str, FeeRow], ...] = tuple(
    (schedule.id, row) for schedule in FEE_SCHEDULES for row in schedule.rows
)

_FROM_2026_10 = Effective(FEES_2026_START, None)

PAYMENT_RULES: tuple[PaymentRule, ...] = (
    PaymentRule(
        COUNTER,
        Payment.REVENUE_STAMP,
        effective=Effective(COVERED_FROM, None),
        source_ids=("fee-revenue-stamps",),
    ),
    PaymentRule(
        ONLINE,
        Payment.REVENUE_STAMP,
        effective=Effective(COVERED_FROM, day_before(FEES_2026_START)),
        source_ids=("fee-revenue-stamps",),
    ),
    PaymentRule(
        ONLINE,
        Payment.CONVENIENCE_STORE_OR_PAY_EASY,
        effective=_FROM_2026_10,
        source_ids=("isa-fee-2026-payment",),
    ),
)

_CHARGE = ("fee-2026-payment-charge",)

#: Online payment charges (single source): only with ``payment_charge=True``.
PAYMENT_CHARGES: tuple[PaymentCharge, ...] = (
    *(
        PaymentCharge(kind, yen, band, effective=_FROM_2026_10, source_ids=_CHARGE)
        for kind in (K.CHANGE_OF_STATUS, K.EXTENSION_OF_PERIOD)
        for band, yen in ((BAND_UNDER_3_YEARS, 330), (BAND_3_YEARS_OR_MORE, 550))
    ),
    *(
        PaymentCharge(kind, 220, effective=_FROM_2026_10, source_ids=_CHARGE)
        for kind in (K.REENTRY_PERMIT_SINGLE, K.REENTRY_PERMIT_MULTIPLE, K.EMPLOYMENT_CERTIFICATE)
    ),
)

_REDUCTION = ("fee-2026-reduction",)

#: Hardship reductions (single source): only with ``hardship_reduction=True``.
HARDSHIP_REDUCTIONS: tuple[HardshipReduction, ...] = tuple(
    HardshipReduction(kind, COUNTER, yen, effective=_FROM_2026_10, source_ids=_REDUCTION)
    for kind, yen in (
        (K.CHANGE_OF_STATUS, 10_000),
        (K.EXTENSION_OF_PERIOD, 10_000),
        (K.PERMANENT_RESIDENCE, 20_000),
    )
)


# --- answers ---------------------------------------------------------------------


@attrs.frozen
class Fee(SourcedAnswer):
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
    period_of_stay: PeriodOfStay | None = None
    band: StayBand | None = None
    payment_charge: int = 0
    reduced: bool = False

    @property
    def total_yen(self) -> int:
        return self.yen + self.payment_charge

    def _repr_html_(self) -> str:  # a notebook shows a table (nyukan_rules.notebook)
        from nyukan_rules.notebook import fee_html

        return fee_html(self)


def _schedules(schedules: Iterable[FeeSchedule] | None) -> tuple[FeeSchedule, ...]:
    if schedules is None:
        return FEE_SCHEDULES
    chosen = tuple(ensure_rows(schedules, "schedules", of="fee schedules"))
    for schedule in chosen:
        if not isinstance(schedule, FeeSchedule):
            raise ArgumentTypeError(
                f"schedules must hold FeeSchedule objects, not {type_name(schedule)}",
                **wrong_type("schedules", schedule, "FeeSchedule"),
            )
    return chosen


def fee_schedule(
    accepted_on: date, *, schedules: Iterable[FeeSchedule] | None = None
) -> FeeSchedule:
    """The fee schedule for an application accepted on ``accepted_on``.

    ``schedules`` replaces :data:`FEE_SCHEDULES` (for a schedule not yet in
    the package, see the docs' "Adding a rule" page).

    >>> fee_schedule(date(2026, 11, 22)).id
    '2026-10'
    """
    accepted_on = ensure_date(accepted_on, "accepted_on")
    found = in_force(_schedules(schedules), accepted_on, include_single_source=True)
    if not found:
        raise NoRuleError(
            f"no fee schedule is known for {accepted_on.isoformat()};"
            f" the tables cover applications accepted from {COVERED_FROM.isoformat()}",
            code="fee.no_schedule",
            params={"on": accepted_on, "since": COVERED_FROM},
        )
    return found[-1]


def _rows_for(
    kind: ApplicationKind, channel: Channel, schedule: FeeSchedule, include_single_source: bool
) -> tuple[FeeRow, ...]:
    rows = schedule.rows_for(kind, channel, include_single_source=include_single_source)
    if not rows:
        if schedule.rows_for(kind, channel, include_single_source=True):
            raise NoRuleError(
                f"the fee of {kind.en} ({kind.ja}) on the {channel.value} channel under the"
                f" fee schedule {schedule.id} is known from a single or unverified source"
                " only: pass include_single_source=True to use it",
                code="fee.single_source_only",
                params={"kind": kind, "channel": channel, "schedule": schedule.id},
            )
        raise NotOfferedError(
            f"{kind.en} ({kind.ja}) is not offered on the {channel.value} channel"
            f" under the fee schedule {schedule.id}",
            code="fee.not_offered",
            params={"kind": kind, "channel": channel, "schedule": schedule.id},
        )
    # Where sources disagree, the best-established row comes first.
    return tuple(sorted(rows, key=lambda r: r.confidence.rank))


def _payment(channel: Channel, accepted_on: date) -> PaymentRule:
    for rule in in_force(PAYMENT_RULES, accepted_on):
        if rule.channel is channel:
            return rule
    raise NoRuleError(
        f"no payment rule for {channel.value} on {accepted_on.isoformat()}",
        code="fee.no_payment_rule",
        params={"channel": channel, "on": accepted_on},
    )


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
    include_single_source: bool = False,
    schedules: Iterable[FeeSchedule] | None = None,
) -> Fee:
    """The fee due for one procedure accepted on ``accepted_on``.

    ``period_of_stay`` is the period **granted**; it is needed only where the
    schedule is tiered by it (change of status and extension from
    2026-10-01), and :class:`~nyukan_rules.MissingInputError` says so when it
    is missing.  A period no band holds (``無期限``, the change to
    高度専門職2号) raises :class:`~nyukan_rules.NoRuleError` under a tiered
    schedule.  A procedure not offered on ``channel`` raises
    :class:`~nyukan_rules.NotOfferedError`.

    ``payment_charge=True`` adds the online payment charge and
    ``hardship_reduction=True`` applies the reduced fee for an applicant in
    hardship; both are known from one source only, so they are never part of
    the default answer.  ``include_single_source=True`` lets other fee rows
    known from one source, or unverified, answer (the 2026 fees of the
    trusted-traveller card and the refugee travel document, presumably
    unchanged).  ``schedules`` replaces :data:`FEE_SCHEDULES`.

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
    include_single_source = ensure_bool(include_single_source, "include_single_source")
    schedule = fee_schedule(accepted_on, schedules=schedules)
    rows = _rows_for(kind, channel, schedule, include_single_source)
    row = rows[0]
    if row.band is not None:
        if period is None:
            raise MissingInputError(
                f"the fee of {kind.en} accepted on {accepted_on.isoformat()} depends on the"
                " period of stay granted: pass period_of_stay (for example '1年'),"
                " or use fee_range() for the lowest and highest fee",
                code="fee.period_needed",
                params={"kind": kind, "on": accepted_on},
            )
        matching = [r for r in rows if r.band is not None and r.band.contains(period)]
        if not matching:
            raise NoRuleError(
                f"no fee band of schedule {schedule.id} holds a period of stay of"
                f" {period} ({period.en}): the fee of {kind.en} for it is not known",
                code="fee.no_band",
                params={"schedule": schedule.id, "period": str(period), "kind": kind},
            )
        row = matching[0]
    yen = row.yen
    used: list[SourcedRule] = [schedule, row]
    reduced = False
    if hardship_reduction:
        reduction = next(
            (
                r
                for r in in_force(HARDSHIP_REDUCTIONS, accepted_on, include_single_source=True)
                if r.kind is kind and r.channel is channel
            ),
            None,
        )
        if reduction is None:
            raise NotOfferedError(
                f"no hardship reduction is known for {kind.en} on the {channel.value}"
                f" channel on {accepted_on.isoformat()}",
                code="fee.no_hardship_reduction",
                params={"kind": kind, "channel": channel, "on": accepted_on},
            )
        if reduction.yen < yen:
            yen, reduced = reduction.yen, True
            used.append(reduction)
    if yen == 0:
        payment = Payment.NONE
    else:
        rule = _payment(channel, accepted_on)
        payment = rule.payment
        used.append(rule)
    charge = 0
    if payment_charge and yen > 0 and channel is ONLINE:
        for c in in_force(PAYMENT_CHARGES, accepted_on, include_single_source=True):
            if c.kind is kind and (
                c.band is None or (period is not None and c.band.contains(period))
            ):
                charge = c.yen
                used.append(c)
                break
    return Fee(
        kind=kind,
        channel=channel,
        accepted_on=accepted_on,
        yen=yen,
        schedule=schedule.id,
        payment=payment,
        sources=sources(*source_ids_of(*used)),
        period_of_stay=period,
        band=row.band,
        payment_charge=charge,
        reduced=reduced,
    )


def fee_range(
    kind: ApplicationKind | str,
    *,
    channel: Channel | str,
    accepted_on: date,
    include_single_source: bool = False,
    schedules: Iterable[FeeSchedule] | None = None,
) -> tuple[int, int]:
    """The lowest and highest fee of a procedure, for budgeting before the grant.

    >>> fee_range("extension_of_period", channel="online", accepted_on=date(2026, 11, 22))
    (10000, 65000)
    """
    kind = ApplicationKind.parse(kind)
    channel = Channel.parse(channel)
    include_single_source = ensure_bool(include_single_source, "include_single_source")
    schedule = fee_schedule(accepted_on, schedules=schedules)
    amounts = [r.yen for r in _rows_for(kind, channel, schedule, include_single_source)]
    return min(amounts), max(amounts)


def total_fee(
    kinds: Iterable[ApplicationKind | str],
    *,
    channel: Channel | str,
    accepted_on: date,
    period_of_stay: PeriodOfStay | str | None = None,
    schedules: Iterable[FeeSchedule] | None = None,
) -> int:
    """The fees of every procedure in one filing, added up.

    >>> total_fee(["extension_of_period", "reentry_permit_single"], channel="online",
    ...           accepted_on=date(2026, 11, 22), period_of_stay="1年")
    30500
    """
    return sum(
        fee(
            k,
            channel=channel,
            accepted_on=accepted_on,
            period_of_stay=period_of_stay,
            schedules=schedules,
        ).yen
        for k in ApplicationKind.parse_all(kinds)
    )
