"""The one cattrs converter: every public model to JSON-ready data and back.

Dates become ISO strings, enums their codes, periods of stay their Japanese
form (``"1年6月"``), bytes (an upload file's content) standard base64 text;
tuples become lists.

>>> from datetime import date
>>> from nyukan_rules import fee
>>> data = converter.unstructure(fee("permanent_residence", channel="counter",
...                                  accepted_on=date(2026, 11, 22)))
>>> data["yen"], data["accepted_on"], data["kind"]
(200000, '2026-11-22', 'permanent_residence')

Its hooks are registered on the base classes (every enum, every attrs
class), so a new model needs no entry here.  :meth:`structure
<NyukanConverter.structure>` raises the package's own
:class:`~nyukan_rules.ConversionError` listing every problem with its
path, never cattrs' own error:

>>> from nyukan_rules.fees import Fee
>>> converter.structure({"kind": "更新"}, Fee)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
nyukan_rules.errors.ConversionError: cannot read a Fee: ... @ $.channel...
"""

from __future__ import annotations

import base64
import binascii
import enum
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from datetime import date
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError
from cattrs.v import format_exception, transform_error

from nyukan_rules._args import type_name, wrong_type
from nyukan_rules.catalog import CatalogEnum, PeriodOfStay
from nyukan_rules.dates import ensure_date
from nyukan_rules.errors import (
    ArgumentTypeError,
    ArgumentValueError,
    ConversionError,
    NyukanRulesError,
)

__all__ = ["NyukanConverter", "converter"]

_T = TypeVar("_T")


def _describe(error: BaseException, type_: type | None) -> str:
    # The package's own errors say what is wrong in their message; cattrs'
    # description ("invalid value for type") would lose it.
    if isinstance(error, NyukanRulesError):
        return str(error)
    return format_exception(error, type_)


class NyukanConverter(cattrs.Converter):
    """cattrs' converter whose :meth:`structure` raises only the package's errors."""

    def structure(self, obj: Any, cl: Any) -> Any:
        """``obj`` (JSON-ready data) as an instance of ``cl``.

        A problem anywhere in the data raises
        :class:`~nyukan_rules.ConversionError`, whose ``problems`` give
        each problem with its path (``$.kinds[1]``); a package error raised
        at the top (a bad date given for ``date``) is raised as it is.
        """
        try:
            return super().structure(obj, cl)
        except NyukanRulesError:
            raise
        except (ClassValidationError, IterableValidationError) as exc:
            problems = transform_error(exc, format_exception=_describe)
            raise ConversionError(_name(cl), problems) from exc
        except Exception as exc:  # cattrs' own errors, and the ones its hooks let through
            problems = [f"{_describe(exc, cl if isinstance(cl, type) else None)} @ $"]
            raise ConversionError(_name(cl), problems) from exc


def _name(cl: object) -> str:
    return getattr(cl, "__name__", None) or str(cl)


# Sets (of character classes, of kinds) become sorted lists: JSON has no sets,
# and a sorted list is the same in every run.
converter = NyukanConverter(unstruct_collection_overrides={AbstractSet: sorted})
converter.register_unstructure_hook(date, date.isoformat)
converter.register_structure_hook(date, lambda value, _: ensure_date(value, "date"))
converter.register_unstructure_hook(bytes, lambda value: base64.b64encode(value).decode("ascii"))


def _structure_bytes(value: object, _: object) -> bytes:
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"bytes are given as base64 text, not {type_name(value)}",
            **wrong_type("bytes", value, "str (base64)"),
        )
    try:
        return base64.b64decode(value, validate=True)
    except binascii.Error:
        raise ArgumentValueError(
            "bytes are given as base64 text; this is not base64", code="convert.not_base64"
        ) from None


converter.register_structure_hook(bytes, _structure_bytes)
converter.register_unstructure_hook(PeriodOfStay, str)
converter.register_structure_hook(PeriodOfStay, lambda value, _: PeriodOfStay.parse(value))


def _unstructure_text(value: str) -> str:
    # A str enum member (every enum of the package) becomes its plain code.
    return value.value if isinstance(value, enum.Enum) else value


def _structure_text(value: object, cls: type[str]) -> str:
    if issubclass(cls, CatalogEnum):
        return cls.parse(value)
    return cls(value)  # a plain str, or another str enum by its code


# Our enums are str subclasses, so cattrs finds its str hooks first in their
# MRO (functools.singledispatch); the str hooks themselves handle every enum,
# so no enum needs an entry here.
converter.register_unstructure_hook(str, _unstructure_text)
converter.register_structure_hook(str, _structure_text)


def _resolved(make: Callable[[Any], Any]) -> Callable[[Any], Any]:
    # The models use postponed annotations, which cattrs needs resolved to
    # real types: resolved once, when a class is first converted.
    def factory(cl: Any) -> Any:
        attrs.resolve_types(cl)
        return make(cl)

    return factory


converter.register_unstructure_hook_factory(
    attrs.has, _resolved(converter.gen_unstructure_attrs_fromdict)
)
converter.register_structure_hook_factory(
    attrs.has, _resolved(converter.gen_structure_attrs_fromdict)
)
