"""Streaming forms of the batch functions: flat memory whatever the input size.

Each list-returning batch function has a form that takes any iterable and
yields its results as it goes: :func:`iter_read_csv` (records from a file
object or an iterable of lines), :func:`iter_normalize_records` (each record
with its findings), :func:`iter_validate_records` (findings, row by row),
:func:`iter_plan_renewals` (plans and findings, in the input's order) and
:func:`iter_write_csv` (the CSV's bytes, a block at a time).  Memory holds a
block of rows, the per-value memos (bounded) and, for the duplicate check
that spans the whole input, 12 bytes per passport or residence card number
(:class:`SeenNumbers`).  Results are those of the list functions: the same
findings, with the rows and lines of the whole input.

``workers=`` (a number of processes) spreads blocks of rows over a
:class:`concurrent.futures.ProcessPoolExecutor`; results come back in the
input's order, rows counted over the whole input, and the duplicate check
runs in the calling process over every block, never per block.
"""

from __future__ import annotations

import codecs
import concurrent.futures
import csv
import itertools
import multiprocessing
import operator
import re
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Sized
from datetime import date
from typing import IO, Any, TypeVar

import attrs

from nyukan_rules._args import ensure_int, ensure_rows, ensure_str, type_name, wrong_type
from nyukan_rules.batch import csvio, records, roster
from nyukan_rules.batch.records import DEFAULT_APPLICANT_SPEC, RecordSpec
from nyukan_rules.batch.roster import RenewalPlan
from nyukan_rules.dates import ensure_date
from nyukan_rules.errors import ArgumentTypeError, ValidationError
from nyukan_rules.messages import MAX_FINDINGS_PER_CODE, Cap, make_finding, more_findings_notes
from nyukan_rules.report import BatchReport, Finding

__all__ = [
    "CsvStream",
    "RosterRow",
    "SeenNumbers",
    "iter_normalize_records",
    "iter_plan_renewals",
    "iter_read_csv",
    "iter_roster",
    "iter_validate_records",
    "iter_write_csv",
]

T = TypeVar("T")
R = TypeVar("R")

#: Rows a block holds: large enough that a block's memo pays off (statuses,
#: nationalities and dates repeat within it), small enough to stay a few MB.
BLOCK_ROWS = 5_000


def _workers(workers: object) -> int | None:
    if workers is None:
        return None
    return ensure_int(workers, "workers", minimum=1)


def _blocks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while block := list(itertools.islice(it, size)):
        yield block


def _start_method() -> multiprocessing.context.BaseContext:
    """Workers started by a fork server where there is one, else spawned: never a fork of
    the calling process, whose other threads (a web server's) a fork would copy
    mid-step."""
    methods = multiprocessing.get_all_start_methods()
    if _START_METHOD in methods:
        return multiprocessing.get_context(_START_METHOD)
    return multiprocessing.get_context("spawn")


#: How workers start.  ``benchmarks/bench_scale.py`` sets ``"fork"`` in its own child
#: process, so that the workers' CPU time and memory count as its children's.
_START_METHOD = "forkserver"


def _in_order(
    fn: Callable[..., R],
    blocks: Iterable[Any],
    workers: int | None,
    *args: Any,
    count: Callable[[Any], int] = len,
) -> Iterator[R]:
    """``fn(block, offset, *args)`` for each block, in order, on ``workers`` processes
    (at most two blocks each in flight, so memory stays flat); ``offset`` is the sum
    of ``count`` over the blocks before (their rows)."""
    offset = 0
    if workers is None or workers == 1:
        for block in blocks:
            yield fn(block, offset, *args)
            offset += count(block)
        return
    pool = concurrent.futures.ProcessPoolExecutor(workers, mp_context=_start_method())
    try:
        pending: deque[concurrent.futures.Future[R]] = deque()
        for block in blocks:
            pending.append(pool.submit(fn, block, offset, *args))
            offset += count(block)
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _moved(finding: Finding, rows: int, lines: int = 0) -> Finding:
    """The finding of a block, with the rows (and lines) of the whole input."""
    params = finding.params
    changed: dict[str, Any] | None = None
    for key, by in (("row", rows), ("line", lines)):
        value = params.get(key)
        if by and isinstance(value, int) and not isinstance(value, bool):
            changed = changed if changed is not None else dict(params)
            changed[key] = value + by
    row = finding.row + rows if finding.row is not None else None
    if changed is None and row == finding.row:
        return finding
    return Finding(
        finding.code,
        finding.severity,
        changed if changed is not None else params,
        finding.field,
        finding.sources,
        row,
    )


