"""Periods of stay (在留期間) and the bands the 2026 fee schedule is tiered by."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING, ClassVar

import attrs

from nyukan_rules.errors import UnknownNameError

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["PeriodOfStay", "StayBand"]

_JA = re.compile(
    r"(?:(\d{1,2})年)?(?:(\d{1,3})(?:か|ヶ|ケ|カ|箇|ヵ)?月)?(?:(\d{1,3})日)?", re.ASCII
)
_ISO = re.compile(r"p(?:(\d{1,2})y)?(?:(\d{1,3})m)?(?:(\d{1,3})d)?", re.ASCII)
_EN = re.compile(
    r"(?:(\d{1,2})years?)?(?:(\d{1,3})months?)?(?:(\d{1,3})days?)?",
    re.ASCII,
)


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise UnknownNameError(
            "period of stay",
            f"{attribute.name} as {type(value).__name__}",
            code="period.part_type",
            params={"part": attribute.name, "given": type(value).__name__},
        )
    if value < 0 or value.bit_length() > 32:
        raise UnknownNameError(
            "period of stay",
            f"{attribute.name} out of range",
            code="period.part_out_of_range",
            params={"part": attribute.name},
        )


@attrs.frozen(order=False)
class PeriodOfStay:
    """A period of stay granted or held, such as 5年, 1年6月, 6月 or 30日.

    Months are kept below twelve (``PeriodOfStay(months=18)`` is not allowed;
    :meth:`parse` folds ``18月`` into ``1年6月``).  Periods compare by their
    length, counting a month as 31 days where days meet months (so 90日 is
    shorter than 3月, and 31日 as long as 1月).

    >>> PeriodOfStay.parse("１年６か月")
    PeriodOfStay(years=1, months=6, days=0, indefinite=False)
    >>> str(PeriodOfStay.parse("P3M"))
    '3月'

    ``無期限`` (no period: 永住者, 高度専門職2号) is
    ``PeriodOfStay(indefinite=True)``, longer than any period and in no
    :class:`StayBand`.

    >>> PeriodOfStay.parse("無期限") == PeriodOfStay.INDEFINITE
    True
    """

    INDEFINITE: ClassVar[PeriodOfStay]

    years: int = attrs.field(default=0, validator=_non_negative)
    months: int = attrs.field(default=0, validator=_non_negative)
    days: int = attrs.field(default=0, validator=_non_negative)
    indefinite: bool = attrs.field(default=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.indefinite, bool):
            kind = type(self.indefinite).__name__
            raise UnknownNameError(
                "period of stay",
                f"indefinite as {kind}",
                code="period.part_type",
                params={"part": "indefinite", "given": kind},
            )
        if self.indefinite:
            if self.years or self.months or self.days:
                raise UnknownNameError(
                    "period of stay",
                    "an indefinite period with a length",
                    code="period.indefinite_with_length",
                    params={},
                )
            return
        if self.months >= 12:
            raise UnknownNameError(
                "period of stay",
                f"months={self.months} (use years)",
                code="period.months_over_11",
                params={"months": self.months},
            )
        if not (self.years or self.months or self.days):
            raise UnknownNameError(
                "period of stay", "an empty period", code="period.empty", params={}
            )

    @classmethod
    def parse(cls, text: object) -> PeriodOfStay:
        """Read ``5年``, ``1年6月``, ``6か月``, ``30日``, ``P1Y6M`` or ``1 year 6 months``.

        Raises :class:`~nyukan_rules.UnknownNameError` for anything else.
        """
        if isinstance(text, PeriodOfStay):
            return text
        if not isinstance(text, str) or len(text) > 200:
            raise UnknownNameError("period of stay", text)
        compact = "".join(unicodedata.normalize("NFKC", text).casefold().split())
        if compact in _INDEFINITE_WORDS:
            return cls.INDEFINITE
        # Only ASCII digits may reach int(): NFKC leaves other scripts' digits
        # alone, and int() would accept them.
        if not compact or (not compact.isascii() and not _mostly_japanese(compact)):
            raise UnknownNameError("period of stay", text)
        for pattern in (_JA, _ISO, _EN):
            match = pattern.fullmatch(compact)
            if match and any(match.groups()):
                years, months, days = (int(g) if g else 0 for g in match.groups())
                years, months = years + months // 12, months % 12
                try:
                    return cls(years=years, months=months, days=days)
                except UnknownNameError:
                    break
        raise UnknownNameError("period of stay", text)

    @property
    def total_months(self) -> int:
        """Years and months as months; days are not counted."""
        return self.years * 12 + self.months

    @property
    def sort_key(self) -> int:
        """The length used for comparisons: a month counts as 31 days."""
        if self.indefinite:
            return _INDEFINITE_KEY
        return self.total_months * 31 + self.days

    def __lt__(self, other: PeriodOfStay) -> bool:
        return self.sort_key < other.sort_key

    def __le__(self, other: PeriodOfStay) -> bool:
        return self.sort_key <= other.sort_key

    def __gt__(self, other: PeriodOfStay) -> bool:
        return self.sort_key > other.sort_key

    def __ge__(self, other: PeriodOfStay) -> bool:
        return self.sort_key >= other.sort_key

    def __str__(self) -> str:
        if self.indefinite:
            return "無期限"
        parts = []
        if self.years:
            parts.append(f"{self.years}年")
        if self.months:
            parts.append(f"{self.months}月")
        if self.days:
            parts.append(f"{self.days}日")
        return "".join(parts)

    @property
    def en(self) -> str:
        """The period in English, such as ``1 year 6 months``."""
        if self.indefinite:
            return "indefinite"
        parts = []
        for n, unit in ((self.years, "year"), (self.months, "month"), (self.days, "day")):
            if n:
                parts.append(f"{n} {unit}{'s' if n != 1 else ''}")
        return " ".join(parts)

    def name_in(self, lang: str = "en") -> str:
        """The period in ``lang``, with the Japanese beside it as the forms write it.

        ``lang`` is a language tag, read as
        :func:`~nyukan_rules.i18n.resolve_language` reads it (``vi``,
        ``zh-CN``, ``pt``; an unknown one falls back to English).  Years,
        months and days are written with CLDR's unit names and plurals
        (Babel, imported on the first call); ``無期限`` is a term of the
        message catalogues (``period.indefinite``), and so is the frame that
        puts the Japanese beside (``period.beside``).  In Japanese, the period
        alone.

        >>> PeriodOfStay(years=1, months=3).name_in("en")
        '1 year 3 months (1年3月)'
        >>> PeriodOfStay(months=6).name_in("ja-JP"), PeriodOfStay.INDEFINITE.name_in("en")
        ('6月', 'indefinite (無期限)')
        """
        from nyukan_rules.i18n import resolve_language

        return _name_in(self, resolve_language(lang))


#: Words read as 無期限 (after NFKC, case folding and removing white space).
_INDEFINITE_WORDS = frozenset({"無期限", "indefinite", "unlimited"})
#: Longer than any period the fields can hold (99 years, 999 months, 999 days).
_INDEFINITE_KEY = 1 << 40

PeriodOfStay.INDEFINITE = PeriodOfStay(indefinite=True)


#: The CLDR units of a period's parts.
_UNITS = ("duration-year", "duration-month", "duration-day")


@functools.lru_cache(maxsize=1024)
def _name_in(period: PeriodOfStay, lang: str) -> str:
    """:meth:`PeriodOfStay.name_in` for a resolved language tag (remembered: a
    batch names the same few periods again and again)."""
    ja = str(period)
    if lang == "ja":
        return ja
    from nyukan_rules.i18n import translate
    from nyukan_rules.messages import TERMS

    if period.indefinite:
        name = translate("term", TERMS["period.indefinite"], lang)
    else:
        name = _in_units(period, lang)
    if name == ja:
        return ja
    frame = translate("term", TERMS["period.beside"], lang)
    try:
        return frame.format(name=name, ja=ja)
    except (KeyError, IndexError, ValueError, AttributeError):  # a broken translation
        return f"{name} ({ja})"


def _framed(frame: str, **params: str) -> str:
    """``frame`` filled in; a broken translation gives its parts side by side."""
    try:
        return frame.format(**params)
    except (KeyError, IndexError, ValueError, AttributeError):
        return " ".join(params.values())


def _in_units(period: PeriodOfStay, lang: str) -> str:
    from babel import Locale

    from nyukan_rules.i18n import babel_locale

    locale = Locale.parse(babel_locale(lang))
    counts = (period.years, period.months, period.days)
    parts = [_unit(n, unit, locale) for n, unit in zip(counts, _UNITS, strict=True) if n]
    return _joined(parts, locale)


def _unit(count: int, unit: str, locale: Locale) -> str:
    """``count`` of ``unit`` in the locale's words, long form where CLDR has it.

    Babel does not follow CLDR's aliases from the long form to the short one
    (Vietnamese, Korean, Chinese keep their unit names in the short form), and
    writes the unit's id when a form is missing: the next form is tried.
    """
    from babel.units import format_unit

    for length in ("long", "short", "narrow"):
        if not _has_pattern(locale, unit, length, count):
            continue
        text = str(format_unit(count, unit, length=length, locale=locale))
        if unit not in text:
            return text
    return f"{count} {unit.removeprefix('duration-')}"  # pragma: no cover - no CLDR form


def _has_pattern(locale: Locale, unit: str, length: str, count: int) -> bool:
    """Whether CLDR, as Babel reads it, has ``unit`` in ``length`` for ``count``'s plural
    form; without one Babel writes the unit's display name, which may be another form's
    (Filipino's long month is only ``kada buwan``, and Babel would write ``1 mga buwan``)."""
    try:
        patterns = locale._data["unit_patterns"][unit][length]
        return locale.plural_form(count) in patterns
    except (KeyError, TypeError, AttributeError):  # Babel's data laid out otherwise
        return True


def _joined(parts: list[str], locale: Locale) -> str:
    """The parts one after another, as the locale writes a list of units (CLDR's
    narrow unit list: ``1 year 3 months``, ``1年3个月``), else with spaces."""
    if len(parts) < 2:
        return "".join(parts)
    if not _lists_units(str(locale)):
        return " ".join(parts)
    from babel.lists import format_list

    return str(format_list(parts, style="unit-narrow", locale=locale))


@functools.lru_cache(maxsize=32)
def _lists_units(locale: str) -> bool:
    """Whether Babel writes the locale's narrow unit lists of two and of three parts,
    each part once and in order with at most a few characters between: Babel reads
    some locales' list patterns only in part (a missing pattern, or one inherited
    that repeats or drops a part), and a language should not join two parts one way
    and three another."""
    from babel.lists import format_list

    for probe in (["1 a", "2 b"], ["1 a", "2 b", "3 c"]):
        try:
            text = str(format_list(probe, style="unit-narrow", locale=locale))
        except (KeyError, ValueError):
            return False
        at = 0
        for part in probe:
            found = text.find(part, at)
            if found < 0 or found - at > 3:
                return False
            at = found + len(part)
        if at != len(text):
            return False
    return True


def _mostly_japanese(text: str) -> bool:
    """True when every non-ASCII character is one of the period's unit words."""
    return all(ch.isascii() or ch in "年月日かヶケカ箇ヵ" for ch in text)


@attrs.frozen
class StayBand:
    """A range of periods of stay, such as ``over 1 year, under 3 years``.

    ``low`` and ``high`` are ``None`` where the band is open.

    >>> band = StayBand(low=PeriodOfStay(years=1), low_inclusive=False,
    ...                 high=PeriodOfStay(years=3), high_inclusive=False,
    ...                 ja="1年超3年未満", en="over 1 year, under 3 years")
    >>> band.contains(PeriodOfStay(years=2)), band.contains(PeriodOfStay(years=3))
    (True, False)
    """

    low: PeriodOfStay | None
    low_inclusive: bool
    high: PeriodOfStay | None
    high_inclusive: bool
    ja: str
    en: str

    def name_in(self, lang: str = "en") -> str:
        """The band in ``lang``, with the Japanese beside it as the fee tables write it.

        The words are terms of the message catalogues (``band.over``,
        ``band.at_least``, ``band.under``, ``band.at_most``, ``band.between``)
        and the periods CLDR's units (:meth:`PeriodOfStay.name_in`); Japanese
        and English are the band's own ``ja`` and ``en``.

        >>> band = StayBand(PeriodOfStay(years=1), False, PeriodOfStay(years=3), False,
        ...                 ja="1年超3年未満", en="over 1 year, under 3 years")
        >>> band.name_in("ja"), band.name_in("en-GB")
        ('1年超3年未満', 'over 1 year, under 3 years')
        """
        from nyukan_rules.i18n import resolve_language, translate
        from nyukan_rules.messages import TERMS

        code = resolve_language(lang)
        if code in ("ja", "en"):
            return self.ja if code == "ja" else self.en

        def part(key: str, period: PeriodOfStay) -> str:
            words = _in_units(period, code) if not period.indefinite else str(period)
            return _framed(translate("term", TERMS[key], code), period=words)

        low = (
            part("band.at_least" if self.low_inclusive else "band.over", self.low)
            if self.low
            else ""
        )
        high = (
            part("band.at_most" if self.high_inclusive else "band.under", self.high)
            if self.high
            else ""
        )
        if low and high:
            name = _framed(translate("term", TERMS["band.between"], code), low=low, high=high)
        else:
            name = low or high
        return _framed(translate("term", TERMS["period.beside"], code), name=name, ja=self.ja)

    def contains(self, period: PeriodOfStay) -> bool:
        """True when ``period`` (a :class:`PeriodOfStay` or text it parses) falls in this band.

        ``無期限`` falls in no band: a band is a range of lengths.
        """
        parsed = PeriodOfStay.parse(period)
        if parsed.indefinite:
            return False
        key = parsed.sort_key
        if self.low is not None:
            low = self.low.sort_key
            if key < low or (key == low and not self.low_inclusive):
                return False
        if self.high is not None:
            high = self.high.sort_key
            if key > high or (key == high and not self.high_inclusive):
                return False
        return True
