"""The one cattrs converter: every public model to JSON-ready data and back.

Dates become ISO strings, enums their codes, periods of stay their Japanese
form (``"1年6月"``); tuples become lists.

>>> from datetime import date
>>> from nyukan_rules import fee
>>> data = converter.unstructure(fee("permanent_residence", channel="counter",
...                                  accepted_on=date(2026, 11, 22)))
>>> data["yen"], data["accepted_on"], data["kind"]
(200000, '2026-11-22', 'permanent_residence')
"""

from __future__ import annotations

import enum
from collections.abc import Set as AbstractSet
from datetime import date

import attrs
import cattrs

from nyukan_rules import catalog, dates, deadlines, eligibility, examples, fees, report, sources
from nyukan_rules.batch import bulk, csvio, records, roster, templates
from nyukan_rules.catalog import CatalogEnum, PeriodOfStay
from nyukan_rules.dates import ensure_date
from nyukan_rules.files import editions, pdf, photo, submission
from nyukan_rules.text import charclass, charset, fields

__all__ = ["converter"]

# Sets (of character classes, of kinds) become sorted lists: JSON has no sets,
# and a sorted list is the same in every run.
converter = cattrs.Converter(unstruct_collection_overrides={AbstractSet: sorted})
converter.register_unstructure_hook(date, date.isoformat)
converter.register_structure_hook(date, lambda value, _: ensure_date(value, "date"))
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
for _module in (
    catalog,
    dates,
    deadlines,
    eligibility,
    examples,
    fees,
    report,
    sources,
    editions,
    pdf,
    photo,
    submission,
    charclass,
    charset,
    fields,
    bulk,
    templates,
    csvio,
    records,
    roster,
):
    for _value in vars(_module).values():
        if isinstance(_value, type) and issubclass(_value, enum.Enum):
            converter.register_unstructure_hook(_value, _unstructure_enum)
            converter.register_structure_hook(_value, _structure_enum)
        elif isinstance(_value, type) and attrs.has(_value):
            attrs.resolve_types(_value)
