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


def template(code: str, lang: str) -> str:
    """The message template of ``code`` in ``lang`` (already resolved)."""
    source = MESSAGES[code].ja
    return source if lang == "ja" else translate(code, source, lang)


@functools.lru_cache(maxsize=64)
def _catalog(name: str) -> Any:
    return getattr(importlib.import_module("nyukan_rules.catalog"), name)


def _name(param: str, value: object, lang: str) -> str:
    catalog_name = NAME_PARAMS[param]
    try:
        member = _catalog(catalog_name)(value)
    except (ValueError, TypeError, AttributeError):
        return str(value)  # not a member (e.g. a raw value from a roster): as given
    ja = str(getattr(member, "ja", value))
    return ja if lang == "ja" else translate(f"name:{catalog_name}", ja, lang)


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
    if param in NAME_PARAMS:
        return _name(param, value, lang)
    if param in LABEL_PARAMS:
        text = str(value)
        return text if lang == "ja" else translate("field", text, lang)
    return str(value)


def _term(value: object, values: Mapping[str, str], lang: str) -> str:
    if isinstance(value, (tuple, list)):
        parts = [_term(item, values, lang) for item in value]
        return _join(parts, lang)
    key = str(value)
    source = TERMS.get(key, key)
    text = source if lang == "ja" else translate("term", source, lang)
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


def _values(params: Mapping[str, Any], lang: str) -> _Blank:
    values = _Blank()
    for name, value in params.items():
        if name not in TERM_PARAMS and name not in FRAGMENT_PARAMS:
            values[name] = _simple(name, value, lang)
    header = params.get("header")
    # A workbook column has only its Japanese label: in another language it is
    # shown with its header id, which the person finds in the file.
    if header and lang != "ja" and values.get("label") == str(params.get("label")):
        values["label"] = f"{params['label']} ({header})"
    for name, value in params.items():
        if name in TERM_PARAMS:
            values[name] = _term(value, values, lang) if value else ""
        elif name in FRAGMENT_PARAMS:
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
    chosen = resolve_language(lang)
    values = _values(params, chosen)
    if code not in MESSAGES:
        # A finding made by hand or read from a newer release: its code and params.
        shown = ", ".join(f"{name}={value}" for name, value in values.items())
        return f"{code} ({shown})" if shown else code
    text = _format(template(code, chosen), values, code)
    record = params.get("record")
    if record is not None and "{record}" not in MESSAGES[code].ja:
        frame = RECORD_FRAME.ja
        if chosen != "ja":
            frame = translate(RECORD_FRAME_CONTEXT, frame, chosen)
        text = _fill(frame, {"record": str(record), "message": text})
    return text


def _format(text: str, values: _Blank, code: str) -> str:
    for candidate in (text, MESSAGES[code].ja):
        try:
            return candidate.format_map(values)
        except (ValueError, IndexError, AttributeError, KeyError, TypeError):
            continue  # a template whose placeholders are broken: the next one
    return MESSAGES[code].ja
