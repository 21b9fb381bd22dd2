"""The package's one error hierarchy.

Every error nyukan_rules raises on purpose is a :class:`NyukanRulesError`, which
is a :class:`ValueError`, so ``except ValueError`` keeps working for callers
who do not care about the difference.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nyukan_rules.report import Report

__all__ = [
    "InvalidChecksumError",
    "InvalidFormatError",
    "InvalidLengthError",
    "MissingInputError",
    "NoRuleError",
    "NotOfferedError",
    "NyukanRulesError",
    "UnknownNameError",
    "ValidationError",
]


class NyukanRulesError(ValueError):
    """Base class of every error raised by nyukan_rules."""


class UnknownNameError(NyukanRulesError):
    """A text given for a catalog member (kind, status, role …) matches none."""

    def __init__(self, catalog: str, text: object) -> None:
        self.catalog = catalog
        self.text = text
        super().__init__(f"unknown {catalog}: {text!r}")


class NotOfferedError(NyukanRulesError):
    """The procedure is not offered on that channel on that date."""


class MissingInputError(NyukanRulesError):
    """The answer depends on an input the caller did not give."""


class NoRuleError(NyukanRulesError):
    """No rule the library knows covers the date asked about."""


class ValidationError(NyukanRulesError):
    """Raised by :meth:`Report.raise_for_errors`; carries the whole report."""

    def __init__(self, message: str, report: Report | None = None) -> None:
        self.report = report
        super().__init__(message)


class InvalidFormatError(ValidationError):
    """An identifier has characters or a shape it cannot have."""


class InvalidLengthError(ValidationError):
    """An identifier has the wrong number of characters."""


class InvalidChecksumError(ValidationError):
    """An identifier's check digit does not match."""
