"""Renewal planning: for each person, when to file, until when, and at what cost.

Built on :func:`~nyukan_rules.renewal_window`,
:func:`~nyukan_rules.special_period_end` (both read in one call through
``nyukan_rules.deadlines.extension_dates``) and
:func:`~nyukan_rules.fee_range`: no rule is written here a second time.
Nobody is left out: every person either has a plan or is named in the report
with the reason.

A roster's statuses, periods and expiries repeat (2.3 million people have
some 33,000 distinct combinations), so :func:`plan_or_finding` works out what
each distinct combination says once, in bounded thread-safe memos
(``functools.lru_cache``), and gives exactly what :func:`planned_alone`, the
reference path, gives.
"""

from __future__ import annotations

import csv
import enum
import functools
import io
import itertools
import operator
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from typing import Any, overload

import attrs

from nyukan_rules import deadlines
from nyukan_rules._args import ensure_rows, type_name
from nyukan_rules.batch.records import accepted_period
from nyukan_rules.catalog import ApplicationKind, Channel, PeriodOfStay, StatusOfResidence
from nyukan_rules.dates import add_months, ensure_date
from nyukan_rules.deadlines import extension_dates
from nyukan_rules.errors import NyukanRulesError, ValidationError
from nyukan_rules.fees import fee_range
from nyukan_rules.messages import TERMS, make_finding
from nyukan_rules.notebook import PLAN_COLUMNS as _PLAN_COLUMNS
from nyukan_rules.report import BatchReport, Finding
from nyukan_rules.sources import Source, sources

__all__ = ["Person", "Renewal", "RenewalPlan", "RenewalSchedule", "Urgency", "plan_renewals"]

_EXTENSION = ApplicationKind.EXTENSION_OF_PERIOD
_NO_RENEWAL = frozenset({"無期限", "indefinite", "unlimited"})
#: Statuses with no period to renew, whose residence card must still be renewed
#: before its validity ends (入管法第19条の11; source residence-card-validity).
CARD_ONLY_STATUSES = frozenset(
    {StatusOfResidence.PERMANENT_RESIDENT, StatusOfResidence.HIGHLY_SKILLED_PROFESSIONAL_2}
)
#: The card renewal may be filed from two months before the card's validity ends.
_CARD_MONTHS_BEFORE = 2
#: An expiry further from the planning day than this is a data error (the longest
#: period of stay is 5 years, a permanent resident's card is valid 7 years), such
#: as an HR system's "open-ended" 9999-12-31.
_PLAUSIBLE = timedelta(days=366 * 10)


class Urgency(str, enum.Enum):
    """Where a renewal stands on the planning day, most urgent last."""

    NO_RENEWAL = "no_renewal"
    """Nothing to renew.  No longer given by :func:`plan_renewals`, which plans the
    residence card's renewal for permanent residents (kept for stored plans)."""
    NOT_YET_OPEN = "not_yet_open"
    OPEN = "open"
    LAST_TWO_WEEKS = "last_two_weeks"
    """Fewer than 14 days to the last day (online; at a counter for a card renewal)."""
    ONLINE_CLOSED = "online_closed"
    """Past the last day online: only a counter is left."""
    EXPIRED = "expired"
    """Past the last day at a counter too."""


class Renewal(str, enum.Enum):
    """What a plan renews."""

    PERIOD_OF_STAY = "period_of_stay"
    """An extension of the period of stay (在留期間更新許可申請)."""
    RESIDENCE_CARD = "residence_card"
    """The residence card's validity (在留カードの有効期間更新申請), for a
    permanent resident or a 高度専門職2号: at a counter, not online."""


