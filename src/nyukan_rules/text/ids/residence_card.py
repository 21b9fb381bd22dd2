"""在留カード番号: the residence card number.

Twelve characters: two capital letters, eight digits, two capital letters
(``AB12345678CD``), as the online form's help text gives it (source
``rasens-form-help``).  No check digit is published: a number can only be
confirmed through the agency's own lapse inquiry service.

>>> validate("ab 1234 5678 cd")
'AB12345678CD'
>>> is_valid("AB1234567CD")
False
"""

from __future__ import annotations

import re

from nyukan_rules.text.ids._common import check_shape, compact_identifier, passes

__all__ = ["compact", "format", "is_valid", "validate"]

_PATTERN = re.compile(r"[A-Z]{2}\d{8}[A-Z]{2}", re.ASCII)
_WHAT = "residence card number"


def compact(number: str) -> str:
    """Half-width capitals and digits, spaces and hyphens removed."""
    return compact_identifier(number, _WHAT)


def validate(number: str) -> str:
    """The compact number, or an :class:`~nyukan_rules.InvalidFormatError` /
    :class:`~nyukan_rules.InvalidLengthError`."""
    return check_shape(compact(number), _WHAT, _PATTERN, (12,))


def is_valid(number: object) -> bool:
    """True when :func:`validate` accepts ``number``; never raises."""
    return passes(validate, number)


def format(number: str) -> str:
    """The number as printed on the card (``AB12345678CD``)."""
    return validate(number)
