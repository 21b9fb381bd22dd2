"""Dates: effective periods, the Civil Code's month arithmetic, closed days.

Nothing here reads the clock.  ``holidays`` is imported the first time a
closed day is asked about, not when nyukan_rules is imported.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
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
    "ERAS",
    "Effective",
    "Era",
    "add_months",
    "civil_period_end",
    "ensure_date",
    "era_named",
    "era_of",
    "era_problem",
    "is_office_closed",
    "next_office_day",
    "read_date",
]


@attrs.frozen
class Era:
    """A Japanese era (元号): its names, the year before its first, its first and last days.

    ``offset`` + the year of the era is the Gregorian year (令和8年 is 2018 + 8).

    >>> ERAS[-1].name, ERAS[-1].offset + 8
    ('令和', 2026)
    """

    name: str
    en: str
    letter: str
    offset: int
    since: date
    until: date | None
    source: str = ""

    def contains(self, day: date) -> bool:
        """True when ``day`` falls in this era."""
        return self.since <= day and (self.until is None or day <= self.until)

    def day(self, year_of_era: int, month: int, day: int) -> date | None:
        """The date 元号 ``year_of_era`` 年 ``month`` 月 ``day`` 日, or None if it never existed.

        Year 0 and days before the era's first or after its last day never
        existed (平成31年5月1日 is 令和元年5月1日).

        >>> ERAS[3].day(31, 5, 1) is None, ERAS[4].day(1, 5, 1)
        (True, datetime.date(2019, 5, 1))
        """
        if year_of_era < 1:
            return None
        try:
            found = date(self.offset + year_of_era, month, day)
        except ValueError:
            return None
        return found if self.contains(found) else None

    def has_month(self, year_of_era: int, month: int) -> bool:
        """True when some day of 元号 ``year_of_era`` 年 ``month`` 月 falls in this era.

        For a date written without its day (令和7年4月): 平成31年4月 is, 平成31年5月 is not.

        >>> ERAS[3].has_month(31, 4), ERAS[3].has_month(31, 5), ERAS[4].has_month(0, 5)
        (True, False, False)
        """
        if year_of_era < 1 or not 1 <= month <= 12:
            return False
        year = self.offset + year_of_era
        if not date.min.year <= year <= date.max.year:
            return False
        first = date(year, month, 1)
        last = date(year, month, calendar.monthrange(year, month)[1])
        return self.since <= last and (self.until is None or first <= self.until)


#: The eras a date may be written in, oldest first; the one home of these facts.
#: 明治 dates are taken from 明治6年1月1日 (1873-01-01), when Japan adopted the
#: Gregorian calendar (明治5年太政官布告第337号); earlier ones were lunisolar
#: dates that a year offset cannot convert.  Each era's first day is set by
#: the source named on its row; its last day is the day before the next one's.
ERAS: tuple[Era, ...] = (
    Era("明治", "Meiji", "M", 1867, date(1873, 1, 1), date(1912, 7, 29),
        "明治5年太政官布告第337号 (改暦ノ布告)"),
    Era("大正", "Taisho", "T", 1911, date(1912, 7, 30), date(1926, 12, 24),
        "改元ノ詔書 (明治45年7月30日)"),
    Era("昭和", "Showa", "S", 1925, date(1926, 12, 25), date(1989, 1, 7),
        "改元ノ詔書 (大正15年12月25日)"),
    Era("平成", "Heisei", "H", 1988, date(1989, 1, 8), date(2019, 4, 30),
        "元号を改める政令 (昭和64年政令第1号)"),
    Era("令和", "Reiwa", "R", 2018, date(2019, 5, 1), None,
        "元号を改める政令 (平成31年政令第143号)"),
)  # fmt: skip
_ERA_BY_KEY = {key: era for era in ERAS for key in (era.name, era.letter, era.letter.lower())}


def era_named(name: str) -> Era | None:
    """The era called ``name`` (``"令和"``) or by its letter (``"R"``, ``"r"``), or None.

    >>> era_named("H").since
    datetime.date(1989, 1, 8)
    """
    return _ERA_BY_KEY.get(name)


def era_of(day: date) -> Era | None:
    """The era ``day`` falls in, or None before 1873 (see :data:`ERAS`).

    >>> era_of(date(1989, 1, 7)).name, era_of(date(1989, 1, 8)).name
    ('昭和', '平成')
    """
    for era in reversed(ERAS):
        if era.since <= day:
            return era if era.contains(day) else None
    return None


# Full-width ASCII and the ideographic space, as people type dates.
_FOLD = str.maketrans({**{chr(c + 0xFEE0): chr(c) for c in range(0x21, 0x7F)}, "\u3000": " "})
_WESTERN = re.compile(
    r"(?P<y>[0-9]{4})(?:(?P<s>[-/.])(?P<m>[0-9]{1,2})(?P=s)(?P<d>[0-9]{1,2})"
    r"| *年 *(?P<m2>[0-9]{1,2}) *月 *(?P<d2>[0-9]{1,2}) *日?|(?P<m3>[0-9]{2})(?P<d3>[0-9]{2}))",
    re.ASCII,
)
_ERA_DATE = re.compile(
    r"(?P<era>明治|大正|昭和|平成|令和|[MTSHRmtshr]) *(?P<y>元|[0-9]{1,3})"
    r"(?: *年 *(?P<m>[0-9]{1,2}) *月 *(?P<d>[0-9]{1,2}) *日?"
    r"|(?P<s>[-/. ])(?P<m2>[0-9]{1,2})(?P=s)(?P<d2>[0-9]{1,2}))",
    re.ASCII,
)
#: No date form is longer; a longer text is refused before it is read.
_LONGEST_DATE = 32


def read_date(text: str) -> date | None:
    """The day ``text`` names, or None when it names none (the one date reader).

    The forms read, in ASCII or full-width digits, spaces around the parts
    ignored: ``2026-11-23``, ``2026/11/23``, ``2026.11.23``, ``20261123``,
    ``2026年11月23日``, ``令和8年11月23日`` (``令和元年`` for year 1),
    ``R8.11.23``, ``R8/11/23``, ``R8-11-23`` and the same with 平成 (H),
    昭和 (S), 大正 (T) and 明治 (M).  An era date that never existed (year 0,
    or outside the era's days in :data:`ERAS`) is None; :func:`era_problem`
    says why.

    >>> read_date("令和8年11月23日"), read_date("R8.11.23") == read_date("２０２６/１１/２３")
    (datetime.date(2026, 11, 23), True)
    >>> read_date("平成31年5月1日") is None, read_date("令和元年5月1日")
    (True, datetime.date(2019, 5, 1))
    """
    parts = _era_parts(text)
    if parts is not None:
        era, year_of_era, month, day = parts
        return era.day(year_of_era, month, day)
    folded = text.translate(_FOLD).strip(" ") if len(text) <= _LONGEST_DATE else ""
    match = _WESTERN.fullmatch(folded)
    if not match:
        return None
    try:
        return date(
            int(match["y"]),
            int(match["m"] or match["m2"] or match["m3"]),
            int(match["d"] or match["d2"] or match["d3"]),
        )
    except ValueError:
        return None


def _era_parts(text: str) -> tuple[Era, int, int, int] | None:
    if len(text) > _LONGEST_DATE:
        return None
    match = _ERA_DATE.fullmatch(text.translate(_FOLD).strip(" "))
    if not match:
        return None
    year_of_era = 1 if match["y"] == "元" else int(match["y"])
    month = int(match["m"] or match["m2"])
    day = int(match["d"] or match["d2"])
    return _ERA_BY_KEY[match["era"]], year_of_era, month, day


def era_problem(text: str) -> Era | None:
    """The era of an era date that never existed (令和0年, 平成31年5月1日), else None.

    None too for a text that is no era date at all, or names a day that is
    in no month (令和8年2月30日): that is not the era's fault.

    >>> era_problem("平成31年5月1日").until, era_problem("令和0年1月1日").since
    (datetime.date(2019, 4, 30), datetime.date(2019, 5, 1))
    >>> era_problem("令和元年5月1日") is None
    True
    """
    parts = _era_parts(text)
    if parts is None:
        return None
    era, year_of_era, month, day = parts
    if era.day(year_of_era, month, day) is not None:
        return None
    try:
        date(era.offset + max(year_of_era, 1), month, day)
    except ValueError:
        return None  # no such day in any era
    return era


def ensure_date(value: object, name: str) -> date:
    """``value`` as a :class:`datetime.date`, for a parameter called ``name``.

    Every public function that takes a date reads it here.  A ``date`` is
    taken as it is; a ``datetime`` (a ``date`` subclass) gives its date, its
    time and time zone ignored; a string is read by :func:`read_date` (ISO,
    ``2026/11/23``, ``20261123``, ``2026年11月23日``, ``令和8年11月23日``,
    ``R8.11.23``).  A string that is no date, or an era date that never
    existed (``令和0年1月1日``, ``平成31年5月1日``), raises
    :class:`~nyukan_rules.ValidationError` (code ``date.not_a_date`` or
    ``date.outside_era``); any other type (``None``, a number, a list)
    raises :class:`~nyukan_rules.ArgumentTypeError`, which is a
    ``TypeError`` too.

    >>> ensure_date("2026-11-22", "on"), ensure_date("R8.11.23", "on")
    (datetime.date(2026, 11, 22), datetime.date(2026, 11, 23))
    >>> ensure_date("平成31年5月1日", "on")
    Traceback (most recent call last):
    ...
    nyukan_rules.errors.ValidationError: on must be a date, not '平成31年5月1日': 平成 (Heisei) ran from 1989-01-08 to 2019-04-30
    >>> ensure_date(20261122, "on")
    Traceback (most recent call last):
    ...
    nyukan_rules.errors.ArgumentTypeError: on must be a date or a date string, not an int
    """  # noqa: E501
    if type(value) is date:
        return value
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, date):
        return date(value.year, value.month, value.day)
    if isinstance(value, str):
        found = read_date(value)
        if found is not None:
            return found
        shown = repr(value[:40]) + ("…" if len(value) > 40 else "")
        era = era_problem(value)
        if era is not None:
            span = f"began on {era.since.isoformat()}"
            params: dict[str, object] = {"name": name, "text": value[:40], "era": era.name}
            params["since"] = era.since
            if era.until is not None:
                span = f"ran from {era.since.isoformat()} to {era.until.isoformat()}"
                params["until"] = era.until
            raise ValidationError(
                f"{name} must be a date, not {shown}: {era.name} ({era.en}) {span}",
                code="date.outside_era",
                params=params,
            )
        raise ValidationError(
            f"{name} must be a date, not {shown}",
            code="date.not_a_date",
            params={"name": name, "text": value[:40]},
        )
    raise ArgumentTypeError(
        f"{name} must be a date or a date string, not {type_name(value)}",
        code="argument.type",
        params={"name": name, "expected": "date", "given": type(value).__name__},
    )


def _out_of_range(name: str, day: date) -> ArgumentValueError:
    return ArgumentValueError(
        f"{name} {day.isoformat()} is too close to the ends of the calendar Python"
        f" represents ({date.min.isoformat()} to {date.max.isoformat()}) for this answer",
        code="date.out_of_calendar",
        params={"name": name, "on": day},
    )


def _check_order(instance: Effective, attribute: object, value: date | None) -> None:
    if instance.since is not None and value is not None and value < instance.since:
        raise NyukanRulesError(
            f"effective period ends ({value}) before it starts ({instance.since})",
            code="date.ends_before_start",
            params={"since": instance.since, "until": value},
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
        raise NoRuleError(
            f"no Japanese holiday calendar is known for {year}",
            code="date.no_holiday_calendar",
            params={"year": year},
        ) from exc
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