@attrs.frozen
class Person:
    """Who the plan is for: an id, a status, a period of stay and its expiry."""

    id: str
    status: StatusOfResidence | None
    period_of_stay: PeriodOfStay | None
    """None for 無期限 (permanent residents)."""
    expires_on: date | None
    name: str = ""
    card_expires_on: date | None = None
    """The residence card's validity, where it is not ``expires_on``."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as the constructor's arguments: a fifth of the default's cost to load,
        # which counts where plans come back from worker processes by the million.
        return (
            type(self),
            (
                self.id,
                self.status,
                self.period_of_stay,
                self.expires_on,
                self.name,
                self.card_expires_on,
            ),
        )


@attrs.frozen
class RenewalPlan:
    """The renewal of one person as it stands on ``on``."""

    person: Person
    on: date
    urgency: Urgency
    first_day: date | None = None
    last_day_online: date | None = None
    """None for a card renewal, which is not filed online."""
    last_day_counter: date | None = None
    special_period_end: date | None = None
    fee_online: tuple[int, int] | None = None
    fee_counter: tuple[int, int] | None = None
    days_left: int | None = None
    """Days from ``on`` to the last day online (to the last day at a counter for a
    card renewal); negative once it has passed."""
    renews: Renewal = Renewal.PERIOD_OF_STAY

    def __reduce__(self) -> tuple[Any, ...]:
        # As Person: the constructor's arguments.
        return (
            type(self),
            (
                self.person,
                self.on,
                self.urgency,
                self.first_day,
                self.last_day_online,
                self.last_day_counter,
                self.special_period_end,
                self.fee_online,
                self.fee_counter,
                self.days_left,
                self.renews,
            ),
        )

    @property
    def last_day(self) -> date | None:
        """The last day to file on the plan's own channel."""
        return self.last_day_online or self.last_day_counter

    def _repr_html_(self) -> str:  # a notebook shows a table (nyukan_rules.notebook)
        from nyukan_rules.notebook import plan_html

        return plan_html(self)


@attrs.frozen
class RenewalSchedule(Sequence[RenewalPlan]):
    """The plans, what is due first first, and a report naming whom it could not plan.

    A sequence of :class:`RenewalPlan` (``schedule[0]``, ``len(schedule)``,
    ``for plan in schedule``), as :func:`plan_renewals` returned before, plus
    ``report``: one error finding for each person who could not be planned,
    with the person's 0-based ``row`` and the reason.  ``rows`` of the report
    is the number of people given, so ``len(schedule) + len(unplanned rows)``
    accounts for everybody.
    """

    plans: tuple[RenewalPlan, ...]
    report: BatchReport
    on: date

    @overload
    def __getitem__(self, index: int) -> RenewalPlan: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[RenewalPlan]: ...

    def __getitem__(self, index: int | slice) -> RenewalPlan | Sequence[RenewalPlan]:
        return self.plans[index]

    def __len__(self) -> int:
        return len(self.plans)

    def __iter__(self) -> Iterator[RenewalPlan]:
        return iter(self.plans)

    @property
    def ok(self) -> bool:
        """True when everybody has a plan."""
        return self.report.ok

    def _repr_html_(self) -> str:  # a notebook shows a table (nyukan_rules.notebook)
        from nyukan_rules.notebook import schedule_html

        return schedule_html(self.plans, self.report)

    def raise_for_errors(self) -> RenewalSchedule:
        """Raise :class:`~nyukan_rules.ValidationError` (with the report) if anybody
        could not be planned; else return self: the strict behaviour of old."""
        if not self.report.ok:
            count = len(self.report.rows_with_errors)
            raise ValidationError(
                f"{count} person(s) cannot be planned",
                report=self.report,
                code="roster.cannot_plan",
                params={"count": count},
            )
        return self


class _Unplannable(Exception):
    """A person who cannot be planned: the code and values of the finding that says why
    (:func:`plan_renewals` adds the row, counted from 1, and the person's id)."""

    def __init__(
        self, code: str, field: str | None, sources: tuple[Source, ...] = (), **values: object
    ) -> None:
        super().__init__(code)
        self.code, self.field, self.sources = code, field, sources
        self.values: dict[str, Any] = dict(values)

    def finding(self, row: int, pid: str) -> Finding:
        if self.code == "batch.not_a_row":
            found = make_finding(self.code, **self.values)
        else:
            found = make_finding(
                self.code,
                field=self.field,
                sources=self.sources,
                row=row + 1,
                id=_shown(pid),
                **self.values,
            )
        return attrs.evolve(found, row=row)


def _shown(value: object, limit: int = 40) -> str:
    text = value if isinstance(value, str) else type(value).__name__
    short = text[:limit] + ("…" if len(text) > limit else "")
    if not short.isprintable():
        short = short.encode("unicode_escape", "backslashreplace").decode("ascii")
    return short


