"""旅券番号: a passport number as the online system takes it.

Up to 12 half-width letters and digits (source ``rasens-form-help``; ICAO
document numbers have at most 9, some countries use more).  No check digit
is available outside the machine-readable zone.

>>> validate("tz 123 4567")
'TZ1234567'
"""

from __future__ import annotations

from nyukan_rules.text.ids._common import Identifier

__all__ = ["IDENTIFIER", "compact", "format", "is_valid", "validate"]

IDENTIFIER = Identifier("passport number", r"[A-Z0-9]+", tuple(range(1, 13)))
"""The passport number's shape: the one home of these facts."""

compact = IDENTIFIER.compact
validate = IDENTIFIER.validate
is_valid = IDENTIFIER.is_valid
format = IDENTIFIER.format
