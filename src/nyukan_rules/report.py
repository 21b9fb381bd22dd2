"""Findings and reports: how every check in nyukan_rules answers.

A check never stops at the first problem: it returns a :class:`Report`
holding every :class:`Finding`.  A finding's ``code`` is stable API (dotted,
lower case, listed in the docs); its messages may improve between releases.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import Any

import attrs

from nyukan_rules.errors import ValidationError
from nyukan_rules.sources import Source

__all__ = ["BatchReport", "Finding", "Report", "Severity"]


class Severity(str, enum.Enum):
    """How bad a finding is. Only ``error`` makes a report not ``ok``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(value)


def _findings(value: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(value)


_RENDERER: list[Callable[[str, Mapping[str, Any], str], str]] = []


def _params(value: Mapping[str, Any] | None) -> dict[str, Any]:
    """The params as JSON keeps them, so a finding read back from JSON equals
    the one written: a date as its ISO text (shown as a date by the message),
    a list as a tuple."""
    if value is None:
        return {}
    params = dict(value)
    for name, item in params.items():
        kind = item.__class__
        if kind is str or kind is int:
            continue
        if isinstance(item, date):  # a datetime gives its date
            params[name] = date(item.year, item.month, item.day).isoformat()
        elif kind is list:
            params[name] = tuple(item)
    return params


@attrs.frozen
class Finding:
    """One problem (or note) found by a check: a stable code with params.

    ``params`` are the values the message is made of (language-neutral: text,
    numbers, dates, catalog names; rows and positions in them count from 1);
    ``field`` names what the finding is about where that helps a caller put
    it on a screen (a parameter name such as ``"role"``, a form field, a
    column's header name or a file name); ``row`` is set in batches;
    ``sources`` are the rules it applies.  The text is made only when asked
    for, in the language asked for: :meth:`message`.
    """

    code: str
    severity: Severity
    params: dict[str, Any] = attrs.field(factory=dict, converter=_params, hash=False)
    field: str | None = None
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_sources)
    row: int | None = None
    """In a batch, the 0-based position of the row the finding is about (a
    message a person reads counts rows from 1)."""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def message(self, lang: str = "ja") -> str:
        """The finding's message in ``lang`` (a BCP 47 tag such as ``"vi"``,
        ``"zh-CN"``, ``"pt-BR"``); a language without a catalogue, or a text
        missing from one, falls back to English, then Japanese.

        >>> from nyukan_rules.messages import make_finding
        >>> make_finding("csv.empty").message("en")
        'The CSV is empty (no header line).'
        """
        if not _RENDERER:  # bound on the first message asked for, not at import
            from nyukan_rules.messages.render import render

            _RENDERER.append(render)
        return _RENDERER[0](self.code, self.params, lang)

    @property
    def message_ja(self) -> str:
        """The message in Japanese (``message("ja")``)."""
        return self.message("ja")

    @property
    def message_en(self) -> str:
        """The message in English (``message("en")``)."""
        return self.message("en")


@attrs.frozen
class Report:
    """Every finding of one check, in the order they were found.

    >>> Report().ok
    True
    """

    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_findings)

    @property
    def ok(self) -> bool:
        """True when no finding is an error (warnings and notes are allowed)."""
        return not any(f.is_error for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.INFO)

    @property
    def codes(self) -> tuple[str, ...]:
        """The finding codes, in order (repeats kept)."""
        return tuple(f.code for f in self.findings)

    def messages(self, lang: str = "ja") -> tuple[str, ...]:
        """Every finding's message in ``lang``, in order."""
        return tuple(f.message(lang) for f in self.findings)

    def by_code(self, code: str) -> tuple[Finding, ...]:
        """The findings with exactly this code."""
        return tuple(f for f in self.findings if f.code == code)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    # No __len__ on purpose: it would make a report with findings truthy and an
    # empty one falsy, the opposite of ``ok``.  Use ``report.ok`` or ``report.findings``.

    def merged(self, *others: Report | Iterable[Finding]) -> Report:
        """A new report with the findings of ``others`` appended."""
        found = list(self.findings)
        for other in others:
            found.extend(other.findings if isinstance(other, Report) else other)
        return Report(found)

    def raise_for_errors(self) -> Report:
        """Raise :class:`ValidationError` if any finding is an error; else return self."""
        errors = self.errors
        if errors:
            lines = "; ".join(f"{f.code}: {f.message_en}" for f in errors)
            raise ValidationError(
                f"{len(errors)} error(s): {lines}",
                report=self,
                code="report.has_errors",
                params={"count": len(errors)},
            )
        return self

    # Notebooks: the logic is in nyukan_rules.notebook; pandas and polars load on use.

    def to_records(self, lang: str = "ja") -> list[dict[str, Any]]:
        """One dict per finding: ``row`` (0-based), ``severity``, ``code``, ``field``,
        ``message`` (in ``lang``), ``params``, ``sources``."""
        from nyukan_rules.notebook import to_records

        return to_records(self, lang=lang)

    def to_pandas(self, lang: str = "ja") -> Any:
        """:meth:`to_records` as a pandas DataFrame (``pip install "nyukan-rules[pandas]"``)."""
        from nyukan_rules.notebook import to_pandas

        return to_pandas(self, lang=lang)

    def to_polars(self, lang: str = "ja") -> Any:
        """:meth:`to_records` as a polars DataFrame (``pip install "nyukan-rules[polars]"``)."""
        from nyukan_rules.notebook import to_polars

        return to_polars(self, lang=lang)

    def _repr_html_(self) -> str:
        from nyukan_rules.notebook import report_html

        return report_html(self)


@attrs.frozen
class BatchReport(Report):
    """The findings on a batch of rows; every finding has its ``row`` and ``field``."""

    rows: int = attrs.field(default=0, kw_only=True)
    """How many rows were read."""

    def by_row(self, row: int) -> tuple[Finding, ...]:
        """The findings on one row (0-based, as given)."""
        return tuple(f for f in self.findings if f.row == row)

    @property
    def rows_with_errors(self) -> tuple[int, ...]:
        """The rows that have at least one error, in order."""
        return tuple(sorted({f.row for f in self.errors if f.row is not None}))