def _date(value: Mapping[Any, Any], key: str, label: str) -> date | None:
    raw = value.get(key)
    if raw is None or raw == "":
        return None
    if raw.__class__ is str and len(raw) <= _REMEMBERED:
        day = _date_named(raw)
        if day is not None:
            return day
    try:
        return ensure_date(raw, key)
    except (NyukanRulesError, TypeError, ValueError, OverflowError):
        raise _Unplannable("roster.invalid_date", key, label=label, value=_shown(raw)) from None


#: Texts longer than this are not remembered (no date, status or period is that long).
_REMEMBERED = 64


@functools.lru_cache(maxsize=1 << 14)
def _date_named(text: str) -> date | None:
    """A date text read once (a roster has a few thousand distinct expiries); None if it
    is no date, which the caller then reports.  lru_cache: bounded, thread-safe."""
    try:
        return ensure_date(text, "date")
    except (NyukanRulesError, TypeError, ValueError, OverflowError):
        return None


@functools.lru_cache(maxsize=1024)
def _status_named(text: str) -> StatusOfResidence | None:
    try:
        return StatusOfResidence.parse(text)
    except NyukanRulesError:
        return None


@functools.lru_cache(maxsize=1024)
def _period_named(text: str) -> tuple[bool, PeriodOfStay | None]:
    """(whether the text says 無期限, the accepted period it names or None)."""
    if unicodedata.normalize("NFKC", text).strip().casefold() in _NO_RENEWAL:
        return True, None
    try:
        period = PeriodOfStay.parse(text)
    except NyukanRulesError:
        return False, None
    return False, period if accepted_period(period) else None


def _text(value: Mapping[Any, Any], *keys: str) -> str:
    for key in keys:
        found = value.get(key)
        if found is not None and found != "":
            return found if isinstance(found, str) else str(found)
    return ""


def _person(value: object, row: int) -> Person:
    if isinstance(value, Person):
        return value
    status, period, expires_on, card_expires_on = _values(value, row)
    return Person(
        _text(value, "id", "employee_id"),  # type: ignore[arg-type]
        status,
        period,
        expires_on,
        _text(value, "name", "name_roman"),  # type: ignore[arg-type]
        card_expires_on,
    )


_Values = tuple[StatusOfResidence | None, PeriodOfStay | None, date | None, date | None]


def _values(value: object, row: int) -> _Values:
    """A row's status, period of stay, expiry and card validity, or the reason it has
    none (the row's id and name never are one)."""
    if value.__class__ is not dict and not isinstance(value, Mapping):
        raise _Unplannable("batch.not_a_row", None, row=row + 1, type=type_name(value))
    get = value.get
    status_text = get("status")
    status = None
    if status_text is not None and status_text != "":
        if status_text.__class__ is str and len(status_text) <= _REMEMBERED:
            status = _status_named(status_text)
        else:
            try:
                status = StatusOfResidence.parse(status_text)
            except NyukanRulesError:
                status = None
        if status is None:
            raise _Unplannable("roster.unknown_status", "status", value=_shown(status_text))
    period_text = get("period_of_stay")
    period = None
    if status not in CARD_ONLY_STATUSES and period_text is not None and period_text != "":
        period = _period(period_text, status)
    return (
        status,
        period,
        _date(value, "expires_on", TERMS["roster.expiry"]),
        _date(value, "card_expires_on", TERMS["roster.card_validity"]),
    )


def _period(text: object, status: StatusOfResidence | None) -> PeriodOfStay:
    """The period of stay a roster gives, one of the bulk workbooks' list (the periods
    validate_records accepts), or the reason it is none."""
    if text.__class__ is str and len(text) <= _REMEMBERED:
        indefinite, period = _period_named(text)
    else:
        indefinite = (
            isinstance(text, str)
            and unicodedata.normalize("NFKC", text).strip().casefold() in _NO_RENEWAL
        )
        period = None
        if not indefinite:
            try:
                period = PeriodOfStay.parse(text)
            except NyukanRulesError:
                period = None
            if period is not None and not accepted_period(period):
                period = None
    if indefinite:
        raise _Unplannable(
            "roster.indefinite_period",
            "period_of_stay",
            value=_shown(text),
            status=status.ja if status else "",
        )
    if period is None:
        raise _Unplannable("roster.unknown_period", "period_of_stay", value=_shown(text))
    return period


