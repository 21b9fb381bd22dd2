"""Rendering a finding's message in a language: template, params, formats.

Imported the first time a message is asked for, so findings nobody reads
cost no text.  Rendering never raises: a template a translator broke falls
back to the next language of the chain, and in the end to the Japanese
source.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Mapping
from datetime import date
from typing import Any

from nyukan_rules.i18n import format_date, format_number, resolve_language, translate
from nyukan_rules.messages import (
    DATE_PARAMS,
    ERROR_MESSAGES,
    FRAGMENT_PARAMS,
    LABEL_PARAMS,
    MESSAGES,
    NAME_PARAMS,
    RECORD_FRAME,
    TERM_PARAMS,
    TERMS,
)

__all__ = ["render", "template"]

#: Integer params shown as they are, without digit grouping.
_PLAIN_NUMBERS = frozenset({"year", "version"})

#: The context of the frame that names a record in front of a message.
RECORD_FRAME_CONTEXT = "report.record_frame"


class _Blank(dict[str, str]):
    """Params for ``str.format_map``: a placeholder with no param shows nothing
    (never the raw ``{name}``)."""

    def __missing__(self, key: str) -> str:
        return ""


#: Tags already read (a few per process): resolve_language once per tag.
_RESOLVED: dict[str, str] = {}
_RESOLVED_LIMIT = 256
#: The codes whose own message names the record (no frame in front).
_SAYS_RECORD = frozenset(code for code, message in MESSAGES.items() if "{record}" in message.ja)


def template(code: str, lang: str) -> str:
    """The message template of ``code`` in ``lang`` (already resolved)."""
    found = _TEMPLATES.get((code, lang))
    if found is None:
        source = MESSAGES[code].ja
        found = source if lang == "ja" else translate(code, source, lang)
        _TEMPLATES[(code, lang)] = found
    return found


#: Templates by (code, language): a few thousand at most (codes x languages).
_TEMPLATES: dict[tuple[str, str], str] = {}


@functools.lru_cache(maxsize=64)
def _catalog(name: str) -> Any:
    return getattr(importlib.import_module("nyukan_rules.catalog"), name)


def _name(param: str, value: object, lang: str) -> str:
    catalog_name = NAME_PARAMS[param]
    if catalog_name == "PeriodOfStay":
        return _period(value, lang)
    try:
        member = _catalog(catalog_name)(value)
    except (ValueError, TypeError, AttributeError):
        return str(value)  # not a member (e.g. a raw value from a roster): as given
    ja = str(getattr(member, "ja", value))
    return ja if lang == "ja" else translate(f"name:{catalog_name}", ja, lang)


def _period(value: object, lang: str) -> str:
    """A period of stay in ``lang`` with the Japanese beside (``1 year 3 months
    (1年3月)``): a :class:`~nyukan_rules.catalog.PeriodOfStay`, or text it
    parses, where the text as given stays beside; other text as given."""
    period_type = _catalog("PeriodOfStay")
    if isinstance(value, period_type):
        return str(value.name_in(lang))
    if not isinstance(value, str) or lang == "ja":
        return str(value)
    try:
        period = period_type.parse(value)
    except (ValueError, TypeError):
        return value  # not a period (a raw value from a roster): as given
    shown = str(period.name_in(lang))
    ja = str(period)
    if ja == value or ja not in shown:
        return shown
    # 1年6か月 or P1Y6M as given, beside the name: the text the person wrote.
    head, _, tail = shown.rpartition(ja)
    return head + value + tail


def _simple(param: str, value: object, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, int):
        return str(value) if param in _PLAIN_NUMBERS else format_number(value, lang)
    if isinstance(value, float):
        return format_number(value, lang)
    if isinstance(value, date):
        return format_date(value, lang)
    if param in DATE_PARAMS and isinstance(value, str) and len(value) == 10:
        try:
            return format_date(date.fromisoformat(value), lang)
        except ValueError:
            return value
    if param in NAME_PARAMS:
        return _name(param, value, lang)
    if param in LABEL_PARAMS:
        text = str(value)
        if lang == "ja":
            return text
        shown = translate("field", text, lang)
        # A label that is also a word of the messages (在留期間の満了日) is translated there.
        return shown if shown != text else translate("term", text, lang)
    return str(value)


def _term(value: object, values: Mapping[str, str], lang: str) -> str:
    if isinstance(value, (tuple, list)):
        parts = [_term(item, values, lang) for item in value]
        return _join(parts, lang)
    cache_key = ("\x00term", value, lang)
    try:
        text = _SHOWN.get(cache_key)
    except TypeError:  # a value that cannot be a key: shown as text, not remembered
        return _fill(str(value), values)
    if text is None:
        key = str(value)
        source = TERMS.get(key, key)
        text = source if lang == "ja" else translate("term", source, lang)
        if len(_SHOWN) >= _SHOWN_LIMIT:
            _SHOWN.clear()
        _SHOWN[cache_key] = text
    return _fill(text, values)


def _join(parts: list[str], lang: str) -> str:
    if len(parts) < 2:
        return "".join(parts)
    from babel.lists import format_list

    from nyukan_rules.i18n import babel_locale

    return str(format_list(parts, locale=babel_locale(lang)))


def _fill(text: str, values: Mapping[str, str]) -> str:
    if "{" not in text:
        return text
    try:
        return text.format_map(_Blank(values))
    except (ValueError, IndexError, AttributeError, KeyError):
        return text


_PLAIN, _NAME, _LABEL, _TERM, _FRAGMENT = range(5)
_SHOWN: dict[tuple[str, object, str], str] = {}
_SHOWN_LIMIT = 65_536
_KIND_OF: dict[str, int] = {}
_KIND_OF_LIMIT = 1024


def _kind_of(param: str) -> int:
    kind = _KIND_OF.get(param)
    if kind is None:
        if param in TERM_PARAMS:
            kind = _TERM
        elif param in FRAGMENT_PARAMS:
            kind = _FRAGMENT
        elif param in NAME_PARAMS:
            kind = _NAME
        elif param in LABEL_PARAMS:
            kind = _LABEL
        else:
            kind = _PLAIN
        # Param names come from the code, but a finding read from JSON may bring
        # any: the table stays bounded.
        if len(_KIND_OF) < _KIND_OF_LIMIT:
            _KIND_OF[param] = kind
    return kind


def _values(params: Mapping[str, Any], lang: str) -> dict[str, str]:
    # The hot path of a batch that renders millions of messages: plain text and
    # numbers are handled inline; the rest goes through _simple, _term, _fill.
    values: dict[str, str] = {}
    later = False
    for name, value in params.items():
        kind = _KIND_OF.get(name)
        if kind is None:
            kind = _kind_of(name)
        if kind == _PLAIN and value.__class__ is str and name not in DATE_PARAMS:
            values[name] = value
        elif kind in (_NAME, _LABEL) or name in DATE_PARAMS or value.__class__ is date:
            # Names, labels and dates repeat across a batch: each is shown once
            # per language and remembered (a bounded table, cleared when full).
            key = (name, value, lang)
            try:
                shown = _SHOWN.get(key)
            except TypeError:  # a value that cannot be a key (a dict): not remembered
                values[name] = _simple(name, value, lang)
                continue
            if shown is None:
                if len(_SHOWN) >= _SHOWN_LIMIT:
                    _SHOWN.clear()
                shown = _SHOWN[key] = _simple(name, value, lang)
            values[name] = shown
        elif kind == _PLAIN and value.__class__ is int and name not in _PLAIN_NUMBERS:
            # Under 1,000 no language here groups digits: the common case (rows,
            # counts) costs a str(), not a lookup of the language's symbols.
            values[name] = str(value) if -1000 < value < 1000 else format_number(value, lang)
        elif kind >= _TERM:
            later = True
        else:
            values[name] = _simple(name, value, lang)
    if "header" in params and lang != "ja":
        # A workbook column has only its Japanese label: in another language it
        # is shown with its header id, which the person finds in the file.
        header = params["header"]
        if header and values.get("label") == str(params.get("label")):
            values["label"] = f"{params['label']} ({header})"
    if not later:
        return values
    for name, value in params.items():
        kind = _kind_of(name)
        if kind == _TERM:
            values[name] = _term(value, values, lang) if value else ""
        elif kind == _FRAGMENT:
            if value in (None, "", 0, False):
                values[name] = ""
            else:
                source = FRAGMENT_PARAMS[name]
                text = source if lang == "ja" else translate("term", source, lang)
                values[name] = _fill(text, {**values, name: _simple(name, value, lang)})
    return values


def render(code: str, params: Mapping[str, Any], lang: str = "ja") -> str:
    """The message of a finding ``code`` with ``params`` in ``lang``.

    >>> render("csv.nul", {"line": 1234}, "en")
    'Line 1,234 of the CSV contains a NUL character.'
    """
    chosen = _RESOLVED.get(lang) if lang.__class__ is str else None
    if chosen is None:
        chosen = resolve_language(lang)
        if len(_RESOLVED) >= _RESOLVED_LIMIT:  # tags from a web request: bounded
            _RESOLVED.clear()
        _RESOLVED[lang] = chosen
    values = _values(params, chosen)
    if code in ERROR_MESSAGES:
        source = ERROR_MESSAGES[code]
        text = source if chosen == "ja" else translate(code, source, chosen)
        return _fill(text, values) if "{" in text else text
    if code not in MESSAGES:
        # A finding made by hand or read from a newer release: its code and params.
        shown = ", ".join(f"{name}={value}" for name, value in values.items())
        return f"{code} ({shown})" if shown else code
    text = _format(template(code, chosen), values, code)
    record = params.get("record")
    if record is not None and code not in _SAYS_RECORD:
        frame = RECORD_FRAME.ja
        if chosen != "ja":
            frame = translate(RECORD_FRAME_CONTEXT, frame, chosen)
        text = _fill(frame, {"record": str(record), "message": text})
    return text


def _format(text: str, values: dict[str, str], code: str) -> str:
    try:
        return text.format_map(values)
    except KeyError:  # a placeholder with no param: shown as nothing
        values = _Blank(values)
    except (ValueError, IndexError, AttributeError, TypeError):
        pass
    for candidate in (text, MESSAGES[code].ja):
        try:
            return candidate.format_map(values)
        except (ValueError, IndexError, AttributeError, KeyError, TypeError):
            continue  # a template whose placeholders are broken: the next one
    return MESSAGES[code].ja
