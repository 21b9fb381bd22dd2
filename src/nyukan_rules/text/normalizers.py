"""Translation tables and the per-field normalizers.

Every table is built once at import with ``str.maketrans``; a normalizer is
a few ``str.translate`` calls with an ASCII fast path.  Half-width katakana
go through jaconv.  The width tables are our own, not NFKC, ``jaconv.h2z``
with ``ascii=True`` or ``jaconv.normalize`` (research-libraries §2): NFKC
turns ① into 1 and ㈱ into (株) and NFC changes name kanji such as 塚 U+FA10;
jaconv widens ``"`` to U+FF02, which the agency's 全角記号 list does not
have, and ``jaconv.normalize`` turns the hyphens of an address into ー.  A
normalizer only maps characters it knows; anything else is left in place
for :func:`~nyukan_rules.check_field` to report.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import TypedDict

from nyukan_rules.dates import ERAS, Era, era_named, read_date
from nyukan_rules.text.charset import JIS_TO_WINDOWS

__all__ = [
    "ERAS",
    "HYPHENS",
    "SPACES",
    "Era",
    "EraProblem",
    "ascii_upper",
    "ascii_upper_runs",
    "era_problem",
    "few_runs",
    "halfwidth_kana_to_fullwidth",
    "is_real_date",
    "to_ascii",
    "to_ascii_runs",
    "to_fullwidth",
    "to_windows",
    "to_windows_runs",
    "widen",
    "widen_runs",
    "yyyymmdd",
]

#: Every hyphen look-alike; they count as separators in numeric fields only.
HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff0d\uff70\ufe63\u2043\u2500\u2501"
#: Spaces people type: ASCII, ideographic, no-break, thin and the like.
SPACES = " \u3000\u00a0\u2002\u2003\u2009\u202f"

# --- full-width and half-width ----------------------------------------------------------

_FULL_ASCII = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}
# The tool's 全角記号 list has no U+FF02 or U+FF07: quotes become the curly ones it lists.
_FULL_ASCII['"'] = "\u201d"
_FULL_ASCII["'"] = "\u2019"
_FULL_ASCII[" "] = "\u3000"

#: Half-width to full-width (ASCII and the JIS variants), for full-width fields.
_TO_FULL = str.maketrans({**_FULL_ASCII, **JIS_TO_WINDOWS, "\u00a0": "\u3000"})
#: Full-width ASCII to ASCII, for half-width fields.
_TO_ASCII = str.maketrans(
    {
        **{full: half for half, full in _FULL_ASCII.items() if half not in "\"'"},
        "\u3000": " ",
        "\u00a0": " ",
        "\u201d": '"',
        "\u201c": '"',
        "\u2019": "'",
        "\u2018": "'",
        "\uffe5": "\\",
    }
)
#: The JIS code points to the Windows ones (and nothing else), for free text.
_TO_WINDOWS = str.maketrans(JIS_TO_WINDOWS)

# --- half-width katakana ------------------------------------------------------------------

_HALF_KANA = re.compile("[\uff61-\uff9f]")


def halfwidth_kana_to_fullwidth(text: str) -> str:
    """Half-width katakana to full-width, voiced and semi-voiced pairs composed.

    jaconv does this (``h2z`` with kana only): it composes the pairs before
    translating, and a voicing mark that composes with nothing (ｱﾞ) stays a
    half-width mark, which the field check then reports instead of letting
    a meaningless ア゛ through.

    >>> halfwidth_kana_to_fullwidth("ﾔﾏﾀﾞ ﾀﾛｳ ﾊﾟﾝ")
    'ヤマダ タロウ パン'
    """
    if text.isascii() or not _HALF_KANA.search(text):
        return text
    import jaconv  # imported on first use; nyukan_rules itself stays light

    return str(jaconv.h2z(text, kana=True, ascii=False, digit=False))


def to_fullwidth(text: str) -> str:
    """ASCII to full-width, half-width kana to full-width, JIS variants to Windows.

    >>> to_fullwidth("東京都千代田区霞が関1-1-1")
    '東京都千代田区霞が関１－１－１'
    """
    return widen(halfwidth_kana_to_fullwidth(text))


def widen(text: str) -> str:
    """ASCII and the JIS variants to full-width: :func:`to_fullwidth` but for half-width
    katakana."""
    return text.translate(_TO_FULL)


def to_ascii(text: str) -> str:
    """Full-width ASCII to ASCII (and the ideographic space to a space).

    >>> to_ascii("ＡＢ１２３４５６７８ＣＤ")
    'AB12345678CD'
    """
    if text.isascii():
        return text
    return text.translate(_TO_ASCII)


def to_windows(text: str) -> str:
    """Only the six JIS code points to the Windows ones the agency's tool takes."""
    if text.isascii():
        return text
    return text.translate(_TO_WINDOWS)