def _id_of(value: object) -> str:
    if isinstance(value, Person):
        return value.id if isinstance(value.id, str) else str(value.id)
    return _text(value, "id", "employee_id") if isinstance(value, Mapping) else ""


def _urgency(on: date, first: date, last: date, final: date) -> tuple[Urgency, int]:
    days_left = (last - on).days
    if on > final:
        return Urgency.EXPIRED, days_left
    if on > last:
        return Urgency.ONLINE_CLOSED, days_left
    if on < first:
        return Urgency.NOT_YET_OPEN, days_left
    if days_left < 14:
        return Urgency.LAST_TWO_WEEKS, days_left
    return Urgency.OPEN, days_left


def _out_of_range(field: str, day: date, on: date) -> _Unplannable:
    return _Unplannable("roster.date_out_of_range", field, name=field, value=day.isoformat(), on=on)


#: What a plan says besides the person, the day and the fees: (whether it renews the
#: residence card, urgency, first day, last day online, last day at a counter, end of
#: the special period, days left).
_Parts = tuple[bool, Urgency, date, "date | None", date, "date | None", int]
_Fees = tuple[tuple[int, int] | None, tuple[int, int] | None]


def _card_parts(expires_on: date | None, card_expires_on: date | None, on: date) -> _Parts:
    field = "card_expires_on" if card_expires_on else "expires_on"
    expires = card_expires_on or expires_on
    if expires is None:
        raise _Unplannable(
            "roster.missing_expiry",
            "card_expires_on",
            sources("residence-card-validity"),
            what="roster.card_validity",
        )
    if abs(expires - on) > _PLAUSIBLE:
        raise _out_of_range(field, expires, on)
    try:
        first = add_months(expires, -_CARD_MONTHS_BEFORE)
    except (NyukanRulesError, OverflowError):
        raise _out_of_range(field, expires, on) from None
    urgency, days_left = _urgency(on, first, expires, expires)
    return True, urgency, first, None, expires, None, days_left


def _parts(
    status: StatusOfResidence | None,
    period: PeriodOfStay | None,
    expires_on: date | None,
    card_expires_on: date | None,
    on: date,
) -> _Parts:
    """The plan of a person with these values on ``on``, but the person and the fees;
    raises :class:`_Unplannable` with the reason there is none."""
    if status in CARD_ONLY_STATUSES:
        return _card_parts(expires_on, card_expires_on, on)
    if period is None:
        raise _Unplannable(
            "roster.missing_period",
            "period_of_stay",
            status=status.ja if status else "",
        )
    if expires_on is None:
        raise _Unplannable(
            "roster.missing_expiry",
            "expires_on",
            what="roster.expiry",
        )
    if abs(expires_on - on) > _PLAUSIBLE:
        raise _out_of_range("expires_on", expires_on, on)
    windows = _windows(expires_on, period)
    if windows is None:
        raise _out_of_range("expires_on", expires_on, on)
    first, last_online, last_counter, special = windows
    urgency, days_left = _urgency(on, first, last_online, last_counter)
    return False, urgency, first, last_online, last_counter, special, days_left


def _assembled(person: Person, on: date, fees: _Fees, parts: _Parts) -> RenewalPlan:
    card, urgency, first, online, counter, special, left = parts
    if card:
        return RenewalPlan(
            person, on, urgency, first, None, counter, None, None, None, left,
            Renewal.RESIDENCE_CARD,
        )  # fmt: skip
    return RenewalPlan(person, on, urgency, first, online, counter, special, fees[0], fees[1], left)


def _plan(person: Person, on: date, fees: _Fees) -> RenewalPlan:
    parts = _parts(
        person.status, person.period_of_stay, person.expires_on, person.card_expires_on, on
    )
    return _assembled(person, on, fees, parts)


@functools.lru_cache(maxsize=1 << 14)
def _windows(expires: date, period: PeriodOfStay) -> tuple[date, date, date, date | None] | None:
    """(first day, last day online, last day at a counter, end of the special period)
    for an expiry and a period; None past the calendar's end.  Computed once per
    distinct pair (a roster of millions has a few thousand expiries);
    ``lru_cache`` is bounded and thread-safe."""
    try:
        # renewal_window online and at a counter, and special_period_end, in one call.
        return extension_dates(expires, period)
    except (NyukanRulesError, OverflowError):
        return None


