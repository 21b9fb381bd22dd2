"""What every identifier module shares: one :class:`Identifier` holds its facts.

An identifier's pattern, lengths and check are said once, here in its module's
``Identifier``; the field rules (:data:`~nyukan_rules.text.fields.FIELD_RULES`)
read them from there.  The module's ``compact``, ``validate``, ``is_valid`` and
``format`` are the identifier's methods.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import attrs

from nyukan_rules.errors import (
    InvalidChecksumError,
    InvalidFormatError,
    InvalidLengthError,
    ValidationError,
)
from nyukan_rules.text import normalizers

__all__ = ["Identifier", "compact_identifier", "compact_number"]


#: The key of each identifier's name in the messages' terms (``TERMS``), by its English name.
_TERM_OF = {
    "passport number": "id.passport",
    "residence card number": "id.residence_card",
    "corporate number": "id.corporate_number",
    "postal code": "id.postal_code",
    "phone number": "phone.phone",
}


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise ValidationError(
            f"a {what} must be text, not {type(value).__name__}",
            code="id.not_text",
            params={"what": _TERM_OF.get(what, what), "given": type(value).__name__},
        )
    return value


def compact_number(value: str) -> str:
    """ASCII digits, separators (hyphens, spaces, brackets, 〒) removed."""
    return normalizers.digits(value)


def compact_identifier(value: str) -> str:
    """ASCII capitals and digits, separators removed."""
    return normalizers.identifier(value)


def _shown(value: str) -> str:
    """The value for a message: its repr, cut after 40 characters."""
    return repr(value[:40]) + ("…" if len(value) > 40 else "")


def _as_is(value: str) -> str:
    return value


@attrs.frozen
class Identifier:
    """One identifier: what it is called, its shape and its check, in one place."""

    what: str
    """Its name in a message (``passport number``)."""
    pattern: str
    """The compact form, as a regular expression over ASCII (``re.ASCII``)."""
    lengths: tuple[int, ...]
    """The lengths the compact form may have."""
    compactor: Callable[[str], str] = compact_identifier
    """Separators out, widths folded: :func:`compact_number` or :func:`compact_identifier`."""
    check: Callable[[str], bool] | None = None
    """The check digit's test of a compact value of the right shape, where there is one."""
    formatter: Callable[[str], str] = _as_is
    """The printed form of a valid compact value."""

    @property
    def term(self) -> str:
        """The key of its name in the messages' terms (``id.passport``), or its English name."""
        return _TERM_OF.get(self.what, self.what)

    @property
    def max_length(self) -> int:
        return max(self.lengths)

    @property
    def compiled(self) -> re.Pattern[str]:
        return _compiled(self.pattern)

    def compact(self, number: str) -> str:
        """The compact form: separators removed, widths folded."""
        return self.compactor(_text(number, self.what))

    def validate(self, number: str) -> str:
        """The compact form, or a :class:`~nyukan_rules.ValidationError` saying what is wrong."""
        value = self.compact(number)
        if len(value) not in self.lengths:
            expected = (
                f"1 to {self.max_length}"
                if self.lengths == tuple(range(1, self.max_length + 1))
                else " or ".join(str(x) for x in self.lengths)
            )
            raise InvalidLengthError(
                f"a {self.what} has {expected} characters, not {len(value)}: {_shown(value)}",
                code="id.length",
                params={
                    "what": self.term,
                    "lengths": expected.replace(" to ", "–").replace(" or ", "/"),
                    "count": len(value),
                    "value": value[:40],
                },
            )
        if not (value.isascii() and self.compiled.fullmatch(value)):
            raise InvalidFormatError(
                f"{_shown(value)} is not a valid {self.what}",
                code="id.format",
                params={"what": self.term, "value": value[:40]},
            )
        if self.check is not None and not self.check(value):
            raise InvalidChecksumError(
                f"{value} has a wrong check digit",
                code="id.checksum",
                params={"what": self.term, "value": value[:40]},
            )
        return value

    def is_valid(self, number: object) -> bool:
        """True when :meth:`validate` accepts ``number``; never raises."""
        try:
            self.validate(number)  # type: ignore[arg-type]
        except ValidationError:
            return False
        return True

    def format(self, number: str) -> str:
        """The usual printed form of a valid number."""
        return self.formatter(self.validate(number))


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.ASCII)
