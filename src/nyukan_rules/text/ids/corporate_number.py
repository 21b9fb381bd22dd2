"""法人番号: the corporate number, checked with python-stdnum's ``stdnum.jp.cn``.

Thirteen digits, the first a check digit (source
``corporate-number-check-digit``).  python-stdnum already implements the
check; this module adds our separators (full-width digits, every hyphen
look-alike) and our errors, and imports stdnum only when called.

>>> validate("5-8356-7825-6246")
'5835678256246'
>>> format("5835678256246")
'5-8356-7825-6246'
"""

from __future__ import annotations

import re

from nyukan_rules.errors import InvalidChecksumError
from nyukan_rules.text.ids._common import check_shape, compact_number, passes

__all__ = ["compact", "format", "is_valid", "validate"]

_PATTERN = re.compile(r"\d{13}", re.ASCII)
_WHAT = "corporate number"


def compact(number: str) -> str:
    """ASCII digits, separators removed."""
    return compact_number(number, _WHAT)


def validate(number: str) -> str:
    """The compact number, or an error saying what is wrong with it."""
    from stdnum.jp import cn  # heavy: imported only when a corporate number is checked

    value = check_shape(compact(number), _WHAT, _PATTERN, (13,))
    if not cn.is_valid(value):
        raise InvalidChecksumError(f"{value} has a wrong check digit")
    return value


def is_valid(number: object) -> bool:
    """True when :func:`validate` accepts ``number``; never raises."""
    return passes(validate, number)


def format(number: str) -> str:
    """The usual printed form, ``C-BBBB-BBBB-BBBB``."""
    from stdnum.jp import cn

    return str(cn.format(validate(number)))