@functools.lru_cache(maxsize=64)
def extension_fee_ranges(on: date) -> _Fees:
    """The fee ranges of an extension accepted on ``on``: they depend on the day only."""
    return (
        fee_range(_EXTENSION, channel=Channel.ONLINE, accepted_on=on),
        fee_range(_EXTENSION, channel=Channel.COUNTER, accepted_on=on),
    )


#: The person's values and the plan's parts that a record's texts give on a day.
_Outcome = tuple[StatusOfResidence | None, PeriodOfStay | None, date | None, date | None, _Parts]
#: How many distinct (status, period, expiry, card validity, day) texts the planner
#: remembers: a roster of 2.3 million people has some 30,000 (2,600 expiries, a few
#: statuses and periods).  No text longer than _REMEMBERED is kept.
_OUTCOMES = 1 << 16


@functools.lru_cache(maxsize=_OUTCOMES)
def _outcome(
    status: str | None, period: str | None, expires: str | None, card: str | None, on: date
) -> _Outcome | _Unplannable:
    """What :func:`planned_alone` says for a record with these texts on ``on``, whoever
    the person is: the person's values and the plan's parts, or why there is none.  The
    reference path itself run on a record holding only these texts (the id and the name
    play no part in it); ``lru_cache`` is bounded and thread-safe."""
    probe = {"status": status, "period_of_stay": period, "expires_on": expires}
    if card is not None:
        probe["card_expires_on"] = card
    try:
        values = _values(probe, 0)
        parts = _parts(*values, on)
    except _Unplannable as exc:
        # A fresh one: the memo keeps no traceback, so no caller's frame.
        return _Unplannable(exc.code, exc.field, exc.sources, **exc.values)
    return (*values, parts)


def _short_texts(
    value: object,
) -> tuple[str | None, str | None, str | None, str | None] | None:
    """A dict's status, period, expiry and card validity where each is a short text or
    missing (what the memo takes), else None."""
    if value.__class__ is not dict:
        return None
    get = value.get
    status = get("status")
    period = get("period_of_stay")
    expires = get("expires_on")
    card = get("card_expires_on")
    if (
        (status is None or (status.__class__ is str and len(status) <= _REMEMBERED))
        and (period is None or (period.__class__ is str and len(period) <= _REMEMBERED))
        and (expires is None or (expires.__class__ is str and len(expires) <= _REMEMBERED))
        and (card is None or (card.__class__ is str and len(card) <= _REMEMBERED))
    ):
        return status, period, expires, card
    return None


def plan_or_finding(value: object, row: int, on: date, fees: _Fees) -> RenewalPlan | Finding:
    """The person's plan, or the finding that says why there is none: never raises.

    What :func:`planned_alone` says, faster: a record (a dict, as
    :func:`~nyukan_rules.normalize_records` gives it) whose status, period,
    expiry and card validity are short texts is planned from what those texts
    say on ``on``, worked out once for each distinct four (a bounded,
    thread-safe memo; a roster of millions has a few tens of thousands).
    """
    texts = _short_texts(value) if on.__class__ is date else None
    if texts is not None:
        out = _outcome(*texts, on)
        if isinstance(out, _Unplannable):
            return out.finding(row, _id_of(value))
        person_id = _text(value, "id", "employee_id")  # type: ignore[arg-type]
        name = _text(value, "name", "name_roman")  # type: ignore[arg-type]
        # _assembled(Person(...), on, fees, parts), inline.
        status_of, period_of, expires_on, card_expires_on, parts = out
        card_plan, urgency, first, online, counter, special, left = parts
        person = Person(person_id, status_of, period_of, expires_on, name, card_expires_on)
        if card_plan:
            return RenewalPlan(
                person, on, urgency, first, None, counter, None, None, None, left,
                Renewal.RESIDENCE_CARD,
            )  # fmt: skip
        return RenewalPlan(
            person, on, urgency, first, online, counter, special, fees[0], fees[1], left
        )
    return planned_alone(value, row, on, fees)


#: The columns of a plan's row in :func:`~nyukan_rules.batch.iter_roster_csv`'s plans:
#: those of :func:`~nyukan_rules.notebook.plan_record`, each fee range as its least and
#: most (``fee_online_min``, ``fee_online_max``...).
PLAN_CSV_COLUMNS = tuple(
    name
    for column in _PLAN_COLUMNS
    for name in ((f"{column}_min", f"{column}_max") if column.startswith("fee_") else (column,))
)


