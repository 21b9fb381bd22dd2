"""Beyond one machine: validate and plan a roster partitioned by Dask.

Install the extra: ``pip install "nyukan_rules[dask]"``.  Dask schedules the
partitions (its local scheduler, or a cluster's); each partition is checked
where it lies, and only its findings and its passport and residence card
numbers come back, so the duplicate check spans every partition and the rows
are those of the whole input: the findings are those of one
:func:`~nyukan_rules.validate_records` over all the records.

A CSV read by pandas (and so by ``dask.dataframe.read_csv``) is not read as
text by default: an empty cell becomes NaN and ``00123`` the integer 123.
:data:`READ_CSV_OPTIONS` keeps every cell the string it was;
:func:`read_roster` passes them.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, cast

import attrs

from nyukan_rules._args import ensure_int, type_name, wrong_type
from nyukan_rules.batch import records as _records
from nyukan_rules.batch.records import DEFAULT_APPLICANT_SPEC, RecordSpec
from nyukan_rules.batch.roster import RenewalPlan, RenewalSchedule, due_first
from nyukan_rules.batch.stream import (
    SeenNumbers,
    _moved,
    _plan_block,
    _validate_block,
)
from nyukan_rules.dates import ensure_date
from nyukan_rules.errors import ArgumentTypeError
from nyukan_rules.report import BatchReport, Finding

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd

__all__ = ["READ_CSV_OPTIONS", "plan_partitions", "read_roster", "validate_partitions"]

#: The options that keep every cell of a CSV the string it was in pandas and
#: ``dask.dataframe.read_csv``: no NaN for an empty cell or ``NA``, no
#: integers for digits (``00123`` stays ``00123``), no dates.
READ_CSV_OPTIONS: dict[str, Any] = {
    "dtype": str,
    "keep_default_na": False,
    "na_filter": False,
}


def read_roster(
    urlpath: str | Sequence[str],
    *,
    columns: Mapping[str, str] | None = None,
    encoding: str = "cp932",
    blocksize: int | str | None = "64MB",
) -> dd.DataFrame:
    """A CSV roster (or several: a glob or a list) as a Dask DataFrame of strings.

    Read with :data:`READ_CSV_OPTIONS`, its headers renamed by ``columns``
    (as :func:`~nyukan_rules.read_csv` does).  ``blocksize`` splits a file
    into partitions at line ends, which is safe in cp932 and UTF-8; a quoted
    value over several lines needs ``blocksize=None`` (a file a partition).
    """
    import dask.dataframe as dd

    frame = dd.read_csv(urlpath, encoding=encoding, blocksize=blocksize, **READ_CSV_OPTIONS)
    if columns:
        frame = frame.rename(columns=dict(columns))
    return cast("dd.DataFrame", frame)


def _frame(frame: object) -> Any:
    try:
        import dask.dataframe as dd
    except ImportError:  # pragma: no cover - the extra is not installed
        raise ArgumentTypeError(
            "install the dask extra: pip install nyukan_rules[dask]",
            code="extra.missing",
            params={"module": "dask", "extra": "dask"},
        ) from None
    if not isinstance(frame, dd.DataFrame):
        raise ArgumentTypeError(
            f"frame must be a dask DataFrame, not {type_name(frame)}",
            **wrong_type("frame", frame, "dask DataFrame"),
        )
    return frame


def _rows_of(part: Any) -> list[dict[str, Any]]:
    """A partition's rows as records (missing values as empty text: nothing lost)."""
    rows: list[dict[str, Any]] = part.to_dict("records")
    for row in rows:
        for key, value in row.items():
            if value is None or (isinstance(value, float) and value != value):
                row[key] = ""
    return rows


def _validate_part(part: Any, spec: RecordSpec, on: date) -> tuple[int, list[Any], list[Any]]:
    """(rows, each row's findings but duplicates, each row's unique values), rows from 0."""
    rows = _rows_of(part)
    found = _validate_block(rows, 0, attrs.evolve(spec, unique_fields=()), on)  # type: ignore[arg-type]
    unique = [{n: row.get(n) for n in spec.unique_fields} for row in rows]
    return len(rows), found, unique


def _plan_part(part: Any, on: date) -> list[RenewalPlan | Finding]:
    return _plan_block(_rows_of(part), 0, on)  # type: ignore[arg-type]


def validate_partitions(
    frame: dd.DataFrame,
    *,
    spec: RecordSpec = DEFAULT_APPLICANT_SPEC,
    on: date,
    max_findings_per_code: int | None = None,
    **compute: Any,
) -> BatchReport:
    """:func:`~nyukan_rules.validate_records` over every partition of ``frame``.

    Each partition is validated by a Dask task; the duplicate check (passport
    and residence card numbers) runs here over the numbers of every partition,
    in the frame's order, so a number used twice is found whichever
    partitions hold it; rows are counted over the whole frame.  The report
    equals that of ``validate_records`` over all the rows.  ``compute``
    goes to :func:`dask.compute` (``scheduler="processes"`` …).
    """
    dask: Any = importlib.import_module("dask")
    on = ensure_date(on, "on")
    _records.ensure_spec(spec)
    limit = (
        None
        if max_findings_per_code is None
        else ensure_int(max_findings_per_code, "max_findings_per_code", minimum=1)
    )
    parts = _frame(frame).to_delayed()
    done = dask.compute(*[dask.delayed(_validate_part)(p, spec, on) for p in parts], **compute)
    seen = SeenNumbers()
    kept = _records.Kept(limit)
    offset = 0
    for size, per_row, numbers in done:
        for index, (found, values) in enumerate(zip(per_row, numbers, strict=True)):
            row = offset + index
            moved = [_moved(f, offset) for f in found]
            if spec.unique_fields:
                moved.extend(_records.duplicate_findings(values, spec, row, seen))
            kept.add(row, moved)
        offset += size
    findings = kept.findings()
    return BatchReport(findings, rows=offset)


def plan_partitions(frame: dd.DataFrame, *, on: date, **compute: Any) -> RenewalSchedule:
    """:func:`~nyukan_rules.plan_renewals` over every partition of ``frame``:
    the same schedule, the rows of its findings counted over the whole frame."""
    dask: Any = importlib.import_module("dask")
    on = ensure_date(on, "on")
    parts = _frame(frame).to_delayed()
    done = dask.compute(*[dask.delayed(_plan_part)(p, on) for p in parts], **compute)
    plans: list[RenewalPlan] = []
    problems: list[Finding] = []
    offset = 0
    for items in done:
        for item in items:
            if isinstance(item, RenewalPlan):
                plans.append(item)
            else:
                problems.append(_moved(item, offset))
        offset += len(items)
    plans.sort(key=due_first)
    return RenewalSchedule(tuple(plans), BatchReport(problems, rows=offset), on)
