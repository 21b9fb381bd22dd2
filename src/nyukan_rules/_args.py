"""Argument checks shared by the public functions.

Each ``ensure_*`` returns the value (sometimes converted, as documented) or
raises :class:`~nyukan_rules.errors.ArgumentTypeError` (a ``TypeError`` too)
for a wrong type and :class:`~nyukan_rules.errors.ArgumentValueError` (a
``ValueError``) for a value out of range.  Messages name the argument and the
type given, never the value's repr, so they are the same on every run and
leak nothing of the value.

>>> ensure_int(3, "months", minimum=1)
3
>>> ensure_bool("false", "registered_agent")
Traceback (most recent call last):
...
nyukan_rules.errors.ArgumentTypeError: registered_agent must be True or False, not a str
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from nyukan_rules.errors import ArgumentTypeError, ArgumentValueError

__all__ = [
    "ensure_bool",
    "ensure_bytes",
    "ensure_int",
    "ensure_optional_str",
    "ensure_rows",
    "ensure_str",
    "type_name",
    "wrong_type",
]


def type_name(value: object) -> str:
    """``"a str"``, ``"an int"``, ``"None"``: the type of ``value`` for a message."""
    if value is None:
        return "None"
    name = type(value).__name__
    article = "an" if name[:1].lower() in "aeiou" else "a"
    return f"{article} {name}"


def wrong_type(name: str, value: object, expected: str) -> dict[str, Any]:
    """The code and params of an :class:`ArgumentTypeError`: names and types, never the value.

    >>> error = ArgumentTypeError("data must be bytes", **wrong_type("data", "x", "bytes"))
    >>> error.code, error.params
    ('argument.type', {'name': 'data', 'expected': 'bytes', 'given': 'str'})
    """
    return {
        "code": "argument.type",
        "params": {"name": name, "expected": expected, "given": type(value).__name__},
    }


def ensure_bool(value: object, name: str) -> bool:
    """``value`` if it is ``True`` or ``False``; no other truthy or falsy value.

    >>> ensure_bool(False, "flag")
    False
    """
    if isinstance(value, bool):
        return value
    raise ArgumentTypeError(
        f"{name} must be True or False, not {type_name(value)}", **wrong_type(name, value, "bool")
    )


def ensure_int(
    value: object,
    name: str,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int:
    """``value`` if it is an ``int`` (not a ``bool``) within the bounds, both included.

    >>> ensure_int(0, "months", minimum=1)
    Traceback (most recent call last):
    ...
    nyukan_rules.errors.ArgumentValueError: months must be at least 1, not 0
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentTypeError(
            f"{name} must be an int, not {type_name(value)}", **wrong_type(name, value, "int")
        )
    number = int(value)
    if minimum is not None and number < minimum:
        raise ArgumentValueError(
            f"{name} must be at least {minimum}, not {_short_int(number)}",
            code="argument.too_small",
            params={"name": name, "minimum": minimum},
        )
    if maximum is not None and number > maximum:
        raise ArgumentValueError(
            f"{name} must be at most {maximum}, not {_short_int(number)}",
            code="argument.too_large",
            params={"name": name, "maximum": maximum},
        )
    return number


def _short_int(number: int) -> str:
    # A huge int's decimal form is costly (and capped by Python); say its size.
    if number.bit_length() > 64:
        return "a number of " + str(number.bit_length()) + " bits"
    return str(number)


def ensure_str(value: object, name: str) -> str:
    """``value`` if it is a ``str`` (a subclass is returned as a plain ``str``).

    >>> ensure_str(b"x", "text")
    Traceback (most recent call last):
    ...
    nyukan_rules.errors.ArgumentTypeError: text must be a str, not a bytes
    """
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"{name} must be a str, not {type_name(value)}", **wrong_type(name, value, "str")
        )
    return str(value)


def ensure_optional_str(value: object, name: str) -> str | None:
    """``None``, or ``value`` if it is a ``str``."""
    if value is None:
        return None
    return ensure_str(value, name)


def ensure_bytes(value: object, name: str) -> bytes:
    """``value`` as ``bytes``: ``bytes``, ``bytearray`` or ``memoryview`` are taken.

    >>> ensure_bytes(bytearray(b"%PDF"), "data")
    b'%PDF'
    >>> ensure_bytes("%PDF", "data")
    Traceback (most recent call last):
    ...
    nyukan_rules.errors.ArgumentTypeError: data must be bytes, not a str
    """
    if isinstance(value, bytes):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    raise ArgumentTypeError(
        f"{name} must be bytes, not {type_name(value)}", **wrong_type(name, value, "bytes")
    )


def ensure_rows(value: object, name: str, *, of: str = "rows") -> Iterable[Any]:
    """``value`` if it is an iterable of rows: not a ``str``, ``bytes`` or ``Mapping``.

    A str would be iterated letter by letter and a mapping key by key; both
    are a caller's mistake, so they raise.  The iterable is returned as given
    (not consumed).  ``of`` names what the items are, for the message.

    >>> ensure_rows([{"a": "1"}], "records")
    [{'a': '1'}]
    >>> ensure_rows("x" * 3, "records")
    Traceback (most recent call last):
    ...
    nyukan_rules.errors.ArgumentTypeError: records must be an iterable of rows, not a str
    """
    if isinstance(value, (str, bytes, bytearray, memoryview, Mapping)) or not isinstance(
        value, Iterable
    ):
        raise ArgumentTypeError(
            f"{name} must be an iterable of {of}, not {type_name(value)}",
            **wrong_type(name, value, "iterable"),
        )
    return value