@functools.lru_cache(maxsize=1 << 14)
def _iso(day: date | None) -> str:
    """The day as ISO text, one string a day for all the plans that name it (a memo of
    formatted plans keeps a pointer, not a copy); lru_cache: bounded, thread-safe."""
    return "" if day is None else day.isoformat()


@functools.lru_cache(maxsize=1 << 12)
def _number(value: int) -> str:
    return str(value)


def _fee_cells(fee: tuple[int, int] | None) -> tuple[str, str]:
    return ("", "") if fee is None else (_number(fee[0]), _number(fee[1]))


def plan_tail(plan: RenewalPlan) -> tuple[str, ...]:
    """A plan's cells of :data:`PLAN_CSV_COLUMNS` after the id and the name."""
    status = plan.person.status
    return (
        "" if status is None else status.value,
        plan.renews.value,
        plan.urgency.value,
        _iso(plan.on),
        _iso(plan.first_day),
        _iso(plan.last_day_online),
        _iso(plan.last_day_counter),
        _iso(plan.special_period_end),
        "" if plan.days_left is None else _number(plan.days_left),
        *_fee_cells(plan.fee_online),
        *_fee_cells(plan.fee_counter),
    )


_Tail = Callable[[str | None, str | None, str | None, str | None], "tuple[str, ...] | _Unplannable"]


@functools.lru_cache(maxsize=2)
def _tails_on(on: date, fees: _Fees) -> _Tail:
    """plan_tail of the plan of a record with these texts on ``on``, whoever the person
    is, or why there is none: a memo of the four texts for each of the last two days
    asked (keyed by the texts alone, cheaper than a key with the day and the fees in
    it), at most 65,536 plans a day of some 300 bytes each (the days and numbers in them
    are shared strings).  Both ``lru_cache``: bounded, thread-safe."""

    @functools.lru_cache(maxsize=_OUTCOMES)
    def tail(
        status: str | None, period: str | None, expires: str | None, card: str | None
    ) -> tuple[str, ...] | _Unplannable:
        return _tail(status, period, expires, card, on, fees)

    return tail


def _tail(
    status: str | None,
    period: str | None,
    expires: str | None,
    card: str | None,
    on: date,
    fees: _Fees,
) -> tuple[str, ...] | _Unplannable:
    """The unremembered work of :func:`_tails_on`: the reference path's outcome (not
    kept in ``_outcome``'s memo: the caller keeps what it makes of it)."""
    out = _outcome.__wrapped__(status, period, expires, card, on)
    if isinstance(out, _Unplannable):
        return out
    status_of, period_of, expires_on, card_expires_on, parts = out
    person = Person("", status_of, period_of, expires_on, "", card_expires_on)
    return plan_tail(_assembled(person, on, fees, parts))


def _memo_texts(
    named: Mapping[str, Sequence[str]], count: int, on: date
) -> list[Iterable[str | None]] | None:
    """The status, period, expiry and card validity columns as the planner's memos take
    them; None where a value is too long for a memo."""
    if on.__class__ is not date:
        return None
    texts: list[Iterable[str | None]] = []
    for name in ("status", "period_of_stay", "expires_on", "card_expires_on"):
        column = named.get(name)
        if column is None:
            texts.append(itertools.repeat(None, count))
        elif max(map(len, column), default=0) > _REMEMBERED:
            return None
        else:
            texts.append(column)
    return texts


def plan_cells_of_columns(
    named: Mapping[str, Sequence[str]], count: int, on: date, fees: _Fees
) -> tuple[list[tuple[str, ...]], list[Finding]] | None:
    """:func:`plan_cells` of a block of plain records given as columns (text values):
    the planned people's cells and the unplanned people's findings (rows of the block),
    each a few C calls over the columns; None where a value is too long for the memo
    (the caller then goes row by row)."""
    texts = _memo_texts(named, count, on)
    if texts is None:
        return None
    tails = list(map(_tails_on(on, fees), *texts))
    ids = _first_given(named, "id", "employee_id", count)
    names = _first_given(named, "name", "name_roman", count)
    people = zip(ids, names, strict=True)
    if list(map(type, tails)).count(tuple) == count:
        return list(map(operator.add, people, tails)), []
    cells: list[tuple[str, ...]] = []
    unplanned: list[Finding] = []
    for row, (person, tail) in enumerate(zip(people, tails, strict=True)):
        if isinstance(tail, _Unplannable):
            unplanned.append(tail.finding(row, person[0]))  # the id, as _id_of gives it
        else:
            cells.append(person + tail)
    return cells, unplanned


