"""旅券番号: a passport number as the online system takes it.

Up to 12 half-width letters and digits (source ``rasens-form-help``; ICAO
document numbers have at most 9, some countries use more).  No check digit
is available outside the machine-readable zone.

>>> validate("tz 123 4567")
'TZ1234567'
"""

from __future__ import annotations

import re

from nyukan_rules.text.ids._common import check_shape, compact_identifier, passes

__all__ = ["compact", "format", "is_valid", "validate"]

_PATTERN = re.compile(r"[A-Z0-9]+", re.ASCII)
_WHAT = "passport number"


def compact(number: str) -> str:
    return compact_identifier(number, _WHAT)


def validate(number: str) -> str:
    return check_shape(compact(number), _WHAT, _PATTERN, tuple(range(1, 13)))


def is_valid(number: object) -> bool:
    """True when :func:`validate` accepts ``number``; never raises."""
    return passes(validate, number)


def format(number: str) -> str:
    return validate(number)