# --- the same over long texts (a column of values joined) ---------------------------------
# str.translate with a table looks each character up in a dict when the text is not
# ASCII (some hundred nanoseconds a character); over a long text where few characters
# change, a pattern finds the runs to change (in C) and only those are translated.


def _runs_of(table: Mapping[int, object]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(table)) + "]+")


_FULL_RUNS = _runs_of(_TO_FULL)
_ASCII_RUNS = _runs_of(_TO_ASCII)
_WINDOWS_RUNS = _runs_of(_TO_WINDOWS)
_LOWER_RUNS = re.compile("[a-z]+")


def few_runs(text: str, runs: re.Pattern[str]) -> bool:
    """Whether ``text`` has few runs to change: then they are translated one by one,
    else the whole text is (a run a character would cost a call a character)."""
    return len(runs.findall(text, 0, 1 << 16)) * 16 <= min(len(text), 1 << 16)


def widen_runs(text: str) -> str:
    """:func:`widen`, for a long text."""
    if not few_runs(text, _FULL_RUNS):
        return text.translate(_TO_FULL)
    return _FULL_RUNS.sub(lambda m: m[0].translate(_TO_FULL), text)


def to_ascii_runs(text: str) -> str:
    """:func:`to_ascii`, for a long text."""
    if text.isascii():
        return text
    if not few_runs(text, _ASCII_RUNS):
        return text.translate(_TO_ASCII)
    return _ASCII_RUNS.sub(lambda m: m[0].translate(_TO_ASCII), text)


def to_windows_runs(text: str) -> str:
    """:func:`to_windows`, for a long text."""
    if text.isascii() or _WINDOWS_RUNS.search(text) is None:
        return text
    if not few_runs(text, _WINDOWS_RUNS):
        return text.translate(_TO_WINDOWS)
    return _WINDOWS_RUNS.sub(lambda m: m[0].translate(_TO_WINDOWS), text)


def ascii_upper_runs(text: str) -> str:
    """:func:`ascii_upper`, for a long text."""
    if text.isascii() or not few_runs(text, _LOWER_RUNS):
        return text.translate(_ASCII_UPPER)
    return _LOWER_RUNS.sub(lambda m: m[0].translate(_ASCII_UPPER), text)


# --- per-kind normalizers ------------------------------------------------------------------

#: a-z to A-Z and nothing else: ``str.upper`` would turn ß into SS and change
#: other scripts' letters; a letter outside ASCII stays, for the field check.
_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SPACE_RUN = re.compile(f"[{re.escape(SPACES)}]+")
_FULL_SPACE_RUN = re.compile("\u3000+")
_SEPARATORS = str.maketrans("", "", HYPHENS + SPACES + "()（）〒")


def ascii_upper(text: str) -> str:
    """ASCII letters a-z to capitals; every other character as it is.

    >>> ascii_upper("Straße é")
    'STRAßE é'
    """
    return text.translate(_ASCII_UPPER)


_DATE = re.compile(
    r"^(?:(?P<era>明治|大正|昭和|平成|令和|[MTSHR]) *(?P<eyear>元|[0-9]{1,2})|(?P<year>[0-9]{4}))"
    r" *[年/.\-]? *(?P<month>[0-9]{1,2}) *(?:[月/.\-] *(?P<day>[0-9]{1,2}) *日?)? *月?$",
    re.ASCII,
)


def roman_name(text: str) -> str:
    """Half-width capitals (a-z only), words separated by one space."""
    return ascii_upper(_SPACE_RUN.sub(" ", to_ascii(text)).strip(" "))


def fullwidth_name(text: str) -> str:
    """Full-width, words separated by one ideographic space."""
    return _FULL_SPACE_RUN.sub("\u3000", to_fullwidth(_SPACE_RUN.sub(" ", text).strip(SPACES)))


def fullwidth_text(text: str) -> str:
    """Full-width; spaces kept (as ideographic spaces), ends trimmed."""
    return to_fullwidth(text.strip(SPACES))


def digits(text: str) -> str:
    """ASCII digits; hyphen look-alikes, spaces, brackets and 〒 dropped as separators."""
    return to_ascii(text.translate(_SEPARATORS))


def phone(text: str) -> str:
    """Digits only; a leading +81 becomes the trunk prefix 0."""
    compact = digits(text.replace("＋", "+"))
    if compact.startswith("+81") and len(compact) > 3:
        rest = compact[3:]
        compact = rest if rest.startswith("0") else "0" + rest
    return compact


def identifier(text: str) -> str:
    """Half-width capitals (a-z only) and digits; spaces and hyphens dropped as separators."""
    return ascii_upper(to_ascii(text.translate(_SEPARATORS)))


def ascii_text(text: str) -> str:
    """Half-width, spaces at the ends trimmed (e-mail addresses keep their case)."""
    return to_ascii(text).strip(" ")