#: Characters that make csv.writer quote a cell (the delimiter, the quote, line ends)
#: or refuse it (NUL): an id or a name holding one goes through csv.writer.
_CSV_SPECIAL = (",", '"', "\r", "\n", "\x00")

_Line = Callable[[str | None, str | None, str | None, str | None], "str | _Unplannable"]


@functools.lru_cache(maxsize=2)
def _lines_on(on: date, fees: _Fees) -> _Line:
    """What csv.writer writes of a plan's cells after the id and the name (from the
    comma before the status to the line's end), for a record with these texts on
    ``on``, or why there is no plan: written once for each distinct four texts of a
    day (``lru_cache``: bounded, thread-safe)."""

    @functools.lru_cache(maxsize=_OUTCOMES)
    def line(
        status: str | None, period: str | None, expires: str | None, card: str | None
    ) -> str | _Unplannable:
        # Worked out here, not through the other memos: each line is the one thing
        # kept of a plan (a third of the memory of keeping its outcome and cells too).
        tail = _tail(status, period, expires, card, on, fees)
        if isinstance(tail, _Unplannable):
            return tail
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerow(("", *tail))
        return out.getvalue()

    return line


def plan_lines_of_columns(
    named: Mapping[str, Sequence[str]], count: int, on: date, fees: _Fees
) -> tuple[str, list[Finding]] | None:
    """The CSV lines of :data:`PLAN_CSV_COLUMNS` (as ``csv.writer`` writes the cells
    of :func:`plan_cells_of_columns`) of the planned people of a block given as text
    columns, and the unplanned people's findings: each distinct plan written once, each
    line joined in C.  None where a text is too long for the memo or an id or a name
    needs quoting (the caller then writes the cells)."""
    texts = _memo_texts(named, count, on)
    if texts is None:
        return None
    ids = _first_given(named, "id", "employee_id", count)
    names = _first_given(named, "name", "name_roman", count)
    people = "\x01".join(ids) + "\x01" + "\x01".join(names)
    if any(char in people for char in _CSV_SPECIAL):
        return None
    lines = list(map(_lines_on(on, fees), *texts))
    commas = itertools.repeat(",", count)
    if list(map(type, lines)).count(str) == count:
        rows = zip(ids, commas, names, lines, strict=False)
        return "".join(map("".join, rows)), []  # type: ignore[arg-type]  # all str here
    kept: list[str] = []
    unplanned: list[Finding] = []
    for row, (person, line) in enumerate(zip(ids, lines, strict=True)):
        if isinstance(line, _Unplannable):
            unplanned.append(line.finding(row, person))  # the id, as _id_of gives it
        else:
            kept.append(f"{person},{names[row]}{line}")
    return "".join(kept), unplanned


def _first_given(
    named: Mapping[str, Sequence[str]], first: str, then: str, count: int
) -> Sequence[str]:
    """_text(record, first, then) down a block of text columns."""
    one, other = named.get(first), named.get(then)
    if one is None:
        return other if other is not None else [""] * count
    if other is None:
        return one
    return [a or b for a, b in zip(one, other, strict=True)]


def plan_cells(value: object, row: int, on: date, fees: _Fees) -> tuple[str, ...] | Finding:
    """The person's plan as the cells of :data:`PLAN_CSV_COLUMNS`, or the finding that
    says why there is none: ``plan_or_finding`` written out, each distinct status,
    period, expiry and card validity formatted once."""
    texts = _short_texts(value) if on.__class__ is date else None
    if texts is not None:
        tail = _tails_on(on, fees)(*texts)
        if isinstance(tail, _Unplannable):
            return tail.finding(row, _id_of(value))
        return (_id_of(value), _text(value, "name", "name_roman"), *tail)  # type: ignore[arg-type]
    plan = planned_alone(value, row, on, fees)
    if isinstance(plan, Finding):
        return plan
    return (plan.person.id, plan.person.name, *plan_tail(plan))


