"""The package's one error hierarchy.

Every error nyukan_rules raises on purpose is a :class:`NyukanRulesError`, which
is a :class:`ValueError`, so ``except ValueError`` keeps working for callers
who do not care about the difference.  An argument of the wrong type raises
:class:`ArgumentTypeError`, which is also a :class:`TypeError`.

Every error pickles and comes back equal in type, message and attributes, so
it crosses a process boundary (``ProcessPoolExecutor``, ``multiprocessing``):

>>> import pickle
>>> error = pickle.loads(pickle.dumps(UnknownNameError("kind", "x")))
>>> type(error).__name__, error.catalog, error.text, str(error)
('UnknownNameError', 'kind', 'x', "unknown kind: 'x'")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nyukan_rules.report import Report

__all__ = [
    "ArgumentTypeError",
    "ArgumentValueError",
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

    def __reduce__(self) -> tuple[Any, ...]:
        # The default reduce calls ``cls(*self.args)``, which fails for an
        # ``__init__`` that takes other arguments (UnknownNameError's catalog
        # and text).  Rebuild without calling ``__init__``: the same class,
        # message and attributes, whatever a subclass's ``__init__`` takes.
        return (_rebuild, (type(self), self.args, self._state()))

    def _state(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _rebuild(cls: type[NyukanRulesError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    """Unpickle an error: ``cls`` with ``args`` and ``state``, without its ``__init__``."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class ArgumentTypeError(NyukanRulesError, TypeError):
    """An argument has the wrong type; a :class:`TypeError` too.

    Raised for a value of the wrong type given to a public function (a str
    where a flag must be a ``bool``, a list where a date is needed).  The
    message names the argument and the type given, never the value's repr.

    >>> issubclass(ArgumentTypeError, TypeError), issubclass(ArgumentTypeError, ValueError)
    (True, True)
    """


class ArgumentValueError(NyukanRulesError):
    """An argument has the right type but a value out of its range.

    >>> issubclass(ArgumentValueError, ValueError)
    True
    """


class UnknownNameError(NyukanRulesError):
    """A text given for a catalog member (kind, status, role …) matches none."""

    def __init__(self, catalog: str, text: object) -> None:
        self.catalog = catalog
        self.text = text
        super().__init__(f"unknown {catalog}: {_describe(text)}")

    def _state(self) -> dict[str, Any]:
        # Text and plain values travel as they are; any other object (which
        # may not pickle) travels as the description its message gives.
        state = dict(self.__dict__)
        if not isinstance(self.text, _PLAIN):
            state["text"] = _describe(self.text)
        return state


_PLAIN = (str, int, float, bytes, type(None))


def _describe(value: object) -> str:
    """``value``'s repr when it is text or a plain value, else only its type.

    An object's repr may hold a memory address (different on every run) or
    anything its author put there; a message names only its type.
    """
    if isinstance(value, (str, bytes)):
        return repr(value[:200])
    if isinstance(value, int) and value.bit_length() > 64:
        return "(a very large int, not text)"
    if isinstance(value, _PLAIN):
        return repr(value)
    name = type(value).__name__
    return f"({'an' if name[:1].lower() in 'aeiou' else 'a'} {name}, not text)"


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
