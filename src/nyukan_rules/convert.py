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
"""

from __future__ import annotations

import base64
import binascii
import enum
import importlib
import pkgutil
from collections.abc import Set as AbstractSet
from datetime import date

import attrs
import cattrs

import nyukan_rules
from nyukan_rules._args import type_name
from nyukan_rules.catalog import CatalogEnum, PeriodOfStay
from nyukan_rules.dates import ensure_date
from nyukan_rules.errors import ArgumentTypeError, ArgumentValueError

__all__ = ["converter"]

# Sets (of character classes, of kinds) become sorted lists: JSON has no sets,
# and a sorted list is the same in every run.
converter = cattrs.Converter(unstruct_collection_overrides={AbstractSet: sorted})
converter.register_unstructure_hook(date, date.isoformat)
converter.register_structure_hook(date, lambda value, _: ensure_date(value, "date"))
converter.register_unstructure_hook(bytes, lambda value: base64.b64encode(value).decode("ascii"))


def _structure_bytes(value: object, _: object) -> bytes:
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if not isinstance(value, str):
        raise ArgumentTypeError(f"bytes are given as base64 text, not {type_name(value)}")
    try:
        return base64.b64decode(value, validate=True)
    except binascii.Error:
        raise ArgumentValueError("bytes are given as base64 text; this is not base64") from None


converter.register_structure_hook(bytes, _structure_bytes)
converter.register_unstructure_hook(PeriodOfStay, str)
converter.register_structure_hook(PeriodOfStay, lambda value, _: PeriodOfStay.parse(value))


def _unstructure_enum(member: enum.Enum) -> object:
    return member.value


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    if issubclass(cls, CatalogEnum):
        return cls.parse(value)
    return cls(value)


# Our enums are str subclasses, and cattrs would pass them through as str
# (its str hook comes first in their MRO), so each gets its own hooks.  The
# models use postponed annotations, which cattrs needs resolved to real types.
# Every module of the package is looked at, so a new model needs no entry here.
for _info in pkgutil.walk_packages(nyukan_rules.__path__, prefix="nyukan_rules."):
    if any(part.startswith("_") for part in _info.name.split(".")):
        continue  # __main__ and private helpers hold no public models
    _module = importlib.import_module(_info.name)
    for _value in vars(_module).values():
        if isinstance(_value, type) and issubclass(_value, enum.Enum):
            converter.register_unstructure_hook(_value, _unstructure_enum)
            converter.register_structure_hook(_value, _structure_enum)
        elif isinstance(_value, type) and attrs.has(_value):
            attrs.resolve_types(_value)
