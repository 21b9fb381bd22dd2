"""Renewal planning: for each person, when to file, until when, and at what cost.

Built on :func:`~nyukan_rules.renewal_window`,
:func:`~nyukan_rules.special_period_end` and :func:`~nyukan_rules.fee_range`:
no rule is written here a second time.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date

import attrs

from nyukan_rules.catalog import ApplicationKind, Channel, PeriodOfStay, StatusOfResidence
from nyukan_rules.dates import ensure_date
from nyukan_rules.deadlines import renewal_window, special_period_end
from nyukan_rules.errors import NyukanRulesError, ValidationError
from nyukan_rules.fees import fee_range
from nyukan_rules.messages import make_finding
from nyukan_rules.report import BatchReport, Finding

__all__ = ["Person", "RenewalPlan", "Urgency", "plan_renewals"]

_EXTENSION = ApplicationKind.EXTENSION_OF_PERIOD
_NO_RENEWAL = frozenset({"無期限", "indefinite"})


class Urgency(str, enum.Enum):
    """Where a renewal stands on the planning day, most urgent last."""

    NO_RENEWAL = "no_renewal"
    """A permanent resident (無期限): nothing to renew."""
    NOT_YET_OPEN = "not_yet_open"
    OPEN = "open"
    LAST_TWO_WEEKS = "last_two_weeks"
    """Fewer than 14 days to the last day online."""
    ONLINE_CLOSED = "online_closed"
    """Past the last day online: only a counter is left."""
    EXPIRED = "expired"
    """Past the last day at a counter too."""


@attrs.frozen
class Person:
    """Who the plan is for: an id, a status, a period of stay and its expiry."""

    id: str
    status: StatusOfResidence | None
    period_of_stay: PeriodOfStay | None
    """None for 無期限 (permanent residents)."""
    expires_on: date | None
    name: str = ""


@attrs.frozen
class RenewalPlan:
    """The renewal of one person as it stands on ``on``."""

    person: Person
    on: date
    urgency: Urgency
    first_day: date | None = None
    last_day_online: date | None = None
    last_day_counter: date | None = None
    special_period_end: date | None = None
    fee_online: tuple[int, int] | None = None
    fee_counter: tuple[int, int] | None = None
    days_left: int | None = None
    """Days from ``on`` to the last day online (negative once it has passed)."""


def _person(value: object) -> Person:
    if isinstance(value, Person):
        return value
    if not isinstance(value, Mapping):
        raise ValidationError(f"not a person: a {type(value).__name__}")
    status_text = value.get("status")
    period_text = value.get("period_of_stay")
    status = StatusOfResidence.parse(status_text) if status_text else None
    if isinstance(period_text, str) and period_text.strip() in _NO_RENEWAL:
        period = None
    else:
        period = PeriodOfStay.parse(period_text)
    expiry = value.get("expires_on")
    return Person(
        id=str(value.get("id", value.get("employee_id", ""))),
        status=status,
        period_of_stay=period,
        expires_on=ensure_date(expiry, "expires_on") if expiry else None,
        name=str(value.get("name", value.get("name_roman", "")) or ""),
    )


def _plan(person: Person, on: date) -> RenewalPlan:
    if (
        person.period_of_stay is None
        or person.expires_on is None
        or person.status is StatusOfResidence.PERMANENT_RESIDENT
    ):
        return RenewalPlan(person, on, Urgency.NO_RENEWAL)
    period, expires = person.period_of_stay, person.expires_on
    online = renewal_window(expires, period_of_stay=period, channel=Channel.ONLINE)
    counter = renewal_window(expires, period_of_stay=period, channel=Channel.COUNTER)
    days_left = (online.last_day - on).days
    if on > counter.last_day:
        urgency = Urgency.EXPIRED
    elif on > online.last_day:
        urgency = Urgency.ONLINE_CLOSED
    elif on < online.first_day:
        urgency = Urgency.NOT_YET_OPEN
    elif days_left < 14:
        urgency = Urgency.LAST_TWO_WEEKS
    else:
        urgency = Urgency.OPEN
    return RenewalPlan(
        person,
        on,
        urgency,
        first_day=online.first_day,
        last_day_online=online.last_day,
        last_day_counter=counter.last_day,
        special_period_end=special_period_end(expires, period_of_stay=period, kind=_EXTENSION),
        fee_online=fee_range(_EXTENSION, channel=Channel.ONLINE, accepted_on=on),
        fee_counter=fee_range(_EXTENSION, channel=Channel.COUNTER, accepted_on=on),
        days_left=days_left,
    )


def plan_renewals(people: Iterable[object], *, on: date) -> list[RenewalPlan]:
    """A renewal plan for each person, what is due first first.

    A person is a :class:`Person` or a mapping with ``id`` (or
    ``employee_id``), ``status``, ``period_of_stay`` (``1年``, or ``無期限``)
    and ``expires_on`` (a date, ``2027-01-31`` or ``20270131``).  The fee
    range is that of an extension accepted on ``on`` (the later schedule
    applies if it is accepted after a change).  People who cannot be planned
    raise :class:`~nyukan_rules.ValidationError` carrying a
    :class:`~nyukan_rules.BatchReport` that names each of them: a plan that
    leaves somebody out silently would be worse than none.

    >>> plans = plan_renewals([{"id": "E1", "status": "技人国", "period_of_stay": "1年",
    ...                         "expires_on": "2027-01-31"}], on=date(2026, 11, 22))
    >>> plans[0].urgency.value, plans[0].last_day_online, plans[0].fee_online
    ('open', datetime.date(2027, 1, 30), (10000, 65000))
    """
    on = ensure_date(on, "on")
    plans: list[RenewalPlan] = []
    problems: list[Finding] = []
    for row, value in enumerate(people):
        try:
            plans.append(_plan(_person(value), on))
        except NyukanRulesError as exc:
            problems.append(
                attrs.evolve(
                    make_finding("roster.unusable_person", row=row, detail=str(exc)),
                    row=row,
                )
            )
    if problems:
        raise ValidationError(
            f"{len(problems)} person(s) cannot be planned", report=BatchReport(problems)
        )
    order = list(Urgency)
    plans.sort(
        key=lambda p: (
            p.urgency is Urgency.NO_RENEWAL,
            p.last_day_online or date.max,
            -order.index(p.urgency),
            p.person.id,
        )
    )
    return plans
