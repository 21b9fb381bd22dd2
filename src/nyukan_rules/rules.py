"""One base for every dated, sourced rule row, and one way to select rows.

A fact the government can change is a row in a table: it says when it is in
force (``effective``) and where it comes from (``source_ids``).  Every table
in the package is made of :class:`SourcedRule` or :class:`DatedRule` rows and
is read through :func:`in_force`, so the policy that a fact with only one
source (or none checked) stays out of default answers lives here, once.

>>> from datetime import date
>>> from nyukan_rules.dates import Effective
>>> @attrs.frozen
... class Example(DatedRule):
...     yen: int
>>> rows = (
...     Example(4_000, effective=Effective(until=date(2025, 3, 31)), source_ids=("isa-fee-2025",)),
...     Example(6_000, effective=Effective(since=date(2025, 4, 1)), source_ids=("isa-fee-2025",)),
... )
>>> [r.yen for r in in_force(rows, date(2025, 4, 1))]
[6000]
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TypeVar

import attrs

from nyukan_rules.dates import Effective
from nyukan_rules.sources import Confidence, Source, sources

__all__ = [
    "DatedRule",
    "SourcedAnswer",
    "SourcedRule",
    "in_force",
    "is_default_confidence",
    "source_ids_of",
]


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(value)


@attrs.frozen
class SourcedRule:
    """What every rule row shares: the sources it rests on.

    ``source_ids`` name entries of :data:`nyukan_rules.sources.SOURCES`;
    ``sources`` and ``confidence`` are derived from them (the weakest source
    decides the confidence).  The fields are keyword-only so that a row class
    declares its own fields first and positionally.
    """

    source_ids: tuple[str, ...] = attrs.field(kw_only=True, converter=_ids)

    @property
    def sources(self) -> tuple[Source, ...]:
        """The :class:`~nyukan_rules.sources.Source` of each id, in order."""
        return sources(*self.source_ids)

    @property
    def confidence(self) -> Confidence:
        """The weakest confidence among the row's sources."""
        return Confidence.weakest(s.confidence for s in self.sources)


@attrs.frozen
class DatedRule(SourcedRule):
    """A sourced rule row in force during ``effective`` (both ends included)."""

    effective: Effective = attrs.field(kw_only=True, factory=Effective)


Row = TypeVar("Row", bound=SourcedRule)


@attrs.frozen
class SourcedAnswer:
    """What every answer built from rule rows shares: the sources it used.

    ``confidence`` is the weakest of them, so an answer that used a
    single-source row (only on request) says so.
    """

    sources: tuple[Source, ...] = attrs.field(kw_only=True, default=(), converter=_sources)

    @property
    def confidence(self) -> Confidence:
        """The weakest confidence among the answer's sources."""
        return Confidence.weakest(s.confidence for s in self.sources)


def source_ids_of(*rows: SourcedRule) -> tuple[str, ...]:
    """The source ids of ``rows``, in order, each once."""
    return tuple(dict.fromkeys(i for row in rows for i in row.source_ids))


def is_default_confidence(confidence: Confidence) -> bool:
    """True when a fact of this confidence may enter a default answer.

    Official and secondary (two or more agreeing sources) facts may; a fact
    with a single source, or an unverified one, only when a caller opts in
    with ``include_single_source=True``.

    >>> is_default_confidence(Confidence.SINGLE)
    False
    """
    return confidence.rank < Confidence.SINGLE.rank


def in_force(
    rows: Iterable[Row], on: date | None = None, *, include_single_source: bool = False
) -> tuple[Row, ...]:
    """The rows of a table that apply on ``on``, in table order.

    A :class:`DatedRule` applies when ``on`` falls in its ``effective``
    period; a :class:`SourcedRule` without a period always does; ``on=None``
    keeps every period.  Rows whose confidence is ``single`` or
    ``unverified`` are left out unless ``include_single_source`` is true:
    this is the one place that policy is applied.
    """
    chosen: list[Row] = []
    for row in rows:
        if on is not None and isinstance(row, DatedRule) and not row.effective.contains(on):
            continue
        if not include_single_source and not is_default_confidence(row.confidence):
            continue
        chosen.append(row)
    return tuple(chosen)
