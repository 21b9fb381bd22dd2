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

from nyukan_rules.text.ids._common import Identifier

__all__ = ["IDENTIFIER", "compact", "format", "is_valid", "validate"]

IDENTIFIER = Identifier("residence card number", r"[A-Z]{2}\d{8}[A-Z]{2}", (12,))
"""The residence card number's shape: the one home of these facts."""

compact = IDENTIFIER.compact
validate = IDENTIFIER.validate
is_valid = IDENTIFIER.is_valid
format = IDENTIFIER.format
"""The number as printed on the card (``AB12345678CD``)."""
