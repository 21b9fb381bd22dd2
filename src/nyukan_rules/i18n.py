"""Languages: which ones exist, how a tag is read, and how a text is looked up.

Texts a person reads (finding messages, catalog names, field labels, the
words a message is built from) are written once in Japanese, in the code,
and translated in gettext catalogues, one ``.po`` file per language under
``nyukan_rules/messages/locale/``, compiled to ``.mo`` and checked fresh in
CI (``scripts/gen_catalogues.py``), as ``holidays`` ships its names.  A new
language is a new ``.po`` file: no code changes.

The catalogues are read with the standard library's :mod:`gettext`, the
first time a language is asked for; Babel formats numbers and dates, and is
imported the first time a number or a date is put in a message.  Nothing
here is loaded by ``import nyukan_rules``.

>>> resolve_language("en-US"), resolve_language("ja_JP"), resolve_language("xx")
('en', 'ja', 'en')
"""

from __future__ import annotations

import functools
import gettext
import math
import threading
from datetime import date
from pathlib import Path

import attrs

__all__ = [
    "DEFAULT_LANGUAGE",
    "FALLBACK_CHAIN",
    "Language",
    "babel_locale",
    "format_date",
    "format_number",
    "language_chain",
    "languages",
    "resolve_language",
    "translate",
]

DOMAIN = "nyukan_rules"
LOCALE_DIR = Path(__file__).parent / "messages" / "locale"

DEFAULT_LANGUAGE = "ja"
"""The language the texts are written in (the agency's)."""

FALLBACK_CHAIN = ("en", "ja")
"""Where a text missing in the asked language is looked up next, in order."""

#: Babel's name of each catalogue's locale (for numbers and dates).
_BABEL_LOCALE = {"zh_Hans": "zh_Hans_CN", "tl": "fil", "pt_BR": "pt_BR"}

#: BCP 47 tags (lower case, ``-`` or ``_``) read as a catalogue's language; a
#: bare language subtag is read by :func:`resolve_language` too.
_ALIASES = {
    "zh": "zh_Hans",
    "zh-cn": "zh_Hans",
    "zh-sg": "zh_Hans",
    "zh-hans": "zh_Hans",
    "zh-hans-cn": "zh_Hans",
    "cmn": "zh_Hans",
    "fil": "tl",
    "tl": "tl",
    "pt": "pt_BR",
    "pt-br": "pt_BR",
    "in": "id",  # the old ISO 639 code for Indonesian, still sent by some systems
    "nb": "no",
}


@attrs.frozen
class Language:
    """One language the messages can be shown in, with who wrote its catalogue.

    ``reviewed`` is true only when a native speaker has reviewed the
    catalogue (its ``X-Native-Review`` header says ``yes``): a caller may
    choose to show only reviewed languages.
    """

    tag: str
    name: str
    """The language's name in English."""
    native_name: str
    translator: str
    reviewed: bool
    source: bool = False
    """True for Japanese, the language the texts are written in."""