def _era_date(text: str) -> tuple[Era, int, int, int | None] | None:
    """The era, year of the era, month and day of an era date, or None."""
    match = _DATE.match(to_ascii(text).strip(" "))
    if not match or not match["era"]:
        return None
    era = era_named(match["era"])
    if era is None:
        return None
    eyear = 1 if match["eyear"] == "元" else int(match["eyear"])
    return era, eyear, int(match["month"]), int(match["day"] or 0) or None


def _in_era(era: Era, eyear: int, month: int, day: int | None) -> bool:
    """True when the date (or, without a day, some day of the month) is in ``era``;
    True too for a day that is in no calendar (the date check reports it)."""
    if day is None:
        return era.has_month(eyear, month)
    if era.day(eyear, month, day) is not None:
        return True
    if eyear < 1 or not 1 <= month <= 12:
        return False
    return _calendar_day(era.offset + eyear, month, day) is None


class EraProblem(TypedDict):
    era: str
    era_en: str
    since: str
    until: str


def era_problem(text: str) -> EraProblem | None:
    """What is wrong with an era date that never existed, or None.

    >>> era_problem("平成31年5月1日")["until"], era_problem("令和0年4月1日")["since"]
    ('2019-04-30', '2019-05-01')
    >>> era_problem("令和元年5月1日") is None
    True
    """
    parts = _era_date(text)
    if parts is None or _in_era(*parts):
        return None
    era = parts[0]
    return {
        "era": era.name,
        "era_en": era.en,
        "since": era.since.isoformat(),
        "until": era.until.isoformat() if era.until else "",
    }


def _date_parts(text: str) -> tuple[int, int, int | None] | None:
    compact = to_ascii(text).strip(" ")
    match = _DATE.match(compact)
    if not match:
        return None
    if match["era"]:
        parts = _era_date(text)
        if parts is None or not _in_era(*parts):
            return None  # an era date that never existed is left for the check to report
        year = parts[0].offset + parts[1]
    else:
        year = int(match["year"])
    return year, int(match["month"]), int(match["day"]) if match["day"] else None


_SIMPLE_DATE = re.compile(r"(\d{4})[/.\-](\d{1,2})(?:[/.\-](\d{1,2}))?", re.ASCII)


def ymd(text: str) -> str:
    """YYYYMMDD from 2025/4/1, 2025-04-01, 2025年4月1日, 令和7年4月1日 or 20250401.

    An era date that never existed (平成31年5月1日, 令和0年4月1日) is left as it is.
    """
    if text.isascii():  # the common case, without the general pattern
        simple = _SIMPLE_DATE.fullmatch(text.strip(" "))
        if simple and simple.group(3):
            return f"{simple.group(1)}{int(simple.group(2)):02d}{int(simple.group(3)):02d}"
    compact = digits(text)
    if len(compact) == 8 and compact.isdigit() and compact.isascii():
        return compact
    found = read_date(text)  # the one date reader (nyukan_rules.dates)
    if found is not None:
        return f"{found.year:04d}{found.month:02d}{found.day:02d}"
    parts = _date_parts(text)  # a day no calendar has (2025年2月30日) is kept for the check
    if parts is None or parts[2] is None:
        return compact if compact.isascii() and compact.isdigit() else to_ascii(text).strip(" ")
    year, month, day = parts
    return f"{year:04d}{month:02d}{day:02d}"


def ym(text: str) -> str:
    """YYYYMM from 2025/4, 2025年4月, 令和7年4月 or 202504."""
    if text.isascii():
        simple = _SIMPLE_DATE.fullmatch(text.strip(" "))
        if simple and not simple.group(3):
            return f"{simple.group(1)}{int(simple.group(2)):02d}"
    compact = digits(text)
    if len(compact) == 6 and compact.isdigit() and compact.isascii():
        return compact
    parts = _date_parts(text)
    if parts is None or parts[2] is not None:
        return compact if compact.isascii() and compact.isdigit() else to_ascii(text).strip(" ")
    return f"{parts[0]:04d}{parts[1]:02d}"


def year(text: str) -> str:
    """YYYY from 2025, ２０２５ or 2025年."""
    return digits(text).removesuffix("年")


def _calendar_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def yyyymmdd(value: str) -> date | None:
    """The day ``YYYYMMDD`` (8 ASCII digits) names, or None: the one reader of that form.

    >>> yyyymmdd("20250401"), yyyymmdd("20250230"), yyyymmdd("２０２５０４０１")
    (datetime.date(2025, 4, 1), None, None)
    """
    if not (len(value) == 8 and value.isascii() and value.isdigit()):
        return None
    return _calendar_day(int(value[:4]), int(value[4:6]), int(value[6:8]))


def is_real_date(value: str) -> bool:
    """True for YYYYMMDD (ASCII digits) naming a day of the calendar."""
    return yyyymmdd(value) is not None
