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

from nyukan_rules.text import normalizers
from nyukan_rules.text.ids._common import Identifier

__all__ = ["IDENTIFIER", "compact", "format", "is_valid", "validate"]


def _printed(value: str) -> str:
    """Hyphenated for reading: mobile and 0800 as 3-4-4; Tokyo and Osaka as 2-4-4.

    Other area codes vary in length; they are shown as 3-3-4, which a
    person can read but which is not always the official grouping.
    """
    if len(value) == 11:
        return f"{value[:3]}-{value[3:7]}-{value[7:]}"
    if value.startswith(("03", "06")):
        return f"{value[:2]}-{value[2:6]}-{value[6:]}"
    if value.startswith("0120"):
        return f"{value[:4]}-{value[4:7]}-{value[7:]}"
    return f"{value[:3]}-{value[3:6]}-{value[6:]}"


IDENTIFIER = Identifier(
    "phone number", r"0\d{9,10}", (10, 11), compactor=normalizers.phone, formatter=_printed
)
"""A Japanese number's shape (the field rule asks only for 1 to 12 digits)."""

compact = IDENTIFIER.compact
validate = IDENTIFIER.validate
is_valid = IDENTIFIER.is_valid
format = IDENTIFIER.format