@functools.lru_cache(maxsize=1)
def _available() -> frozenset[str]:
    found = {DEFAULT_LANGUAGE}
    if LOCALE_DIR.is_dir():
        for path in LOCALE_DIR.iterdir():
            if (path / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file():
                found.add(path.name)
    return frozenset(found)


def resolve_language(tag: object) -> str:
    """The catalogue a language tag is read as (``"en"`` for one we do not have).

    BCP 47 tags are read case-insensitively with ``-`` or ``_``: ``zh-CN``,
    ``zh-Hans`` and ``zh`` are Simplified Chinese, ``pt`` and ``pt-BR``
    Brazilian Portuguese, ``fil`` and ``tl`` Filipino, ``en-US`` English,
    ``ja-JP`` Japanese.  A tag that is not a string is an argument error.

    >>> resolve_language("ja-JP"), resolve_language("EN_gb"), resolve_language("xx")
    ('ja', 'en', 'en')
    """
    if not isinstance(tag, str):
        from nyukan_rules._args import type_name, wrong_type
        from nyukan_rules.errors import ArgumentTypeError

        raise ArgumentTypeError(
            f"lang must be a language tag (str), not {type_name(tag)}",
            **wrong_type("lang", tag, "str"),
        )
    return _resolve(tag)


@functools.lru_cache(maxsize=256)
def _resolve(tag: str) -> str:
    available = _available()
    if tag in available:
        return tag
    key = tag.strip().replace("_", "-").lower()
    exact = {t.lower().replace("_", "-"): t for t in available}
    if key in exact:
        return exact[key]
    if key in _ALIASES and _ALIASES[key] in available:
        return _ALIASES[key]
    parts = key.split("-")
    while len(parts) > 1:
        parts.pop()
        shorter = "-".join(parts)
        if shorter in exact:
            return exact[shorter]
        if shorter in _ALIASES and _ALIASES[shorter] in available:
            return _ALIASES[shorter]
    return FALLBACK_CHAIN[0]


def language_chain(tag: object) -> tuple[str, ...]:
    """The languages a text is looked up in for ``tag``, in order.

    >>> language_chain("en-US")
    ('en', 'ja')
    """
    first = resolve_language(tag)
    return tuple(dict.fromkeys((first, *FALLBACK_CHAIN)))


_LOCK = threading.Lock()


@functools.cache
def _catalogue(lang: str) -> gettext.NullTranslations | None:
    if lang == DEFAULT_LANGUAGE or lang not in _available():
        return None
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with _LOCK, path.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def _lookup(lang: str, context: str, text: str) -> str | None:
    catalogue = _catalogue(lang)
    if catalogue is None:
        return None
    # GNUTranslations keeps its entries in ``_catalog`` under "context\x04msgid"
    # (unchanged since Python 3.8 added contexts).  Reading it directly tells a
    # missing entry from one translated as its own msgid, which pgettext cannot.
    found = getattr(catalogue, "_catalog", {}).get(f"{context}\x04{text}")
    return found if isinstance(found, str) and found else None


@functools.lru_cache(maxsize=65536)
def translate(context: str, text: str, lang: str) -> str:
    """``text`` (Japanese, the source) in ``lang``, by the fallback chain.

    ``context`` is the gettext message context: a finding code for a
    message template, ``"name:<Catalog>"`` for a catalog name, ``"field"``
    for a field label, ``"term"`` for a word a message is built from.  Where
    no catalogue of the chain has the text, the Japanese source is returned,
    never an empty or a raw id.

    >>> translate("field", "生年月日", "ja")
    '生年月日'
    """
    for candidate in language_chain(lang):
        if candidate == DEFAULT_LANGUAGE:
            return text
        found = _lookup(candidate, context, text)
        if found is not None:
            return found
    return text


def _header(lang: str) -> dict[str, str]:
    catalogue = _catalogue(lang)
    return {} if catalogue is None else dict(catalogue.info())


def languages() -> tuple[Language, ...]:
    """Every language the messages can be shown in, Japanese first.

    Each says who wrote its catalogue and whether a native speaker has
    reviewed it (the catalogue's ``Last-Translator`` and ``X-Native-Review``
    headers).

    >>> languages()[0].tag, languages()[0].source
    ('ja', True)
    """
    found = [Language("ja", "Japanese", "日本語", "nyukan_rules contributors", True, True)]
    for tag in sorted(_available() - {DEFAULT_LANGUAGE}):
        info = _header(tag)
        found.append(
            Language(
                tag=tag,
                name=info.get("x-language-name", tag),
                native_name=info.get("x-native-name", tag),
                translator=info.get("last-translator", ""),
                reviewed=info.get("x-native-review", "no").strip().lower() == "yes",
            )
        )
    return tuple(found)


# --- numbers and dates (Babel, imported on first use) ------------------------------------


def babel_locale(lang: str) -> str:
    """The Babel locale identifier for a catalogue's language tag.

    >>> babel_locale("zh_Hans"), babel_locale("tl"), babel_locale("vi")
    ('zh_Hans_CN', 'fil', 'vi')
    """
    return _BABEL_LOCALE.get(lang, lang)


@functools.lru_cache(maxsize=64)
def _number_symbols(lang: str) -> tuple[str, str]:
    from babel import Locale

    locale = Locale.parse(babel_locale(lang))
    symbols = locale.number_symbols.get("latn", locale.number_symbols)
    return str(symbols.get("group", ",")), str(symbols.get("decimal", "."))


_SYMBOLS: dict[str, tuple[str, str]] = {}


def format_number(value: int | float, lang: str) -> str:
    """``value`` with the digit grouping and decimal sign of ``lang``.

    Babel supplies the symbols (read once per language); the digits are
    Python's, so formatting a number costs a string replace, not a Babel
    call, which matters for batches that render millions of messages.

    A float is written with every digit it holds and never in exponent form
    (a salary of 12,345,678.5 yen stays that, not 1.23457e+07).

    >>> format_number(1234567, "en"), format_number(1234.5, "pt_BR")
    ('1,234,567', '1.234,5')
    >>> format_number(12345678.5, "vi"), format_number(1e20, "en")
    ('12.345.678,5', '100,000,000,000,000,000,000')
    """
    symbols = _SYMBOLS.get(lang)
    if symbols is None:
        symbols = _SYMBOLS[lang] = _number_symbols(lang)
    group, decimal = symbols
    if isinstance(value, int):
        text = f"{value:,}"
    elif math.isfinite(value):
        from decimal import Decimal  # on first use: a float in a message is rare

        # The shortest text that reads back as the float (repr), without an exponent.
        text = format(Decimal(repr(float(value))), ",f")
    else:
        text = str(value)  # nan, inf
    if "e" in text or "n" in text or (group, decimal) == (",", "."):
        return text
    return text.translate({ord(","): "\x00", ord("."): decimal}).replace("\x00", group)


@functools.lru_cache(maxsize=8192)
def format_date(value: date, lang: str) -> str:
    """``value`` written the way ``lang`` writes a date (Babel's medium form).

    >>> format_date(date(2026, 11, 23), "ja"), format_date(date(2026, 11, 23), "en")
    ('2026/11/23', 'Nov 23, 2026')
    """
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(value, "medium", locale=babel_locale(lang)))
