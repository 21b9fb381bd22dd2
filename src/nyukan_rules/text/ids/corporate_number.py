"""法人番号: the corporate number.

Thirteen digits, the first a check digit (source
``corporate-number-check-digit``: 法人番号の指定等に関する省令 第2条): nine less
the remainder by 9 of the sum of the other twelve digits, weighted 1 and 2
alternately from the right.  This module is the one home of that rule (the
field check uses it); a test holds it to python-stdnum's ``stdnum.jp.cn``.

>>> validate("5-8356-7825-6246")
'5835678256246'
>>> format("5835678256246")
'5-8356-7825-6246'
>>> has_valid_check_digit("5835678256246"), has_valid_check_digit("1835678256246")
(True, False)
"""

from __future__ import annotations

from nyukan_rules.text.ids._common import Identifier, compact_number

__all__ = ["IDENTIFIER", "compact", "format", "has_valid_check_digit", "is_valid", "validate"]

_WEIGHTS = (1, 2) * 6


def has_valid_check_digit(digits: str) -> bool:
    """True when the first of 13 ASCII digits is the check digit of the other twelve."""
    if len(digits) != 13 or not (digits.isascii() and digits.isdigit()):
        return False
    total = sum(w * (ord(d) - 48) for w, d in zip(_WEIGHTS, reversed(digits[1:]), strict=True))
    return ord(digits[0]) - 48 == 9 - total % 9


def _printed(value: str) -> str:
    return f"{value[0]}-{value[1:5]}-{value[5:9]}-{value[9:]}"


IDENTIFIER = Identifier(
    "corporate number",
    r"\d{13}",
    (13,),
    compactor=compact_number,
    check=has_valid_check_digit,
    formatter=_printed,
)
"""The corporate number's shape and check: the one home of these facts."""

compact = IDENTIFIER.compact
validate = IDENTIFIER.validate
is_valid = IDENTIFIER.is_valid
format = IDENTIFIER.format
"""The usual printed form, ``C-BBBB-BBBB-BBBB``."""