class SeenNumbers:
    """The first row of each value of the unique fields (passport, residence card).

    Kept as 64-bit hashes of (field, value) in an open-addressing table of
    two arrays (the hash, 8 bytes; the row, 4), at most two thirds full and
    growing fourfold up to 4 Mi slots, then twofold: 18 to 72 bytes a value (96 MB
    for the 4.6 million passport and card numbers of 2.3 million people), where a
    dict of the strings would take some 150.
    Two different values that share a hash (odds about one in 10^12 per pair
    at a million values) would be reported as the same; the
    hash is Python's own, so the table belongs to one process.  It offers
    ``setdefault`` as a dict does, which is all the duplicate check uses.
    """

    __slots__ = ("_hashes", "_mask", "_rows", "_size")

    def __init__(self, capacity: int = 1 << 12) -> None:
        size = 1 << max(4, (capacity - 1).bit_length())
        self._hashes = array("q", bytes(8 * size))
        self._rows = array("I", bytes(4 * size))  # rows past 2**32 - 1 widen it
        self._mask = size - 1
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def setdefault(self, key: object, row: int) -> int:
        """The row first given for ``key``; ``row`` (now remembered) if none was."""
        h = hash(key) or 1
        hashes, mask = self._hashes, self._mask
        slot = h & mask
        while True:
            found = hashes[slot]
            if found == h:
                return self._rows[slot]
            if found == 0:
                break
            slot = (slot + 1) & mask
        self._store(slot, h, row)
        return row

    def _store(self, slot: int, h: int, row: int) -> None:
        self._hashes[slot] = h
        if row > 0xFFFFFFFF and self._rows.typecode == "I":
            self._rows = array("q", self._rows)
        self._rows[slot] = row
        self._size += 1
        if self._size * 3 > self._mask * 2:
            self._grow()

    def first_rows(self, name: str, values: Sequence[object], start: int) -> list[tuple[int, int]]:
        """``setdefault((name, value), start + i)`` for each text ``values[i]`` (empty ones
        and what is not text skipped), in order: the (i, first row) of each value seen
        before.  One loop for a block's column, the table's store inline: a call a
        value costs twice as much."""
        seen: list[tuple[int, int]] = []
        hashes, rows, mask, size = self._hashes, self._rows, self._mask, self._size
        # Rows past 2**32 - 1 go through _store, which widens the table first.
        direct = rows.typecode != "I" or start + len(values) <= 0xFFFFFFFF
        pairs: Iterable[tuple[int, int]]
        if list(map(type, values)).count(str) == len(values):
            # Plain text (a CSV's column): the non-empty values and their hashes in C.
            live = list(itertools.compress(range(len(values)), values))
            keys = zip(itertools.repeat(name), map(values.__getitem__, live))
            pairs = zip(live, map(hash, keys), strict=True)
        else:
            pairs = (
                (i, hash((name, value)))
                for i, value in enumerate(values)
                if value and isinstance(value, str)
            )
        full = mask * 2 // 3  # (size * 3 > mask * 2, as _store tells it)
        for i, h in pairs:
            h = h or 1
            slot = h & mask
            while True:
                found = hashes[slot]
                if found == h:
                    seen.append((i, rows[slot]))
                    break
                if found:
                    slot = (slot + 1) & mask
                    continue
                if direct:
                    hashes[slot] = h
                    rows[slot] = start + i
                    size += 1
                    if size > full:
                        self._size = size
                        self._grow()
                        hashes, rows, mask = self._hashes, self._rows, self._mask
                        full = mask * 2 // 3
                else:
                    self._size = size
                    self._store(slot, h, start + i)
                    hashes, rows, mask, size = self._hashes, self._rows, self._mask, self._size
                    direct = rows.typecode != "I"
                    full = mask * 2 // 3
                break
        self._size = size
        return seen

    def _grow(self) -> None:
        old_hashes, old_rows = self._hashes, self._rows
        # Four times up to 4 Mi slots (48 MB), then twice: fewer moves of every value
        # on the way to millions, and no more room than twice at the end.
        size = self._mask + 1
        size *= 4 if size * 4 <= 1 << 22 else 2
        self._hashes = hashes = array("q", bytes(8 * size))
        self._rows = rows = array(old_rows.typecode, bytes(old_rows.itemsize * size))
        self._mask = mask = size - 1
        # The empty slots skipped in C.
        for h, row in itertools.compress(zip(old_hashes, old_rows, strict=True), old_hashes):
            slot = h & mask
            while hashes[slot]:
                slot = (slot + 1) & mask
            hashes[slot], rows[slot] = h, row


