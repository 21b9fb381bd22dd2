"""What every identifier module shares: compact with our tables, then check."""

from __future__ import annotations

import re
from collections.abc import Callable

from nyukan_rules.errors import InvalidFormatError, InvalidLengthError, ValidationError
from nyukan_rules.text import normalizers as n

__all__ = ["check_shape", "compact_identifier", "compact_number", "passes"]


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"a {what} must be text, not {type(value).__name__}")
    return value


def compact_number(value: object, what: str) -> str:
    """ASCII digits, separators (hyphens, spaces, brackets, 〒) removed."""
    return n.digits(_text(value, what))


def compact_identifier(value: object, what: str) -> str:
    """ASCII capitals and digits, separators removed."""
    return n.identifier(_text(value, what))


def _shown(value: str) -> str:
    """The value for a message: its repr, cut after 40 characters."""
    return repr(value[:40]) + ("…" if len(value) > 40 else "")


def check_shape(value: str, what: str, pattern: re.Pattern[str], lengths: tuple[int, ...]) -> str:
    """``value`` if its length and shape are right; patterns are ASCII-only (``re.ASCII``)."""
    if len(value) not in lengths:
        expected = " or ".join(str(x) for x in lengths)
        raise InvalidLengthError(
            f"a {what} has {expected} characters, not {len(value)}: {_shown(value)}"
        )
    if not (value.isascii() and pattern.fullmatch(value)):
        raise InvalidFormatError(f"{_shown(value)} is not a valid {what}")
    return value


def passes(validate: Callable[[str], str], number: object) -> bool:
    """True when ``validate`` accepts ``number``; never raises for any input."""
    try:
        validate(number)  # type: ignore[arg-type]
    except ValidationError:
        return False
    return True
