"""電話番号: a Japanese phone number as the online system takes it.

Half-width digits, at most 12, no hyphen (source ``rasens-form-help``).
Japanese numbers have 10 digits (fixed lines, 0120) or 11 (070, 080, 090,
050, 0800) with the trunk prefix 0; ``validate`` asks for that shape, while
the field check only asks for the system's 1 to 12 digits.

>>> validate("+81 90-1234-5678")
'09012345678'
>>> format("0312345678"), format("09012345678")
('03-1234-5678', '090-1234-5678')
"""

from __future__ import annotations

import re

from nyukan_rules.errors import ValidationError
from nyukan_rules.text import normalizers as n
from nyukan_rules.text.ids._common import check_shape, passes

__all__ = ["compact", "format", "is_valid", "validate"]

_PATTERN = re.compile(r"0\d{9,10}", re.ASCII)
_WHAT = "phone number"


def compact(number: str) -> str:
    if not isinstance(number, str):
        raise ValidationError(f"a {_WHAT} must be text, not {type(number).__name__}")
    return n.phone(number)


def validate(number: str) -> str:
    return check_shape(compact(number), _WHAT, _PATTERN, (10, 11))


def is_valid(number: object) -> bool:
    """True when :func:`validate` accepts ``number``; never raises."""
    return passes(validate, number)


def format(number: str) -> str:
    """Hyphenated for reading: mobile and 0800 as 3-4-4; Tokyo and Osaka as 2-4-4.

    Other area codes vary in length; they are shown as 3-3-4, which a
    person can read but which is not always the official grouping.
    """
    value = validate(number)
    if len(value) == 11:
        return f"{value[:3]}-{value[3:7]}-{value[7:]}"
    if value.startswith(("03", "06")):
        return f"{value[:2]}-{value[2:6]}-{value[6:]}"
    if value.startswith("0120"):
        return f"{value[:4]}-{value[4:7]}-{value[7:]}"
    return f"{value[:3]}-{value[3:6]}-{value[6:]}"
