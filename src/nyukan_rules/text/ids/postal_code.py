"""郵便番号: the Japanese postal code.

Seven digits with no hyphen in the online system (``0000000`` when unknown);
printed as ``100-0001`` (source ``rasens-form-help``).

>>> validate("〒１００－０００１")
'1000001'
>>> format("1000001")
'100-0001'
"""

from __future__ import annotations

from nyukan_rules.text.ids._common import Identifier, compact_number

__all__ = ["IDENTIFIER", "UNKNOWN", "compact", "format", "is_valid", "validate"]

#: What the system takes when the postal code is not known.
UNKNOWN = "0000000"

IDENTIFIER = Identifier(
    "postal code",
    r"\d{7}",
    (7,),
    compactor=compact_number,
    formatter=lambda value: f"{value[:3]}-{value[3:]}",
)
"""The postal code's shape: the one home of these facts."""

compact = IDENTIFIER.compact
validate = IDENTIFIER.validate
is_valid = IDENTIFIER.is_valid
format = IDENTIFIER.format
