"""Deadlines: the renewal window, the special period, organization ID validity.

Every rule is a dated, sourced row; the arithmetic follows the Civil Code
(民法 第140条〜第143条) and the closed days of administrative offices.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import TypeVar

import attrs

from nyukan_rules._args import ensure_bool, ensure_rows
from nyukan_rules.catalog import ApplicationKind, Channel, PeriodOfStay, StayBand
from nyukan_rules.dates import (
    Effective,
    add_months,
    civil_period_end,
    ensure_date,
    next_office_day,
)
from nyukan_rules.errors import ArgumentValueError, NoRuleError, ValidationError
from nyukan_rules.milestones import CURRENT_SYSTEM_START
from nyukan_rules.rules import DatedRule, SourcedAnswer, SourcedRule, in_force
from nyukan_rules.sources import Source, sources

__all__ = [
    "ID_TERMS",
    "PERIODIC_REPORT_RULES",
    "RENEWAL_OPENINGS",
    "SPECIAL_PERIOD_RULES",
    "DateWindow",
    "IdTerm",
    "IdValidity",
    "PeriodicReportRule",
    "RenewalOpening",
    "SpecialPeriodRule",
    "organization_id_expiry",
    "renewal_window",
    "special_period_end",
]

K = ApplicationKind
_T = TypeVar("_T")


def _within_calendar(name: str, day: date, answer: Callable[[], _T]) -> _T:
    """``answer()``, or an :class:`ArgumentValueError` naming ``name`` when the
    arithmetic would leave the calendar Python represents (years 1 to 9999)."""
    try:
        return answer()
    except (OverflowError, ArgumentValueError):
        raise ArgumentValueError(
            f"{name} {day.isoformat()} is too close to the ends of the calendar Python"
            f" represents ({date.min.isoformat()} to {date.max.isoformat()}) for this answer",
            code="date.out_of_calendar",
            params={"name": name, "on": day},
        ) from None


@attrs.frozen
class DateWindow(SourcedAnswer):
    """The days from ``first_day`` to ``last_day``, both included."""

    first_day: date
    last_day: date
    channel: Channel

    def contains(self, day: date) -> bool:
        """True when ``day`` (read as :func:`~nyukan_rules.dates.ensure_date` does) is inside."""
        return self.first_day <= ensure_date(day, "day") <= self.last_day

    @property
    def days(self) -> int:
        """How many days the window has (0 if it is empty)."""
        return max(0, (self.last_day - self.first_day).days + 1)


@attrs.frozen
class RenewalOpening(SourcedRule):
    """When an extension may first be filed, for periods of stay in ``band``.

    ``months_before`` expiry, or once ``fraction_elapsed`` of the period
    has passed (``0.0``: from the period's first day).  Where several rows
    in force hold a period, the last one in the table answers.
    """

    band: StayBand
    months_before: int | None = None
    fraction_elapsed: float | None = None


_SIX_MONTHS = PeriodOfStay(months=6)
_UNDER_SIX_MONTHS = StayBand(None, False, _SIX_MONTHS, False, "6月未満", "under 6 months")

RENEWAL_OPENINGS: tuple[RenewalOpening, ...] = (
    RenewalOpening(
        StayBand(_SIX_MONTHS, True, None, False, "6月以上", "6 months or more"),
        months_before=3,
        source_ids=("renewal-from-three-months",),
    ),
    # ISA: 「在留期間の満了する日以前」, with no earlier day for shorter periods.
    RenewalOpening(
        _UNDER_SIX_MONTHS, fraction_elapsed=0.0, source_ids=("renewal-from-three-months",)
    ),
    # "From about half the period": one source, so only with include_single_source=True.
    RenewalOpening(_UNDER_SIX_MONTHS, fraction_elapsed=0.5, source_ids=("renewal-short-period",)),
)

#: The last day online is the day before expiry; at a counter, the expiry day
#: moved past closed days.
_LAST_DAY_SOURCES = {
    Channel.ONLINE: ("online-not-on-expiry-day",),
    Channel.COUNTER: ("office-closed-days",),
}


def _period_days(expires_on: date, period: PeriodOfStay) -> int:
    """The length in days of a period of stay that ends on ``expires_on``."""
    start = add_months(expires_on, -period.total_months) - timedelta(days=period.days)
    return (expires_on - start).days


def renewal_window(
    expires_on: date,
    *,
    period_of_stay: PeriodOfStay | str,
    channel: Channel | str,
    include_single_source: bool = False,
) -> DateWindow:
    """The days an extension of the period of stay can be filed.

    From about three months before expiry for a period of six months or
    more (the same day of the month, or the month's last day where it has no
    such day).  ISA gives no earlier day for shorter periods, so their window
    opens on the period's first day; "from about half-way through" is known
    from one source only and applies with ``include_single_source=True``
    (the window's ``confidence`` then says ``single``).  Online the last
    day is the day before expiry (the system refuses the expiry day itself);
    at a counter it is the expiry day, moved to the next day the offices are
    open when it falls on a weekend, a national holiday or 29 December to
    3 January.  "About": the office may accept earlier filings for special
    reasons (a long trip, a hospital stay).

    >>> w = renewal_window(date(2027, 1, 2), period_of_stay="1年", channel="counter")
    >>> w.first_day, w.last_day
    (datetime.date(2026, 10, 2), datetime.date(2027, 1, 4))
    """
    expires_on = ensure_date(expires_on, "expires_on")
    period = PeriodOfStay.parse(period_of_stay)
    channel = Channel.parse(channel)
    include_single_source = ensure_bool(include_single_source, "include_single_source")
    return _window(expires_on, *_opening_of(period, include_single_source), channel)


def _opening_of(
    period: PeriodOfStay, include_single_source: bool
) -> tuple[int, PeriodOfStay | None]:
    """The row of RENEWAL_OPENINGS that opens ``period``'s window and the period as that
    row needs it: None unless the row counts a fraction of the period itself, so the
    periods that share a row share its windows."""
    index = _opening(period, include_single_source)
    if index is None:
        raise NoRuleError(
            f"no renewal rule for a period of stay of {period} ({period.en})",
            code="deadline.no_renewal_rule",
            params={"period": str(period)},
        )
    return index, None if RENEWAL_OPENINGS[index].months_before is not None else period


def _window(
    expires_on: date, index: int, length: PeriodOfStay | None, channel: Channel
) -> DateWindow:
    return _within_calendar(
        "expires_on", expires_on, lambda: _renewal_window(expires_on, length, channel, index)
    )


# The rule tables are constants (tuples of frozen rows), so what a table says for a
# period, or for an expiry and a row, is worked out once and remembered: a roster of
# millions has a few thousand expiries and a handful of periods.  lru_cache is bounded
# and thread-safe, and its answers are frozen values.


@functools.lru_cache(maxsize=256)
def _opening(period: PeriodOfStay, include_single_source: bool) -> int | None:
    """The index in RENEWAL_OPENINGS of the row that opens ``period``'s window: the
    last row in force that holds it, None if none does."""
    in_use = {
        id(row) for row in in_force(RENEWAL_OPENINGS, include_single_source=include_single_source)
    }
    chosen = None
    for index, row in enumerate(RENEWAL_OPENINGS):
        if id(row) in in_use and row.band.contains(period):
            chosen = index
    return chosen


@functools.lru_cache(maxsize=1 << 15)
def _renewal_window(
    expires_on: date, period: PeriodOfStay | None, channel: Channel, index: int
) -> DateWindow:
    """The window of RENEWAL_OPENINGS[index] for an expiry; ``period`` only where the
    row counts a fraction of it (else None, so periods that share a row share this)."""
    opening = RENEWAL_OPENINGS[index]
    if opening.months_before is not None:
        first = add_months(expires_on, -opening.months_before)
    else:
        assert period is not None  # renewal_window passes it for these rows
        fraction = opening.fraction_elapsed or 0.0
        days = _period_days(expires_on, period)
        first = max(
            expires_on - timedelta(days=int(days * (1 - fraction))),
            expires_on - timedelta(days=days - 1),  # the period's first day
        )
    last = (
        expires_on - timedelta(days=1) if channel is Channel.ONLINE else next_office_day(expires_on)
    )
    return DateWindow(
        first_day=first,
        last_day=last,
        channel=channel,
        sources=_window_sources(opening.source_ids, channel),
    )


@functools.lru_cache(maxsize=32)
def _window_sources(ids: tuple[str, ...], channel: Channel) -> tuple[Source, ...]:
    return sources(*ids, *_LAST_DAY_SOURCES[channel])


@attrs.frozen
class SpecialPeriodRule(DatedRule):
    """After a timely application of ``kinds``, the stay continues for up to ``months``.

    Not for a period of stay in ``excluded_band``.
    """

    kinds: frozenset[ApplicationKind]
    months: int
    excluded_band: StayBand


SPECIAL_PERIOD_RULES: tuple[SpecialPeriodRule, ...] = (
    SpecialPeriodRule(
        kinds=frozenset({K.CHANGE_OF_STATUS, K.EXTENSION_OF_PERIOD}),
        months=2,
        excluded_band=StayBand(
            None, False, PeriodOfStay(days=30), True, "30日以下", "30 days or less"
        ),
        source_ids=("special-period", "special-period-exclusions", "civil-code-periods"),
    ),
)


def special_period_end(
    expires_on: date,
    *,
    period_of_stay: PeriodOfStay | str,
    kind: ApplicationKind | str,
) -> date | None:
    """The last day of the special period (特例期間), or None where there is none.

    A person who applied for a change of status or an extension by the
    expiry day may stay, while the application is pending, until the
    decision or the end of the day two months after expiry, whichever comes
    first; this returns that second day, counted as the Civil Code counts
    months.  None for a period of stay of 30 days or less, and for every other
    procedure (a permanent-residence application gives no special period).

    >>> special_period_end(date(2026, 2, 28), period_of_stay="1年", kind="extension_of_period")
    datetime.date(2026, 4, 30)
    >>> special_period_end(date(2026, 2, 28), period_of_stay="3年", kind="permanent_residence")
    """
    expires_on = ensure_date(expires_on, "expires_on")
    period = PeriodOfStay.parse(period_of_stay)
    kind = ApplicationKind.parse(kind)
    return _special_end(expires_on, _special_rules(period, kind))


def _special_end(expires_on: date, rules: tuple[int, ...]) -> date | None:
    for index in rules:
        rule = SPECIAL_PERIOD_RULES[index]
        if rule.effective.contains(expires_on):
            return _within_calendar(
                "expires_on",
                expires_on,
                functools.partial(_civil_period_end, expires_on, rule.months),
            )
    return None


@functools.lru_cache(maxsize=256)
def _special_rules(period: PeriodOfStay, kind: ApplicationKind) -> tuple[int, ...]:
    """The indices in SPECIAL_PERIOD_RULES of the rows of default confidence that give
    ``kind`` a special period for ``period``, in table order; whether one is in force
    on a day is asked then."""
    in_use = {id(rule) for rule in in_force(SPECIAL_PERIOD_RULES)}
    return tuple(
        index
        for index, rule in enumerate(SPECIAL_PERIOD_RULES)
        if id(rule) in in_use and kind in rule.kinds and not rule.excluded_band.contains(period)
    )


def extension_dates(
    expires_on: date, period_of_stay: PeriodOfStay
) -> tuple[date, date, date, date | None]:
    """The days of an extension that a renewal plan needs, in one call: the first day and
    the last day online of :func:`renewal_window`, its last day at a counter, and
    :func:`special_period_end` of an extension, for a period of stay (a
    :class:`~nyukan_rules.PeriodOfStay`) that expires on ``expires_on`` (a date).

    The same answers and errors as those calls (default sources), worked out once
    for each expiry and rule row: the periods a roster gives share them.

    >>> [day.isoformat() for day in extension_dates(date(2027, 1, 2), PeriodOfStay(years=1))]
    ['2026-10-02', '2027-01-01', '2027-01-04', '2027-03-02']
    """
    expires_on = ensure_date(expires_on, "expires_on")
    period = PeriodOfStay.parse(period_of_stay)
    index, length = _opening_of(period, False)
    return _extension_dates(
        expires_on, index, length, _special_rules(period, K.EXTENSION_OF_PERIOD)
    )


@functools.lru_cache(maxsize=1 << 14)
def _extension_dates(
    expires_on: date, index: int, length: PeriodOfStay | None, special: tuple[int, ...]
) -> tuple[date, date, date, date | None]:
    online = _window(expires_on, index, length, Channel.ONLINE)
    counter = _window(expires_on, index, length, Channel.COUNTER)
    return online.first_day, online.last_day, counter.last_day, _special_end(expires_on, special)


@functools.lru_cache(maxsize=1 << 14)
def _civil_period_end(event_day: date, months: int) -> date:
    return civil_period_end(event_day, months=months)


def clear_memos() -> None:
    """Forget what the renewal window and special period functions remembered (they
    give the same answers after): for benchmarks and tests that time a first sight."""
    for memo in (
        _opening,
        _renewal_window,
        _window_sources,
        _special_rules,
        _civil_period_end,
        _extension_dates,
    ):
        memo.cache_clear()


@attrs.frozen
class IdTerm(DatedRule):
    """How long an organization's user ID (利用申出) stays valid from approval or a report."""

    years: int


ID_TERMS: tuple[IdTerm, ...] = (
    IdTerm(1, source_ids=("org-id-validity", "org-periodic-report")),
    # Reported for approvals and renewals from the new system of 2026-01-05;
    # one source only, so it applies only with include_single_source=True.
    IdTerm(3, effective=Effective(CURRENT_SYSTEM_START, None), source_ids=("org-id-three-years",)),
)


@attrs.frozen
class PeriodicReportRule(DatedRule):
    """When the periodic report (定期報告) is due and ISA's notice comes, before expiry."""

    due_months_before: int
    notice_months_before: int


PERIODIC_REPORT_RULES: tuple[PeriodicReportRule, ...] = (
    PeriodicReportRule(1, 2, source_ids=("org-periodic-report",)),
)


@attrs.frozen
class IdValidity(SourcedAnswer):
    """When an organization's user ID expires, and when its periodic report is due."""

    expires_on: date
    report_due_by: date
    notice_expected_on: date
    term_years: int


def _term(day: date, include_single_source: bool) -> IdTerm:
    usable = in_force(ID_TERMS, day, include_single_source=include_single_source)
    # A newer rule overrides an older one that is still open-ended.
    return max(usable, key=lambda t: t.effective.since or date.min)


def organization_id_expiry(
    password_set_on: date,
    *,
    reports: Iterable[date] = (),
    include_single_source: bool = False,
) -> IdValidity:
    """When the user ID of an organization's staff (利用申出) expires.

    The ID is valid for one year from the day the password was first set;
    each periodic report (定期報告) extends it by one more year from its
    current expiry.  ``reports`` are the days reports were accepted; a report
    after the ID had already expired raises
    :class:`~nyukan_rules.ValidationError`.  A three-year term for approvals
    and reports from 2026-01-05 is reported by one source only: it applies
    with ``include_single_source=True``.

    >>> v = organization_id_expiry(date(2025, 4, 10), reports=[date(2026, 3, 1)])
    >>> v.expires_on, v.report_due_by
    (datetime.date(2027, 4, 10), datetime.date(2027, 3, 10))
    """
    password_set_on = ensure_date(password_set_on, "password_set_on")
    include_single_source = ensure_bool(include_single_source, "include_single_source")
    days = sorted(ensure_date(r, "reports") for r in ensure_rows(reports, "reports", of="dates"))
    return _within_calendar(
        "password_set_on",
        password_set_on,
        lambda: _organization_id_expiry(password_set_on, days, include_single_source),
    )


def _organization_id_expiry(
    password_set_on: date, reports: list[date], include_single_source: bool
) -> IdValidity:
    term = _term(password_set_on, include_single_source)
    expires = civil_period_end(password_set_on, months=12 * term.years)
    used = [*term.source_ids]
    for report in reports:
        if report < password_set_on:
            raise ValidationError(
                f"a periodic report on {report.isoformat()} comes before the password was"
                f" set on {password_set_on.isoformat()}",
                code="deadline.report_before_password",
                params={"on": report, "since": password_set_on},
            )
        if report > expires:
            raise ValidationError(
                f"the ID expired on {expires.isoformat()}, before the periodic report of"
                f" {report.isoformat()}: a lapsed ID needs a new 利用申出",
                code="deadline.id_lapsed",
                params={"until": expires, "on": report},
            )
        term = _term(report, include_single_source)
        used.extend(term.source_ids)
        expires = civil_period_end(expires, months=12 * term.years)
    report_rule = in_force(PERIODIC_REPORT_RULES, expires)[0]
    used.extend(report_rule.source_ids)
    return IdValidity(
        expires_on=expires,
        report_due_by=add_months(expires, -report_rule.due_months_before),
        notice_expected_on=add_months(expires, -report_rule.notice_months_before),
        term_years=term.years,
        sources=sources(*dict.fromkeys(used)),
    )
