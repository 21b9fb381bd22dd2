"""Reports, fees and plans as rows, DataFrames and HTML tables, for notebooks.

:func:`to_records` turns a :class:`~nyukan_rules.Report` (or
:class:`~nyukan_rules.BatchReport`) into one dict per finding, and a
sequence of :class:`~nyukan_rules.Fee` or :class:`~nyukan_rules.RenewalPlan`
into one dict per item; :func:`to_pandas` and :func:`to_polars` make
DataFrames of the same rows where those packages are installed (the extras
``nyukan-rules[pandas]`` and ``nyukan-rules[polars]``; neither is imported
until asked for).  :func:`report_html`, :func:`fee_html` and
:func:`plan_html` are the models' ``_repr_html_``: a notebook shows a table.

Every value in the HTML is escaped.  Rows keep the library's own values:
``row`` is a finding's 0-based position in the batch (as
``finding.row``, so ``records[row]`` is the record); the HTML, read by a
person, counts rows from 1.

>>> from datetime import date
>>> import nyukan_rules as nr
>>> report = nr.check_online_eligibility(
...     ["change_of_status"], on=date(2026, 11, 22), role="foreign_national",
...     status="留学", desired_status="短期滞在")
>>> [(r["code"], r["severity"], r["field"]) for r in to_records(report)]
[('eligibility.desired_status_excluded', 'error', 'desired_status')]
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nyukan_rules.batch.roster import RenewalPlan
    from nyukan_rules.fees import Fee
    from nyukan_rules.report import Finding, Report

__all__ = [
    "FINDING_COLUMNS",
    "fee_html",
    "plan_html",
    "report_html",
    "schedule_html",
    "to_pandas",
    "to_polars",
    "to_records",
]

#: The keys of a finding's row, in order (a DataFrame has these columns even when empty).
FINDING_COLUMNS = ("row", "severity", "code", "field", "message", "params", "sources")

#: The keys of a fee's row.
FEE_COLUMNS = (
    "kind",
    "channel",
    "accepted_on",
    "yen",
    "payment_charge",
    "total_yen",
    "band",
    "period_of_stay",
    "payment",
    "schedule",
    "confidence",
    "sources",
)

#: The keys of a renewal plan's row.
PLAN_COLUMNS = (
    "id",
    "name",
    "status",
    "renews",
    "urgency",
    "on",
    "first_day",
    "last_day_online",
    "last_day_counter",
    "special_period_end",
    "days_left",
    "fee_online",
    "fee_counter",
)

#: Rows an HTML table shows; the rest are counted under it, never dropped silently.
HTML_ROWS = 200


def _message(finding: Finding, lang: str) -> str:
    return finding.message(lang)


def _value(value: Any) -> Any:
    """An enum as its value; everything else as it is."""
    import enum

    return value.value if isinstance(value, enum.Enum) else value


def finding_record(finding: Finding, lang: str = "ja") -> dict[str, Any]:
    """One finding as a row (keys :data:`FINDING_COLUMNS`)."""
    return {
        "row": finding.row,
        "severity": finding.severity.value,
        "code": finding.code,
        "field": finding.field,
        "message": _message(finding, lang),
        "params": {k: _value(v) for k, v in finding.params.items()},
        "sources": tuple(s.id for s in finding.sources),
    }


def fee_record(fee: Fee) -> dict[str, Any]:
    """One fee as a row (keys :data:`FEE_COLUMNS`)."""
    return {
        "kind": fee.kind.value,
        "channel": fee.channel.value,
        "accepted_on": fee.accepted_on,
        "yen": fee.yen,
        "payment_charge": fee.payment_charge,
        "total_yen": fee.total_yen,
        "band": fee.band.ja if fee.band else None,
        "period_of_stay": None if fee.period_of_stay is None else str(fee.period_of_stay),
        "payment": fee.payment.value,
        "schedule": fee.schedule,
        "confidence": fee.confidence.value,
        "sources": tuple(s.id for s in fee.sources),
    }


def plan_record(plan: RenewalPlan) -> dict[str, Any]:
    """One renewal plan as a row (keys :data:`PLAN_COLUMNS`)."""
    person = plan.person
    return {
        "id": person.id,
        "name": getattr(person, "name", ""),
        "status": _value(person.status),
        "renews": plan.renews.value,
        "urgency": plan.urgency.value,
        "on": plan.on,
        "first_day": plan.first_day,
        "last_day_online": plan.last_day_online,
        "last_day_counter": plan.last_day_counter,
        "special_period_end": plan.special_period_end,
        "days_left": plan.days_left,
        "fee_online": plan.fee_online,
        "fee_counter": plan.fee_counter,
    }


def _kind(obj: object) -> str:
    from nyukan_rules.report import Report

    if isinstance(obj, Report):
        return "report"
    name = type(obj).__name__
    if name == "Fee":
        return "fee"
    if name == "RenewalPlan":
        return "plan"
    return "other"


def to_records(obj: Report | Iterable[Any], *, lang: str = "ja") -> list[dict[str, Any]]:
    """Rows: one per finding of a report, or one per fee or renewal plan of a sequence.

    A report's rows have the keys :data:`FINDING_COLUMNS`, with the message
    in ``lang`` (Japanese, the source, by default, as ``finding.message()``);
    a sequence of fees or plans (a :class:`RenewalSchedule` too) gives one
    row per item; any other attrs model is unstructured by the package's
    converter.
    """
    from nyukan_rules.report import Report

    if isinstance(obj, Report):
        return [finding_record(f, lang) for f in obj.findings]
    rows: list[dict[str, Any]] = []
    items: Iterable[Any] = obj
    for item in items:
        kind = _kind(item)
        if kind == "fee":
            rows.append(fee_record(item))
        elif kind == "plan":
            rows.append(plan_record(item))
        elif kind == "report":
            rows += to_records(item, lang=lang)
        else:
            from nyukan_rules.convert import converter

            found = converter.unstructure(item)
            rows.append(found if isinstance(found, dict) else {"value": found})
    return rows


def _columns(obj: object, rows: Sequence[Mapping[str, Any]]) -> list[str]:
    from nyukan_rules.report import Report

    if isinstance(obj, Report):
        return list(FINDING_COLUMNS)
    if rows:
        return list(rows[0])
    return []


def to_pandas(obj: Report | Iterable[Any], *, lang: str = "ja") -> Any:
    """A :class:`pandas.DataFrame` of :func:`to_records` (needs ``nyukan-rules[pandas]``)."""
    from nyukan_rules._extras import require_extra

    pandas = require_extra("pandas", needed_for="to_pandas()")
    rows = to_records(obj, lang=lang)
    return pandas.DataFrame.from_records(rows, columns=_columns(obj, rows))


def to_polars(obj: Report | Iterable[Any], *, lang: str = "ja") -> Any:
    """A :class:`polars.DataFrame` of :func:`to_records` (needs ``nyukan-rules[polars]``).

    ``params`` (a dict of different keys per code) is a JSON text column, as
    polars columns hold one type; everything else is as in the rows.
    """
    from nyukan_rules._extras import require_extra

    polars = require_extra("polars", needed_for="to_polars()")
    rows = to_records(obj, lang=lang)
    columns = _columns(obj, rows)
    if "params" in columns:
        rows = [
            {**r, "params": json.dumps(r["params"], ensure_ascii=False, default=str)} for r in rows
        ]
    data = {name: [r.get(name) for r in rows] for name in columns}
    return polars.DataFrame(data, strict=False)


# --- HTML ----------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, (tuple, list)):
        text = ", ".join(str(v) for v in value)
    elif isinstance(value, Mapping):
        text = ", ".join(f"{k}={v}" for k, v in value.items())
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, int):
        text = f"{value:,}"
    else:
        text = str(_value(value))
    return html.escape(text)


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]], caption: str) -> str:
    shown = rows[:HTML_ROWS]
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>" for row in shown)
    more = (
        f"<p>… and {len(rows) - len(shown):,} more rows (to_records() has them all).</p>"
        if len(rows) > len(shown)
        else ""
    )
    return (
        f"<table><caption>{html.escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"
    )


def report_html(report: Report, lang: str = "ja") -> str:
    """A report as an HTML table (rows counted from 1), headed by its verdict."""
    rows = report.findings
    verdict = (
        f"{'ok' if report.ok else 'not ok'}: {len(report.errors)} error(s), "
        f"{len(report.warnings)} warning(s), {len(report.infos)} note(s)"
    )
    batch = getattr(report, "rows", None)
    if isinstance(batch, int) and not isinstance(batch, bool) and batch:
        verdict += f" in {batch:,} row(s)"
    if not rows:
        return f"<p>{html.escape(type(report).__name__)}: {html.escape(verdict)}</p>"
    with_rows = any(f.row is not None for f in rows)
    header = [*(("row",) if with_rows else ()), "severity", "code", "field", "message"]
    cells = [
        [
            *((None if f.row is None else f"{f.row + 1}",) if with_rows else ()),
            f.severity.value,
            f.code,
            f.field,
            _message(f, lang),
        ]
        for f in rows
    ]
    return _table(header, cells, f"{type(report).__name__}: {verdict}")


def _record_html(record: Mapping[str, Any], caption: str) -> str:
    return _table(("", "value"), [[k, v] for k, v in record.items()], caption)


def fee_html(fee: Fee) -> str:
    """A fee as a two-column HTML table."""
    return _record_html(fee_record(fee), f"Fee: {fee.kind.value} ({fee.channel.value})")


def plan_html(plan: RenewalPlan) -> str:
    """A renewal plan as a two-column HTML table."""
    return _record_html(plan_record(plan), f"Renewal plan: {plan.person.id}")


def schedule_html(schedule: Iterable[RenewalPlan], report: Report | None = None) -> str:
    """Renewal plans as one HTML table, most urgent first as given; then who is unplanned."""
    plans = [plan_record(p) for p in schedule]
    caption = f"{len(plans):,} renewal plan(s)"
    if report is not None and report.findings:
        caption += f"; {len(report.errors):,} person(s) or row(s) not planned"
    page = _table(PLAN_COLUMNS, [[r[c] for c in PLAN_COLUMNS] for r in plans], caption)
    if report is not None and report.findings:
        page += report_html(report)
    return page