def _seen_for(given: Iterable[object], names: Sequence[str]) -> SeenNumbers:
    """A duplicate table for ``given``: sized at once for a list's values (up to 4 Mi
    slots, 48 MB), which then never grows on the way; an iterable's grows as it goes."""
    if not isinstance(given, Sized) or not names:
        return SeenNumbers()
    try:
        values = len(given) * len(names)
    except (TypeError, ValueError, OverflowError):  # a len() that is not one
        return SeenNumbers()
    return SeenNumbers(capacity=min(values + values // 2 + 1, 1 << 22))


# --- validate ----------------------------------------------------------------------


def _validate_block(
    block: list[object], offset: int, spec: RecordSpec, on: date, *, fields: bool = True
) -> list[tuple[Finding, ...]]:
    """Each row's findings but the duplicates, rows of the whole input."""
    found = _validate_found(block, offset, spec, on, fields=fields)
    return [found.get(i, ()) for i in range(len(block))]


def _validate_found(
    block: list[object], offset: int, spec: RecordSpec, on: date, *, fields: bool = True
) -> dict[int, tuple[Finding, ...]]:
    """The findings but the duplicates of each row that has any (by its index in the
    block), rows of the whole input."""
    report = records.validated_rows(block, spec, on, None, fields=fields)
    per_row: dict[int, list[Finding]] = {}
    for finding in report.findings:
        assert finding.row is not None
        per_row.setdefault(finding.row, []).append(_moved(finding, offset) if offset else finding)
    return {i: tuple(found) for i, found in per_row.items()}


def iter_validate_records(
    records_: Iterable[object],
    *,
    spec: RecordSpec = DEFAULT_APPLICANT_SPEC,
    on: date,
    max_findings_per_code: int | None = None,
    workers: int | None = None,
) -> Iterator[Finding]:
    """:func:`~nyukan_rules.validate_records` as it goes: its findings, row by row.

    The same findings in the same order, with the rows of the whole input;
    memory stays flat whatever the number of records (a block of 5,000 at a
    time, and 12 to 24 bytes per passport or residence card number for the
    duplicate check, which spans the whole input).  With
    ``max_findings_per_code`` the notes that count the rest come last.
    ``workers`` processes check blocks side by side; the duplicate check
    stays in this process.

    >>> rows = [{"passport_number": "C1234567"}, {"passport_number": "C1234567"}]
    >>> [f.row for f in iter_validate_records(rows, on=date(2026, 11, 22))
    ...  if f.code == "record.duplicate"]
    [1]
    """
    ensure_rows(records_, "records")
    records.ensure_spec(spec)
    on = ensure_date(on, "on")
    limit = (
        None
        if max_findings_per_code is None
        else ensure_int(max_findings_per_code, "max_findings_per_code", minimum=1)
    )
    return _validated(records_, spec, on, limit, _workers(workers))


def _duplicates(
    block: Sequence[object], unique: RecordSpec, on: date, start: int, seen: SeenNumbers
) -> dict[int, list[Finding]]:
    """The duplicate findings of a block whose first row is ``start`` (rows of the whole
    input), a unique field's column at a time, as cross_field_findings says them."""
    columns: dict[str, Sequence[object]] = {}
    dicts = list(map(type, block)).count(dict) == len(block)  # (a count in C)
    for name in unique.unique_fields:
        if dicts:
            try:
                columns[name] = list(map(operator.itemgetter(name), block))  # type: ignore[arg-type]
            except KeyError:
                columns[name] = [r.get(name) for r in block]  # type: ignore[attr-defined]
        else:
            columns[name] = [r.get(name) if isinstance(r, Mapping) else None for r in block]
    return duplicate_columns(columns, unique, start, seen)


def duplicate_columns(
    columns: Mapping[str, Sequence[object]], unique: RecordSpec, start: int, seen: SeenNumbers
) -> dict[int, list[Finding]]:
    """:func:`_duplicates` of a block given as the unique fields' columns."""
    more: dict[int, list[Finding]] = {}
    for name in unique.unique_fields:
        values = columns.get(name)
        if values is None:
            continue
        for i, first in seen.first_rows(name, values, start):
            value = values[i]
            assert isinstance(value, str)
            dups = records.duplicate_findings(
                {name: value}, unique, start + i, {(name, value): first}
            )
            more.setdefault(i, []).extend(records.at_row(start + i, f) for f in dups)
    return more


def _validated(
    given: Iterable[object], spec: RecordSpec, on: date, limit: int | None, workers: int | None
) -> Iterator[Finding]:
    inner = attrs.evolve(spec, unique_fields=())
    unique = RecordSpec(fields=spec.fields, unique_fields=spec.unique_fields)
    names = spec.unique_fields
    seen = _seen_for(given, names)
    cap = Cap(limit) if limit is not None else None
    # The blocks are kept here too: the duplicate check needs their unique fields.
    held: deque[list[object]] = deque()

    def kept(blocks: Iterable[list[object]]) -> Iterator[list[object]]:
        for block in blocks:
            held.append(block)
            yield block

    row = 0
    for per_row in _in_order(_validate_found, kept(_blocks(given, BLOCK_ROWS)), workers, inner, on):
        block = held.popleft()
        more = _duplicates(block, unique, on, row, seen) if names else {}
        # Only the rows with findings, in order: a block of clean rows costs nothing here.
        for i in sorted(per_row.keys() | more.keys()) if more else sorted(per_row):
            found = per_row.get(i, ())
            if i in more:
                found = found + tuple(more[i])
            if cap is None:
                yield from found
            else:
                yield from (finding for finding in found if cap.keeps(finding))
        row += len(block)
    if cap is not None:
        yield from cap.notes()


# --- normalize ---------------------------------------------------------------------


def _normalize_block(
    block: list[object], offset: int, spec: RecordSpec
) -> list[tuple[dict[str, str], tuple[Finding, ...]]]:
    out, report = records.normalize_records(block, spec=spec)
    per_row: list[list[Finding]] = [[] for _ in block]
    for finding in report.findings:
        assert finding.row is not None
        per_row[finding.row].append(_moved(finding, offset) if offset else finding)
    return [(record, tuple(found)) for record, found in zip(out, per_row, strict=True)]


def iter_normalize_records(
    records_: Iterable[object],
    *,
    spec: RecordSpec = DEFAULT_APPLICANT_SPEC,
    workers: int | None = None,
) -> Iterator[tuple[dict[str, str], tuple[Finding, ...]]]:
    """:func:`~nyukan_rules.normalize_records` as it goes: each output record with
    its findings (rows of the whole input), one per input record, in order.

    >>> record, found = next(iter_normalize_records([{"postal_code": "〒100-0001"}]))
    >>> record["postal_code"], [f.code for f in found if f.field == "postal_code"]
    ('1000001', [])
    """
    ensure_rows(records_, "records")
    records.ensure_spec(spec)
    return _normalized(records_, spec, _workers(workers))


def _normalized(
    given: Iterable[object], spec: RecordSpec, workers: int | None
) -> Iterator[tuple[dict[str, str], tuple[Finding, ...]]]:
    for done in _in_order(_normalize_block, _blocks(given, BLOCK_ROWS), workers, spec):
        yield from done


# --- plan --------------------------------------------------------------------------


def _plan_block(block: list[object], offset: int, on: date) -> list[RenewalPlan | Finding]:
    fees = roster.extension_fee_ranges(on)
    return [roster.plan_or_finding(value, row, on, fees) for row, value in enumerate(block, offset)]


def iter_plan_renewals(
    people: Iterable[object], *, on: date, workers: int | None = None
) -> Iterator[RenewalPlan | Finding]:
    """:func:`~nyukan_rules.plan_renewals` as it goes: for each person, in the
    input's order, the plan or the finding that says why there is none (with
    the row of the whole input).  ``plan_renewals`` sorts these plans by what
    is due first; a stream cannot, so sort where you keep them.

    >>> for planned in iter_plan_renewals(
    ...     [{"id": "E1", "status": "技人国", "period_of_stay": "1年", "expires_on": "2027-01-31"},
    ...      {"id": "E2"}], on=date(2026, 11, 22)):
    ...     print(type(planned).__name__)
    RenewalPlan
    Finding
    """
    ensure_rows(people, "people")
    on = ensure_date(on, "on")
    return _planned(people, on, _workers(workers))


def _planned(
    people: Iterable[object], on: date, workers: int | None
) -> Iterator[RenewalPlan | Finding]:
    for done in _in_order(_plan_block, _blocks(people, BLOCK_ROWS), workers, on):
        yield from done


# --- the whole roster, in one pass ------------------------------------------------


@attrs.frozen
class RosterRow:
    """One record after :func:`iter_roster`: normalized, checked and planned."""

    row: int
    """0-based, of the whole input."""
    record: dict[str, str]
    """As :func:`~nyukan_rules.normalize_records` gives it."""
    findings: tuple[Finding, ...]
    """``normalize_records``' findings on the record (its field checks on the
    normalized values among them), then ``validate_records``' other findings on
    the normalized record (unknown fields, the rules across fields, duplicates
    across the whole input): each finding once."""
    plan: RenewalPlan | Finding
    """The renewal plan, or the finding that says why there is none."""


#: A block's work for iter_roster: the normalized records, each row's findings (by
#: the row's index in the block; rows without any are left out) and, where the block
#: was done in a worker process, each row's plan (else None: planned as yielded).
_RosterBlock = tuple[list[dict[str, str]], dict[int, tuple[Finding, ...]], list[Any] | None]


def _checked_block(
    block: list[object],
    offset: int,
    spec: RecordSpec,
    on: date,
    regular: tuple[tuple[str, ...], list[tuple[str, ...]]] | None = None,
) -> tuple[
    list[dict[str, str]],
    dict[int, tuple[Finding, ...]],
    tuple[tuple[str, ...], list[Sequence[str]]] | None,
]:
    """The block normalized and checked but for duplicates: the records, each row's
    findings (by the row's index in the block; rows without any left out) and, for
    plain records, their names and normalized columns."""
    memo: dict[tuple[str, str | None, bool], tuple[Finding, ...]] = {}
    at = records.at_row
    found: dict[int, tuple[Finding, ...]] = {}
    columnar = records.normalize_columns(block, spec, memo, regular)
    if columnar is not None:  # plain records (a CSV's): a column at a time
        clean, said, columns = columnar
        more = records.validate_columns(
            clean, attrs.evolve(spec, unique_fields=()), on, memo, fields=False, regular=columns
        )
        assert more is not None
        for i in sorted(said.keys() | more.keys()):
            row = i + offset
            found[i] = tuple(at(row, f) for f in said.get(i, []) + more.get(i, []))
        return clean, found, columns
    normalized = _normalize_block(block, offset, spec)
    clean = [record for record, _ in normalized]
    # The field checks of the normalized values are normalize_records' own: not twice.
    checked = _validate_block(
        clean,  # type: ignore[arg-type]
        offset,
        attrs.evolve(spec, unique_fields=()),
        on,
        fields=False,
    )
    for i, ((_, first), second) in enumerate(zip(normalized, checked, strict=True)):
        if first or second:
            found[i] = first + second
    return clean, found, None


def _roster_block(
    block: list[object], offset: int, spec: RecordSpec, on: date, plan: bool = True
) -> _RosterBlock:
    """The block normalized and checked, and planned if ``plan`` (a worker's block).

    Nothing a row at a time is kept for the block but the records themselves (dicts
    of text, which the garbage collector does not track): the plans and rows the
    caller makes as it yields them die young, where 5,000 of them held for a block
    would outlive the collector's young generations and make each full collection
    dearer."""
    clean, found, _ = _checked_block(block, offset, spec, on)
    plans = None
    if plan:
        fees = roster.extension_fee_ranges(on)
        plans = [roster.plan_or_finding(r, i, on, fees) for i, r in enumerate(clean, offset)]
    return clean, found, plans


def iter_roster(
    records_: Iterable[object],
    *,
    spec: RecordSpec = DEFAULT_APPLICANT_SPEC,
    on: date,
    workers: int | None = None,
) -> Iterator[RosterRow]:
    """The HR job in one pass: each record normalized, validated and planned.

    What :func:`~nyukan_rules.normalize_records`, then
    :func:`~nyukan_rules.validate_records` and
    :func:`~nyukan_rules.plan_renewals` on the normalized records say, a
    :class:`RosterRow` per record in the input's order; memory stays flat
    and the duplicate check spans the whole input.  ``workers`` processes
    take blocks of rows side by side (the whole row's work in one process:
    one trip of the records there and back).

    >>> row = next(iter_roster([{"employee_id": "E1", "status": "技人国", "period_of_stay": "1年",
    ...                         "expires_on": "2027/01/31"}], on=date(2026, 11, 22)))
    >>> row.record["expires_on"], row.plan.last_day_online
    ('20270131', datetime.date(2027, 1, 30))
    """
    ensure_rows(records_, "records")
    records.ensure_spec(spec)
    on = ensure_date(on, "on")
    return _rostered(records_, spec, on, _workers(workers))


def _rostered(
    given: Iterable[object], spec: RecordSpec, on: date, workers: int | None
) -> Iterator[RosterRow]:
    names = spec.unique_fields
    unique = RecordSpec(fields=spec.fields, unique_fields=names)
    seen = _seen_for(given, names)
    fees = roster.extension_fee_ranges(on)
    plan_or_finding, empty = roster.plan_or_finding, ()
    row = 0
    in_worker = workers is not None and workers > 1
    blocks = _in_order(_roster_block, _blocks(given, BLOCK_ROWS), workers, spec, on, in_worker)
    for clean, found, plans in blocks:
        more = _duplicates(clean, unique, on, row, seen) if names else {}
        for extra, dups in more.items():
            found[extra] = found.get(extra, empty) + tuple(dups)
        for i, record in enumerate(clean):
            at = row + i
            yield RosterRow(
                at,
                record,
                found.get(i, empty),
                plans[i] if plans is not None else plan_or_finding(record, at, on, fees),
            )
        row += len(clean)


# --- write -------------------------------------------------------------------------

_ROW_IN_MESSAGE = re.compile(r"\Arow (\d+)")


def moved_error(exc: ValidationError, rows: int) -> ValidationError:
    """A block's write error naming the row of the whole input (``rows`` before the
    block); ``exc`` itself where there is nothing to move."""
    text = str(exc)
    match = _ROW_IN_MESSAGE.match(text)
    if match is None or not rows:
        return exc
    moved = f"row {int(match.group(1)) + rows}" + text[match.end() :]
    params = dict(exc.params)
    if isinstance(params.get("row"), int):
        params["row"] += rows
    return ValidationError(moved, exc.report, code=exc.code, params=params)


def iter_write_csv(
    records_: Iterable[Mapping[str, object]],
    *,
    spec: RecordSpec = DEFAULT_APPLICANT_SPEC,
    columns: Sequence[str] | None = None,
    encoding: str = "cp932",
    formula_guard: str = "error",
) -> Iterator[bytes]:
    """:func:`~nyukan_rules.write_csv` as it goes: the header's bytes, then the
    rows' bytes a block at a time; joined, the bytes ``write_csv`` gives.

    A field that is not a column raises, as ``write_csv`` does with
    ``extra="error"`` (a stream cannot add a column once the header is
    written); so do a character the encoding cannot hold and a cell a
    spreadsheet would run as a formula (``formula_guard="error"``), naming
    the row of the whole input, counted from 1.

    >>> b"".join(iter_write_csv([{"employee_id": "E1"}], columns=["employee_id"]))
    b'employee_id\\r\\nE1\\r\\n'
    """
    ensure_rows(records_, "records")
    records.ensure_spec(spec)
    names = list(spec.names)
    if columns is not None:
        if isinstance(columns, (str, bytes, bytearray, memoryview, Mapping)) or not isinstance(
            columns, Iterable
        ):
            raise ArgumentTypeError(
                f"columns must be a sequence of column names, not {type_name(columns)}"
                " (a str would be split into letters)",
                **wrong_type("columns", columns, "sequence of column names"),
            )
        names = [ensure_str(name, "each of columns") for name in columns]
    header = csvio.write_csv(
        [],
        spec=spec,
        columns=names,
        encoding=encoding,
        formula_guard=formula_guard,  # type: ignore[arg-type]
    )
    return _written(records_, spec, names, encoding, formula_guard, header)


def _written(
    given: Iterable[Mapping[str, object]],
    spec: RecordSpec,
    names: list[str],
    encoding: str,
    guard: str,
    header: bytes,
) -> Iterator[bytes]:
    yield header
    offset = 0
    for block in _blocks(given, BLOCK_ROWS):
        try:
            data = csvio.write_csv(
                block,
                spec=spec,
                columns=names,
                encoding=encoding,
                extra="error",
                formula_guard=guard,  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            moved = moved_error(exc, offset)
            if moved is exc:
                raise
            raise moved from None
        yield data[len(header) :]
        offset += len(block)


# --- read --------------------------------------------------------------------------

#: Bytes of CSV a block holds before it ends at a line where the quotes balance.
BLOCK_BYTES = 1 << 20
#: Lines a block may run past its size looking for balanced quotes (a quote never
#: closed would otherwise make the rest of the file one block).
_BALANCE_LINES = 10_000
_HEADER_CODES = frozenset(
    {"csv.unknown_column", "csv.duplicate_column", "csv.no_known_column", "csv.empty"}
)


def _byte_lines(source: object) -> Iterator[bytes]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        yield from bytes(source).splitlines(keepends=True)
        return
    for line in source:  # type: ignore[attr-defined]
        if not isinstance(line, (bytes, bytearray, memoryview)):
            raise ArgumentTypeError(
                f"each line must be bytes, not {type_name(line)}",
                **wrong_type("each line", line, "bytes"),
            )
        yield bytes(line)


class _ByteReader:
    """A binary file read through its ``read`` alone (a file-like object's lines may be
    buffered apart from it): as lines, each ended by LF as a binary file's iteration
    ends them, then, past the first block, as whole blocks cut where
    :meth:`CsvStream._blocks` cuts them, found in C (find and count over the bytes)
    rather than a line at a time."""

    __slots__ = ("_buf", "_eof", "_pos", "_read")

    def __init__(self, source: Any) -> None:
        self._read = source.read
        self._buf = bytearray()
        self._pos = 0  # where the bytes not yet given start
        self._eof = False

    def _more(self) -> bool:
        """Read on (the bytes given dropped first); False at the end of the file."""
        if self._eof:
            return False
        chunk = self._read(BLOCK_BYTES)
        if not isinstance(chunk, (bytes, bytearray)):
            raise ArgumentTypeError(
                f"a file for iter_read_csv must be opened in binary mode, not {type_name(chunk)}",
                **wrong_type("source", chunk, "file opened in binary mode"),
            )
        if not chunk:
            self._eof = True
            return False
        if self._pos:
            del self._buf[: self._pos]
            self._pos = 0
        self._buf += chunk
        return True

    def _find(self, at: int) -> int:
        """The next LF at or after ``at`` bytes past the bytes given (as so many bytes
        past them), reading on as needed; -1 when the file ends before one.  Each byte
        is looked at once, however short the reads (a file with no LF is one line)."""
        while True:
            found = self._buf.find(b"\n", self._pos + at)
            if found >= 0:
                return found - self._pos
            at = max(at, len(self._buf) - self._pos)  # (_more may move the bytes kept)
            if not self._more():
                return -1

    def _take(self, count: int | None = None) -> bytes:
        end = len(self._buf) if count is None else self._pos + count
        taken = bytes(self._buf[self._pos : end])
        self._pos = end
        return taken

    def lines(self) -> Iterator[bytes]:
        while True:
            end = self._find(0)
            if end < 0:
                rest = self._take()
                if rest:  # the last line, with no LF
                    yield rest
                return
            yield self._take(end + 1)

    def blocks(self) -> Iterator[bytes]:
        """The blocks after the lines given: each ends with the first line whose end is
        ``BLOCK_BYTES`` or more into it where its quotes balance (or ``_BALANCE_LINES``
        lines after that one), the last with the file."""
        while True:
            end = self._find(BLOCK_BYTES - 1)
            quotes = 0 if end < 0 else self._buf.count(b'"', self._pos, self._pos + end + 1)
            extra = 0
            while end >= 0 and quotes % 2 and extra < _BALANCE_LINES:
                after = end + 1
                end = self._find(after)
                if end >= 0:
                    quotes += self._buf.count(b'"', self._pos + after, self._pos + end + 1)
                    extra += 1
            if end < 0:  # the file ends first: the rest is the last block
                rest = self._take()
                if rest:
                    yield rest
                return
            yield self._take(end + 1)


def _text_lines(source: Iterable[str]) -> Iterator[str]:
    for line in source:
        if not isinstance(line, str):
            raise ArgumentTypeError(
                f"each line must be str, not {type_name(line)}",
                **wrong_type("each line", line, "str"),
            )
        yield line


def _line_breaks(text: str) -> int:
    """Lines as read_csv counts them: at CR LF, CR or LF."""
    return text.count("\r") + text.count("\n") - text.count("\r\n")


class CsvStream:
    """Records read from a CSV as they come, and what is said about them so far.

    Iterate it once for the records (dicts, as in :class:`~nyukan_rules.CsvTable`);
    ``report`` then holds every finding, with the rows and lines of the whole
    file; ``encoding`` and ``header`` are known once the first block is read.
    """

    def __init__(
        self,
        source: Any,
        columns: Mapping[str, str] | None,
        spec: RecordSpec | None,
        encoding: str | None,
        max_rows: int,
    ) -> None:
        self._source, self._columns, self._spec = source, columns, spec
        self._encoding, self.max_rows = encoding, max_rows
        self.encoding = ""
        """The encoding found (as :attr:`CsvTable.encoding`), once reading began: where
        no encoding is given and the file is ASCII so far, ``utf-8`` until a block
        that is not ASCII decides (``cp932`` where it is not UTF-8)."""
        self.header: tuple[str, ...] = ()
        self.rows = 0
        self.findings: list[Finding] = []
        self._counts: dict[str, int] = {}
        self._started = False
        self._ended: Finding | None = None
        self._decoding = False
        self._header_lines = 1

    @property
    def report(self) -> BatchReport:
        """The findings so far, the notes counting those past the cap last."""
        return BatchReport([*self.findings, *more_findings_notes(self._counts)], rows=self.rows)

    def __iter__(self) -> Iterator[dict[str, str]]:
        if self._started:
            raise ArgumentTypeError(
                "a CsvStream is read once; start another for a second pass", code="csv.read_once"
            )
        self._started = True
        return self._records()

    def _add(self, found: Iterable[Finding], rows: int, lines: int, first: bool) -> None:
        for finding in found:
            code = finding.code
            if code == "report.more_findings":
                capped = finding.params["capped_code"]
                self._counts[capped] = self._counts.get(capped, 0) + finding.params["count"]
                continue
            if not first and (
                code in _HEADER_CODES
                or (
                    isinstance(line := finding.params.get("line"), int)
                    and line <= self._header_lines
                )
            ):
                continue  # the header's, which each later block reads again
            if code == "csv.too_many_rows":
                finding = attrs.evolve(finding, params={**finding.params, "limit": self.max_rows})
            number = self._counts.get(code, 0) + 1
            self._counts[code] = number
            if number <= MAX_FINDINGS_PER_CODE:
                self.findings.append(_moved(finding, rows, lines))

    def _blocks(self) -> Iterator[str | bytes]:
        """Whole lines, each block ending where the quotes balance (or
        ``_BALANCE_LINES`` lines past its size)."""
        source = self._source
        lines: Iterator[bytes] | Iterator[str]
        reader: _ByteReader | None = None
        if isinstance(source, str):
            lines = iter(csvio.split_lines(source))
        elif (
            isinstance(source, Iterable)
            and not isinstance(source, (bytes, bytearray, memoryview))
            and not hasattr(source, "read")
        ):
            peek = iter(source)
            first = next(peek, None)
            if first is None:
                return
            rest = itertools.chain([first], peek)
            lines = _text_lines(rest) if isinstance(first, str) else _byte_lines(rest)
        elif hasattr(source, "read") and not isinstance(source, (bytes, bytearray, memoryview)):
            reader = _ByteReader(source)
            lines = reader.lines()
        else:
            lines = _byte_lines(source)
        first_line = next(lines, None)
        if first_line is None:
            return
        lines = itertools.chain([first_line], lines)  # type: ignore[assignment]
        if (
            isinstance(first_line, bytes)
            and self._encoding is not None
            and not _ascii_lines(self._encoding)
        ):
            self._decoding = True
            lines = self._decoded_lines(lines)  # type: ignore[arg-type]
        quote: Any = None
        ends: Any = None
        bom: Any = None
        block: list[Any] = []
        size = quotes = extra = 0
        text_seen = False
        for line in lines:
            if quote is None:
                quote, ends, bom = (
                    ('"', "\r\n", "\ufeff")
                    if isinstance(line, str)
                    else (b'"', b"\r\n", codecs.BOM_UTF8)
                )
            block.append(line)
            size += len(line)
            quotes += line.count(quote)
            if not text_seen:  # the first block holds the header: past any blank lines
                text_seen = bool(line.strip(ends).lstrip(bom))  # a mark alone is no text
                if not text_seen:
                    continue
            if size >= BLOCK_BYTES:
                if quotes % 2 == 0 or extra >= _BALANCE_LINES:
                    yield quote[:0].join(block)
                    block, size, quotes, extra = [], 0, 0, 0
                    if reader is not None and not self._decoding:
                        yield from reader.blocks()  # the rest of a file, as they come
                        return
                else:
                    extra += 1
        if block:
            yield quote[:0].join(block)

    def _records(self) -> Iterator[dict[str, str]]:
        room = self.max_rows
        for data, table, lines in self._decoded():
            if isinstance(data, Finding):  # a byte the encoding does not hold: the end
                self._add([data], 0, 0, False)
                return
            first = table is not None
            if table is None:
                table = csvio.read_csv(data, columns=self._columns, spec=self._spec, max_rows=room)
            self._add(table.report.findings, 0 if first else self.rows, lines, first)
            self.rows += len(table.records)
            room -= len(table.records)
            yield from table.records
            if room <= 0 and any(f.code == "csv.too_many_rows" for f in table.report.findings):
                return

    def _decoded_lines(self, raw: Iterable[bytes]) -> Iterator[str]:
        """Text lines of an encoding whose line ends are not the bytes CR and LF (UTF-16,
        UTF-32): decoded about 64 KB at a time, cut at CR LF, CR or LF, so that no block
        ends in the middle of a character; a line over many pieces is joined once (never
        split again a piece: bounded time).  A byte the encoding does not hold ends the
        lines, its ``csv.encoding`` finding kept for :meth:`_decoded`."""
        assert self._encoding is not None
        decoder = codecs.getincrementaldecoder(self._encoding)("strict")
        consumed = 0
        pending: list[str] = []  # the pieces of a line not ended yet

        def pieces() -> Iterator[bytes | None]:
            size, held = 0, []
            for chunk in raw:
                held.append(chunk)
                size += len(chunk)
                if size >= 1 << 16:
                    yield b"".join(held)
                    size, held = 0, []
            if held:
                yield b"".join(held)
            yield None

        for chunk in pieces():
            try:
                buffered = len(decoder.getstate()[0])
            except (AttributeError, TypeError, IndexError):  # pragma: no cover - any codec
                buffered = 0
            try:
                text = decoder.decode(b"" if chunk is None else chunk, final=chunk is None)
            except UnicodeError as exc:
                start = exc.start if isinstance(exc, UnicodeDecodeError) else 0
                self._ended = make_finding(
                    "csv.encoding",
                    detail="csv.encoding.not_codec",
                    position=consumed - buffered + start + 1,
                    encoding=self._encoding,
                )
                return
            consumed += len(chunk or b"")
            if pending and pending[-1].endswith("\r") and not text.startswith("\n"):
                yield "".join(pending)  # a line ended by a CR alone, no LF after it
                pending = []
            lines = csvio.split_lines(text)
            if not lines:
                continue
            if pending:
                lines[0] = "".join(pending) + lines[0]
                pending = []
            if chunk is not None and not lines[-1].endswith("\n"):
                pending.append(lines.pop())  # not ended, or by a CR an LF may follow
            yield from lines
        if pending:
            yield "".join(pending)

    def _decoded(self) -> Iterator[tuple[str | bytes | Finding, csvio.CsvTable | None, int]]:
        """Each block as read_csv takes it, with its table where it was read here and the
        physical lines before it (the header's line not counted): the first block whole
        (bytes or text) and read here, since its encoding and header are found there;
        each later one decoded, after the header's line, for the caller to read (which
        :func:`iter_roster_csv` does in worker processes).  Reading ends at a byte the
        encoding does not hold, with its ``csv.encoding`` finding in place of a block,
        for the caller to add after the findings of the blocks before."""
        header_text = ""
        lines = 0  # physical lines before the block (its header's line not counted)
        decoder: Any = None
        first = True
        consumed = 0
        # A file read so far as ASCII, no encoding given: UTF-8 and cp932 both hold it,
        # and the first block with other bytes decides, as read_csv decides for a whole
        # file (a roster's first thousands of rows may be romaji alone).
        undecided = False
        for block in self._blocks():
            if first:
                table = csvio.read_csv(
                    block, columns=self._columns, spec=self._spec, encoding=self._encoding,
                    max_rows=self.max_rows,
                )  # fmt: skip
                self.encoding, self.header = table.encoding, table.header
                if self._decoding:  # decoded here (_decoded_lines): the encoding given
                    self.encoding = str(self._encoding)
                    if self._ended is not None:  # a bad byte in the first block: as
                        self.encoding, self.header = "unknown", ()  # read_csv says it
                        self._add([self._ended], 0, 0, True)
                        return
                if table.encoding == "unknown":
                    self._add(table.report.findings, 0, 0, True)
                    return
                text = (
                    block
                    if isinstance(block, str)
                    else block.decode(_first_codec(table.encoding), "surrogateescape")
                )
                if isinstance(block, bytes):
                    decoder = codecs.getincrementaldecoder(_codec(table.encoding))("strict")
                    undecided = (
                        self._encoding is None and table.encoding == "utf-8" and block.isascii()
                    )
                header_text = _header_line(text)
                yield block, table, 0
                lines = _line_breaks(text) + (0 if text.endswith(("\r", "\n")) else 1)
                # The header's lines are counted by read_csv in each block.
                self._header_lines = max(_line_breaks(header_text), 1)
                lines -= self._header_lines
                consumed = len(block)  # bytes (or characters) read
                first = False
                continue
            if isinstance(block, bytes):
                if undecided and not block.isascii():
                    undecided = False
                    codec, position = self._detected(block)
                    if codec is None:
                        found = make_finding(
                            "csv.encoding",
                            detail="csv.encoding.neither",
                            position=consumed + position,
                        )
                        yield found, None, lines
                        return
                    self.encoding = codec
                    decoder = codecs.getincrementaldecoder(codec)("strict")
                try:
                    text = decoder.decode(block)
                except UnicodeError as exc:  # utf-16 without its mark raises UnicodeError
                    start = exc.start if isinstance(exc, UnicodeDecodeError) else 0
                    found = make_finding(
                        "csv.encoding",
                        detail="csv.encoding.not_codec",
                        position=consumed + start + 1,
                        encoding=self.encoding,
                    )
                    # Said by whoever reads the blocks, once it has said those before.
                    yield found, None, lines
                    return
                consumed += len(block)
            else:
                text = block
            yield header_text + text, None, lines
            lines += _line_breaks(text) + (0 if text.endswith(("\r", "\n")) else 1)
        if self._ended is not None:
            yield self._ended, None, lines
            return
        if first:  # no line at all: what read_csv says of an empty file
            empty = "" if isinstance(self._source, str) else b""
            table = csvio.read_csv(empty, columns=self._columns, spec=self._spec)
            self.encoding, self.header = table.encoding, table.header
            self._add(table.report.findings, 0, 0, True)

    def _detected(self, data: bytes) -> tuple[str | None, int]:
        """(encoding, 0) of a block of a file read as ASCII before it, as read_csv finds
        a whole file's: UTF-8 where it decodes (with read_csv's finding, said first,
        where cp932 reads other characters from it), else cp932; (None, the position
        from 1 of the first byte neither holds)."""
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                data.decode("cp932")
            except UnicodeDecodeError as exc:
                return None, exc.start + 1
            return "cp932", 0
        try:
            other = data.decode("cp932")
        except UnicodeDecodeError:
            return "utf-8", 0
        if other != text and csvio._TWO_BYTE_UTF8.search(text):
            self._counts["csv.ambiguous_encoding"] = 1
            self.findings.insert(0, make_finding("csv.ambiguous_encoding"))
        return "utf-8", 0


def _ascii_lines(encoding: str) -> bool:
    """Whether the encoding writes CR, LF and the quote as those bytes alone (cp932,
    UTF-8, EUC-JP...), so that the bytes can be cut into lines before decoding."""
    try:
        mark = len("".encode(encoding))  # a byte-order mark (utf-8-sig) comes once
        return (
            'a\r\n"'.encode(encoding)[mark:] == b'a\r\n"'
            and codecs.lookup(encoding).name != "utf-7"
        )
    except (LookupError, UnicodeError, TypeError, ValueError):
        return True  # not an encoding: read_csv says so


def _codec(encoding: str) -> str:
    return "utf-8" if encoding in ("utf-8-sig", "str") else encoding


def _first_codec(encoding: str) -> str:
    """The codec of the first block: a UTF-8 byte-order mark is not part of the header."""
    codec = _codec(encoding)
    return "utf-8-sig" if codecs.lookup(codec).name == "utf-8" else codec


#: Lines a header's record may take (a quoted line end in a column's name) before the
#: header is taken as its first line alone, as a quote never closed would make it.
_HEADER_LINES = 16


def _header_line(text: str) -> str:
    """The header's record (its first row with a field) with its line end: the lines
    the csv module reads it from, cut only at CR LF, CR or LF (a name may hold U+2028
    or a quoted line end)."""
    lines = csvio.split_lines(text)
    start = 0
    try:
        reader = csv.reader(lines, csvio._STRICT)  # as read_csv reads it: a stray quote
        for fields in reader:  # makes it the first line alone
            if fields:
                if reader.line_num - start <= _HEADER_LINES:
                    return _ended("".join(lines[start : reader.line_num]))
                break
            start = reader.line_num
    except csv.Error:
        pass
    for line in lines[start:]:  # the first line that is not blank, alone
        if line.strip("\r\n"):
            return _ended(line)
    return ""


def _ended(header: str) -> str:
    """The header's text ended by CR LF: a CR alone would take the LF of a blank line
    that starts the next block."""
    return header.rstrip("\r\n") + "\r\n" if not header.endswith("\r\n") else header


def iter_read_csv(
    source: bytes | str | IO[bytes] | Iterable[bytes] | Iterable[str],
    *,
    columns: Mapping[str, str] | None = None,
    spec: RecordSpec | None = DEFAULT_APPLICANT_SPEC,
    encoding: str | None = None,
    max_rows: int | None = None,
) -> CsvStream:
    """:func:`~nyukan_rules.read_csv` as it goes: records from a file opened in
    binary mode (or an iterable of lines, or the whole bytes or text), a block
    of about 1 MB at a time.

    The records, findings, rows and lines are those ``read_csv`` gives for the
    whole file, with these differences, which only a broken file shows: a
    block ends at a line where the quotes balance, so a quote never closed
    costs its block's lines, at most 10,000, never the rest of the file; and
    the encoding is decided on the first block (a later byte that is not in it
    ends the reading with ``csv.encoding``).  ``max_rows`` defaults to no limit:
    memory does not grow with the rows.

    >>> stream = iter_read_csv([b"employee_id,name_roman\\r\\n", b"E1,YAMADA TARO\\r\\n"])
    >>> list(stream), stream.encoding, stream.report.ok
    ([{'employee_id': 'E1', 'name_roman': 'YAMADA TARO'}], 'utf-8', True)
    """
    if not isinstance(source, (bytes, bytearray, memoryview, str, Iterable)) and not hasattr(
        source, "read"
    ):
        raise ArgumentTypeError(
            "source must be bytes, str, a binary file or an iterable of lines,"
            f" not {type_name(source)}",
            **wrong_type("source", source, "bytes, str, binary file or iterable of lines"),
        )
    csvio.check_read_arguments(columns, spec, encoding)
    limit = (1 << 62) if max_rows is None else ensure_int(max_rows, "max_rows", minimum=0)
    return CsvStream(source, columns, spec, encoding, limit)
