"""郵便番号: the Japanese postal code.

Seven digits with no hyphen in the online system (``0000000`` when unknown);
printed as ``100-0001`` (source ``rasens-form-help``).

>>> validate("〒１００－０００１")
'1000001'
>>> format("1000001")
'100-0001'
"""

from __future__ import annotations

import re

from nyukan_rules.text.ids._common import check_shape, compact_number, passes

__all__ = ["UNKNOWN", "compact", "format", "is_valid", "validate"]

#: What the system takes when the postal code is not known.
UNKNOWN = "0000000"
_PATTERN = re.compile(r"\d{7}", re.ASCII)
_WHAT = "postal code"


def compact(number: str) -> str:
    return compact_number(number, _WHAT)


def validate(number: str) -> str:
    return check_shape(compact(number), _WHAT, _PATTERN, (7,))


def is_valid(number: object) -> bool:
    """True when :func:`validate` accepts ``number``; never raises."""
    return passes(validate, number)


def format(number: str) -> str:
    value = validate(number)
    return f"{value[:3]}-{value[3:]}"
