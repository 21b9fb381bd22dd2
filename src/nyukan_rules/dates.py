"""Dates: effective periods, the Civil Code's month arithmetic, closed days.

Nothing here reads the clock.  ``holidays`` is imported the first time a
closed day is asked about, not when nyukan_rules is imported.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
from datetime import date, timedelta

import attrs

from nyukan_rules._args import ensure_int, type_name
from nyukan_rules.errors import (
    ArgumentTypeError,
    ArgumentValueError,
    NoRuleError,
    NyukanRulesError,
    ValidationError,
)

__all__ = [
    "Effective",
    "add_months",
    "civil_period_end",
    "ensure_date",
    "is_office_closed",
    "next_office_day",
]


def ensure_date(value: object, name: str) -> date:
    """``value`` as a :class:`datetime.date`, for a parameter called ``name``.

    Every public function that takes a date reads it here.  A ``date`` is
    taken as it is; a ``datetime`` (a ``date`` subclass) gives its date, its
    time and time zone ignored; an ISO string (``"2026-11-22"``) or the basic
    form the online system writes (``"20261122"``, on every Python, where
    ``date.fromisoformat`` reads it only from 3.11) is read, in ASCII digits
    only.  A string that is no date raises
    :class:`~nyukan_rules.ValidationError`; any other type (``None``, a
    number, a list) raises :class:`~nyukan_rules.ArgumentTypeError`, which is
    a ``TypeError`` too.

    >>> ensure_date("2026-11-22", "on")
    datetime.date(2026, 11, 22)
    >>> ensure_date(20261122, "on")
    Traceback (most recent call last):
    ...
    nyukan_rules.errors.ArgumentTypeError: on must be a date or a date string, not an int
    """
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, date):
        return value if type(value) is date else date(value.year, value.month, value.day)
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 8 and text.isascii() and text.isdigit():
            text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
        if len(text) <= 32 and text.isascii():
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
        shown = repr(value[:40]) + ("…" if len(value) > 40 else "")
        raise ValidationError(f"{name} must be a date (or an ISO date string), not {shown}")
    raise ArgumentTypeError(f"{name} must be a date or a date string, not {type_name(value)}")


def _out_of_range(name: str, day: date) -> ArgumentValueError:
    return ArgumentValueError(
        f"{name} {day.isoformat()} is too close to the ends of the calendar Python"
        f" represents ({date.min.isoformat()} to {date.max.isoformat()}) for this answer"
    )


def _check_order(instance: Effective, attribute: object, value: date | None) -> None:
    if instance.since is not None and value is not None and value < instance.since:
        raise NyukanRulesError(
            f"effective period ends ({value}) before it starts ({instance.since})"
        )


@attrs.frozen
class Effective:
    """The days a rule is in force: ``since`` to ``until``, both included.

    ``None`` at either end means open: in force since before anything the
    library knows, or until further notice.

    >>> Effective(date(2025, 4, 1), date(2026, 9, 30)).contains(date(2026, 9, 30))
    True
    """

    since: date | None = None
    until: date | None = attrs.field(default=None, validator=_check_order)

    def contains(self, day: date) -> bool:
        """True when the rule is in force on ``day`` (read as :func:`ensure_date` reads it)."""
        if type(day) is not date:
            day = ensure_date(day, "day")
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until
        )

    def overlaps(self, other: Effective) -> bool:
        """True when both periods share at least one day."""
        starts_before_other_ends = (
            self.since is None or other.until is None or self.since <= other.until
        )
        ends_after_other_starts = (
            self.until is None or other.since is None or other.since <= self.until
        )
        return starts_before_other_ends and ends_after_other_starts

    def __str__(self) -> str:
        if self.since and self.until:
            return f"{self.since.isoformat()} – {self.until.isoformat()}"
        if self.since:
            return f"from {self.since.isoformat()}"
        if self.until:
            return f"until {self.until.isoformat()}"
        return "always"


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later (or earlier when negative).

    Where that month is shorter, its last day.  ``day`` is read as
    :func:`ensure_date` reads it; a result outside the calendar Python
    represents (years 1 to 9999) raises :class:`~nyukan_rules.ArgumentValueError`.

    >>> add_months(date(2026, 5, 31), -3)
    datetime.date(2026, 2, 28)
    """
    day = ensure_date(day, "day")
    months = ensure_int(months, "months")
    year, month = _shift_month(day.year, day.month, months)
    if not date.min.year <= year <= date.max.year:
        raise _out_of_range("day", day)
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def civil_period_end(event_day: date, *, months: int) -> date:
    """The last day of a period of ``months`` counted from ``event_day``.

    As the Civil Code counts it (民法 第140条〜第143条): the day of the event
    is not counted (art. 140), so counting starts the next day; a period of
    months ends on the day before the day that corresponds to that start in
    the last month (art. 143(2)), or on that month's last day where it has no
    such day.  The period ends at the end of the returned day (art. 141).
    ``months`` must be an int of at least 1; a result outside the calendar
    Python represents raises :class:`~nyukan_rules.ArgumentValueError`.

    >>> civil_period_end(date(2026, 2, 28), months=2)
    datetime.date(2026, 4, 30)
    >>> civil_period_end(date(2025, 12, 30), months=2)
    datetime.date(2026, 2, 28)
    """
    event_day = ensure_date(event_day, "event_day")
    months = ensure_int(months, "months", minimum=1)
    if event_day == date.max:
        raise _out_of_range("event_day", event_day)
    start = event_day + timedelta(days=1)
    if start.day == 1:  # ends on the last day of the month before the corresponding one
        year, month = _shift_month(start.year, start.month, months - 1)
        if year > date.max.year:
            raise _out_of_range("event_day", event_day)
        return date(year, month, calendar.monthrange(year, month)[1])
    year, month = _shift_month(start.year, start.month, months)
    if year > date.max.year:
        raise _out_of_range("event_day", event_day)
    last = calendar.monthrange(year, month)[1]
    if start.day > last:
        return date(year, month, last)
    return date(year, month, start.day) - timedelta(days=1)


@functools.lru_cache(maxsize=64)
def _national_holidays(year: int) -> frozenset[date]:
    import holidays  # heavy: imported only when a closed day is asked about

    try:
        found = holidays.country_holidays("JP", years=year)
    except NotImplementedError as exc:  # pragma: no cover - depends on holidays' range
        raise NoRuleError(f"no Japanese holiday calendar is known for {year}") from exc
    return frozenset(d for d in found if isinstance(d, _dt.date))


def is_office_closed(day: date) -> bool:
    """True when immigration offices are closed on ``day``.

    Closed days (行政機関の休日に関する法律 第1条): Saturdays, Sundays, national
    holidays (from the ``holidays`` package), and 29 December to 3 January.

    >>> is_office_closed(date(2027, 1, 2)), is_office_closed(date(2026, 11, 24))
    (True, False)
    """
    day = ensure_date(day, "day")
    return _closed(day)


def _closed(day: date) -> bool:
    if day.weekday() >= 5:
        return True
    if (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3):
        return True
    return day in _national_holidays(day.year)


def next_office_day(day: date) -> date:
    """``day`` itself if offices are open, else the next day they are.

    A deadline that falls on a closed day moves to the next open day
    (行政機関の休日に関する法律 第2条).  Where that day would fall after
    9999-12-31, :class:`~nyukan_rules.ArgumentValueError`.

    >>> next_office_day(date(2026, 12, 29))
    datetime.date(2027, 1, 4)
    """
    day = ensure_date(day, "day")
    start = day
    while _closed(day):
        if day == date.max:
            raise _out_of_range("day", start)
        day += timedelta(days=1)
    return day