def planned_alone(value: object, row: int, on: date, fees: _Fees) -> RenewalPlan | Finding:
    """:func:`plan_or_finding` without its memo: the reference, each person alone."""
    try:
        return _plan(_person(value, row), on, fees)
    except _Unplannable as exc:
        return exc.finding(row, _id_of(value))


def clear_memos() -> None:
    """Forget what the planner remembered (its answers stay the same): for benchmarks
    and tests that time or check a first sight, as in a fresh process."""
    for memo in (
        _outcome,
        _tails_on,
        _lines_on,
        _iso,
        _number,
        _windows,
        _date_named,
        _status_named,
        _period_named,
        extension_fee_ranges,
    ):
        memo.cache_clear()
    deadlines.clear_memos()


_ORDER = {u: i for i, u in enumerate(Urgency)}


def due_first(plan: RenewalPlan) -> tuple[bool, date, int, str]:
    """What is due first first: the schedule's order."""
    return (
        plan.urgency is Urgency.NO_RENEWAL,
        plan.last_day or date.max,
        -_ORDER[plan.urgency],
        plan.person.id,
    )


def plan_renewals(
    people: Iterable[object], *, on: date, workers: int | None = None
) -> RenewalSchedule:
    """A renewal plan for each person who can be planned, what is due first first.

    A person is a :class:`Person` or a mapping with ``id`` (or
    ``employee_id``), ``status``, ``period_of_stay`` (``1年``) and
    ``expires_on`` (a date, ``2027-01-31`` or ``20270131``).  The fee range
    is that of an extension accepted on ``on`` (the later schedule applies if
    it is accepted after a change).

    A permanent resident (永住者) or 高度専門職2号 has no period to renew,
    but the residence card must be renewed before its validity ends: their
    plan (``renews=Renewal.RESIDENCE_CARD``) runs from two months before the
    card's validity (``card_expires_on``, or ``expires_on`` where HR keeps
    it there) to that day, at a counter, and its urgency counts the days to
    that day.

    Returns a :class:`RenewalSchedule`: a sequence of the plans, and a
    ``report`` naming every person who cannot be planned, at their 0-based
    ``row``, with the reason (``roster.missing_expiry``,
    ``roster.missing_period``, ``roster.unknown_status``,
    ``roster.unknown_period`` for a period outside the bulk workbooks' list,
    as :func:`~nyukan_rules.validate_records` says, ``roster.indefinite_period``
    for 無期限 given for a status that has a period, ``roster.invalid_date``,
    ``roster.date_out_of_range`` for an expiry more than ten years from
    ``on`` such as 9999-12-31, ``batch.not_a_row``); each message names the
    row, counted from 1, and the person's id.  No row content
    raises; ``schedule.raise_for_errors()`` restores the strict behaviour.
    ``workers`` processes plan blocks of 5,000 people side by side (the same
    schedule; see :func:`~nyukan_rules.batch.iter_plan_renewals`).

    >>> plans = plan_renewals([{"id": "E1", "status": "技人国", "period_of_stay": "1年",
    ...                         "expires_on": "2027-01-31"}], on=date(2026, 11, 22))
    >>> plans[0].urgency.value, plans[0].last_day_online, plans[0].fee_online, plans.report.ok
    ('open', datetime.date(2027, 1, 30), (10000, 65000), True)
    """
    ensure_rows(people, "people")
    on = ensure_date(on, "on")
    # The fee depends on `on` only: computed once for the whole roster.
    fees = extension_fee_ranges(on)
    plans: list[RenewalPlan] = []
    problems: list[Finding] = []
    count = 0
    items: Iterable[RenewalPlan | Finding]
    if workers is not None:
        from nyukan_rules.batch import stream

        items = stream._planned(people, on, stream._workers(workers))
    else:
        items = (plan_or_finding(value, row, on, fees) for row, value in enumerate(people))
    for planned in items:
        count += 1
        if isinstance(planned, RenewalPlan):
            plans.append(planned)
        else:
            problems.append(planned)
    plans.sort(key=due_first)
    return RenewalSchedule(tuple(plans), BatchReport(problems, rows=count), on)
