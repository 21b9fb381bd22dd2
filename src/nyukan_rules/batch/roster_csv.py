"""The HR job from a CSV to CSVs, a block at a time, on worker processes: national scale.

:func:`iter_roster_csv` is :func:`~nyukan_rules.batch.iter_read_csv`, then
:func:`~nyukan_rules.batch.iter_roster` (normalize, validate with the
duplicate check over the whole input, plan), then
:func:`~nyukan_rules.batch.iter_write_csv`, in one pass that yields bytes:
for each block of rows the normalized records as CSV, the renewal plans as
CSV and the findings.  The calling process reads the file, decodes it and
checks the duplicates; with ``workers`` each block's text goes to a worker
process, which reads, normalizes, checks, plans and writes it and sends back
bytes and the few findings.  No record and no plan crosses between processes
(pickling them would cost about as much as the work), which is what lets two
processes do the work of two.
"""

from __future__ import annotations

import csv
import io
import itertools
import operator
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import IO, Any

import attrs

from nyukan_rules.batch import csvio, records, roster
from nyukan_rules.batch.records import DEFAULT_APPLICANT_SPEC, RecordSpec
from nyukan_rules.batch.roster import PLAN_CSV_COLUMNS
from nyukan_rules.batch.stream import (
    CsvStream,
    SeenNumbers,
    _checked_block,
    _in_order,
    _moved,
    _workers,
    duplicate_columns,
    iter_read_csv,
    moved_error,
)
from nyukan_rules.dates import ensure_date
from nyukan_rules.errors import ValidationError
from nyukan_rules.report import BatchReport, Finding

__all__ = ["PLAN_CSV_COLUMNS", "RosterCsv", "RosterCsvBlock", "iter_roster_csv"]


@attrs.frozen
class RosterCsvBlock:
    """One block of :func:`iter_roster_csv`: its rows written out, and what was found."""

    start: int
    """The 0-based row of the block's first record in the whole input."""
    rows: int
    """How many records the block holds."""
    records_csv: bytes
    """The normalized records as CSV (the header's line first in the first block);
    joined over the blocks, the file :func:`~nyukan_rules.write_csv` writes."""
    plans_csv: bytes
    """A row of :data:`PLAN_CSV_COLUMNS` for each person planned, in the input's order
    (the header's line first in the first block)."""
    findings: tuple[Finding, ...]
    """Each row's findings in the order of the rows, as :class:`RosterRow` has them
    (normalizing, the checks on the normalized record, duplicates across the whole
    input), rows of the whole input."""
    unplanned: tuple[Finding, ...]
    """The finding of each person who could not be planned, in the order of the rows."""

    @property
    def planned(self) -> int:
        """How many of the block's people have a plan."""
        return self.rows - len(self.unplanned)


#: What a block's worker sends back: the reading's findings and the number of records,
#: the records' and the plans' CSV bodies, each row's findings (rows of the block), the
#: unplanned people's findings, and the unique fields' values for the duplicate check.
_Done = tuple[
    tuple[Finding, ...],
    int,
    bytes,
    bytes,
    dict[int, tuple[Finding, ...]],
    list[Finding],
    dict[str, Sequence[object]],
]


def _block(
    data: str | bytes,
    first: bool,
    columns: Mapping[str, str] | None,
    spec: RecordSpec,
    encoding: str | None,
    on: date,
    guard: str,
    out_encoding: str,
    header: tuple[str, ...],
) -> _Done:
    """Read, normalize, check, plan and write one block (rows of the block)."""
    names = list(header)
    read: tuple[Finding, ...] = ()
    clean_rows = _clean_rows(data, header) if not first else None
    if clean_rows is not None:  # nothing for read_csv to say: straight to columns
        plain: tuple[tuple[str, ...], Sequence[Sequence[str]]] | None = clean_rows
        # Stand-ins for the records (the column functions take their number and names
        # from them): one dict of the header's names, in order, for every row.
        block: list[dict[str, str]] = [dict.fromkeys(header, "")] * len(clean_rows[1][0])
    else:
        table = csvio.read_csv(
            data, columns=columns, spec=spec, encoding=encoding, max_rows=1 << 62
        )
        read = table.report.findings
        block = list(table.records)
        plain = _plain(block, header)
    body: bytes | None = None
    clean: list[dict[str, str]] | None = None
    normalized: tuple[tuple[str, ...], list[Sequence[str]]] | None
    if plain is not None:  # a CSV's plain records: columns all the way, no record made
        memo: dict[tuple[str, str | None, bool], tuple[Finding, ...]] = {}
        columnar = records.normalize_columns(block, spec, memo, plain, records=False)
        assert columnar is not None
        _, said, normalized = columnar
        more = records.validate_columns(
            block, attrs.evolve(spec, unique_fields=()), on, memo, fields=False, regular=normalized
        )
        assert more is not None
        at = records.at_row
        found = {
            i: tuple(at(i, f) for f in said.get(i, []) + more.get(i, []))
            for i in sorted(said.keys() | more.keys())
        }
        body = _rows_bytes(names, list(zip(*normalized[1], strict=True)), out_encoding, guard)
    else:
        clean, found, normalized = _checked_block(
            block,  # type: ignore[arg-type]
            0,
            spec,
            on,
        )
    if body is None:
        if clean is None:
            clean = _records_of(normalized)
        known = set(names)
        # A ragged row's cells past the header (``#21``, under the name read_csv gives
        # them) are not a column of the file: not written, and told by the row's
        # csv.ragged_row.  Any other field that is not a column raises in write_csv,
        # as in iter_write_csv.
        ragged = f"#{len(header) + 1}"
        written = [
            r if ragged not in r or ragged in known else {k: v for k, v in r.items() if k != ragged}
            for r in clean
        ]
        body = csvio.write_csv(
            written,
            spec=spec,
            columns=names,
            encoding=out_encoding,
            extra="error",
            formula_guard=guard,  # type: ignore[arg-type]
        )
        body = body[len(_header_bytes(names, spec, out_encoding, guard)) :]
    plans_body, unplanned = _plan_lines(clean, normalized, len(block), on, out_encoding, guard)
    unique: dict[str, Sequence[object]]
    if normalized is not None:
        named: dict[str, Sequence[object]] = dict(zip(*normalized, strict=True))
        unique = {name: named.get(name) or [None] * len(block) for name in spec.unique_fields}
    else:
        assert clean is not None
        unique = {name: [r.get(name) for r in clean] for name in spec.unique_fields}
    return (read, len(block), body, plans_body, found, unplanned, unique)


def _records_of(
    normalized: tuple[tuple[str, ...], list[Sequence[str]]] | None,
) -> list[dict[str, str]]:
    """The normalized records of a block given as columns (each record's own order)."""
    assert normalized is not None
    keys, columns = normalized
    return [dict(zip(keys, row, strict=True)) for row in zip(*columns, strict=True)]


def _clean_rows(
    data: str | bytes, header: tuple[str, ...]
) -> tuple[tuple[str, ...], Sequence[Sequence[str]]] | None:
    """A later block's rows as the header's columns, read by the csv module alone, where
    read_csv would say nothing of them and make the same records: every row one line
    with a field a column, no NUL, no line break the csv module does not break at, no
    quote out of place (the strict dialect raises).  None for any other block, which
    read_csv reads."""
    width = len(header)
    if not isinstance(data, str) or width < 2 or len(set(header)) != width:
        return None
    if "\x00" in data or any(map(data.__contains__, csvio._OTHER_BREAK_CHARS)):
        return None
    if '"' not in data:
        return _split_rows(data, header)
    reader = csv.reader(io.StringIO(data, newline=""), csvio._STRICT)
    try:
        rows = list(reader)
    except csv.Error:
        return None
    if len(rows) < 2 or reader.line_num != len(rows):
        return None  # a row over lines, or nothing but the header
    body = rows[1:]
    if list(map(len, body)).count(width) != len(body):
        return None  # a blank line, a ragged row
    return header, list(zip(*body, strict=True))


def _split_rows(
    data: str, header: tuple[str, ...]
) -> tuple[tuple[str, ...], Sequence[Sequence[str]]] | None:
    """_clean_rows of a block with no quote, split in C: after the header's line (which
    the stream writes with CR LF), its lines end all CR LF or all LF, and each holds a
    comma fewer than the header's names, so each is its cells joined by commas (as
    the csv module reads it).  The columns are sliced from the cells of all the
    lines, never made rows.

    Our own because splitting and slicing is about twice as quick as csv.reader and
    turning its rows into columns (benchmarks/bench_scale.py)."""
    width = len(header)
    head = data.find("\n")  # (no quote: the header's line is the first)
    if head < 0:
        return None  # nothing but the header
    body = data[head + 1 :]
    breaks = body.count("\n")
    if body.count("\r\n") == breaks == body.count("\r"):
        end = "\r\n"
    elif "\r" not in body:
        end = "\n"
    else:
        return None  # a CR alone: the csv module breaks lines there too
    lines = body.split(end)
    if not lines[-1]:
        lines.pop()  # the last line's end
    if not lines:
        return None  # nothing but the header
    if list(map(str.count, lines, itertools.repeat(","))).count(width - 1) != len(lines):
        return None  # a blank line, a ragged row
    cells = ",".join(lines).split(",")
    return header, [cells[j::width] for j in range(width)]


def _plain(
    block: list[dict[str, str]], header: tuple[str, ...]
) -> tuple[tuple[str, ...], list[tuple[str, ...]]] | None:
    """regular_columns of records read_csv made, without its checks where they hold by
    construction: every record has the header's names (distinct) in order, and text."""
    width = len(header)
    if not block or len(set(header)) != width or width < 2:
        return None
    if list(map(len, block)).count(width) != len(block):
        return None  # a ragged row (its extra cells under ``#21``)
    if tuple(block[0]) != header:
        return None
    return header, list(zip(*map(operator.itemgetter(*header), block), strict=True))


def _rows_bytes(
    names: list[str], rows: list[tuple[str, ...]], encoding: str, guard: str
) -> bytes | None:
    """The rows as CSV without the header's line, written at once; None where a cell may
    start a formula or a character is not in the encoding (write_csv then says which)."""
    text = csvio._csv_text(names, rows)
    head = len(csvio._csv_text(names, []))  # the header's line (a quoted line end in it)
    if guard != "off" and csvio._FORMULA_CELL.search(text, head):
        return None
    try:
        return _body(text, head, encoding)
    except UnicodeError:
        return None


def _body(text: str, head: int, encoding: str) -> bytes:
    """The bytes of ``text`` after its first ``head`` characters (the header's line), as
    write_csv cuts them: encoded whole, so that a byte-order mark (utf-8-sig, utf-16)
    goes with the header and never before a block's rows."""
    if len("".encode(encoding)) == 0:  # no mark: the rows alone
        return text[head:].encode(encoding)
    return text.encode(encoding)[len(text[:head].encode(encoding)) :]


def _plan_lines(
    clean: list[dict[str, str]] | None,
    normalized: tuple[tuple[str, ...], list[Sequence[str]]] | None,
    count: int,
    on: date,
    encoding: str,
    guard: str,
) -> tuple[bytes, list[Finding]]:
    """The plans' CSV body and the unplanned people's findings: each distinct plan's
    line written once where the block is in columns (and no id or name needs quoting
    or a guard), else the cells through csv.writer."""
    if normalized is not None and guard != "quote":
        fees = roster.extension_fee_ranges(on)
        named = dict(zip(*normalized, strict=True))
        lines = roster.plan_lines_of_columns(named, count, on, fees)
        if lines is not None:
            text, unplanned = lines
            header = csvio._csv_text(list(PLAN_CSV_COLUMNS), [])
            try:
                return _body(header + text, len(header), encoding), unplanned
            except UnicodeError:
                pass  # write_csv says which row and cell
    cells, unplanned = _plans(clean, normalized, count, on)  # (records made if needed)
    return _plan_bytes(cells, encoding, guard), unplanned


def _plans(
    clean: list[dict[str, str]] | None,
    normalized: tuple[tuple[str, ...], list[Sequence[str]]] | None,
    count: int,
    on: date,
) -> tuple[list[tuple[str, ...]], list[Finding]]:
    """Each person's plan cells, and the findings of those who cannot be planned: from
    the columns, or the normalized records where a text is too long for the memo."""
    fees = roster.extension_fee_ranges(on)
    if normalized is not None:
        done = roster.plan_cells_of_columns(dict(zip(*normalized, strict=True)), count, on, fees)
        if done is not None:
            return done
        if clean is None:  # a text too long for the memo: the records, row by row
            clean = _records_of(normalized)
    assert clean is not None
    cells: list[tuple[str, ...]] = []
    unplanned: list[Finding] = []
    plan_cells = roster.plan_cells
    for i, record in enumerate(clean):
        out = plan_cells(record, i, on, fees)
        if isinstance(out, Finding):
            unplanned.append(out)
        else:
            cells.append(out)
    return cells, unplanned


def _header_bytes(names: Sequence[str], spec: RecordSpec, encoding: str, guard: str) -> bytes:
    return csvio.write_csv(
        [],
        spec=spec,
        columns=list(names),
        encoding=encoding,
        formula_guard=guard,  # type: ignore[arg-type]
    )


_PLAN_SPEC = RecordSpec(fields=())


def _plan_bytes(rows: list[tuple[str, ...]], encoding: str, guard: str) -> bytes:
    """The plans' rows as CSV, without the header's line: written at once where no cell
    may start a formula and every character is in the encoding, else through
    write_csv, which says which row and cell."""
    names = list(PLAN_CSV_COLUMNS)
    text = csvio._csv_text(names, rows)
    head = len(csvio._csv_text(names, []))
    starts = csvio._FORMULA_START
    # Only the id and the name may start a formula (days_left is a plain number when
    # negative, which write_csv writes as it is).  They are cells of the records'
    # file, written first: under "error" one that starts a formula has raised there.
    if guard != "quote" or not any(r[0][:1] in starts or r[1][:1] in starts for r in rows):
        try:
            return _body(text, head, encoding)
        except UnicodeError:
            pass
    data = csvio.write_csv(
        [dict(zip(names, row, strict=True)) for row in rows],
        spec=_PLAN_SPEC,
        columns=names,
        encoding=encoding,
        formula_guard=guard,  # type: ignore[arg-type]
    )
    return data[len(_header_bytes(names, _PLAN_SPEC, encoding, guard)) :]


class RosterCsv:
    """The blocks of :func:`iter_roster_csv` as they come, and what the reading said.

    Iterate it once for :class:`RosterCsvBlock` objects; ``report`` then holds the
    reading's findings (as :class:`~nyukan_rules.batch.CsvStream` has them), and
    ``encoding``, ``header`` and ``rows`` are known once the first block is read.
    """

    def __init__(
        self,
        csv: CsvStream,
        columns: Mapping[str, str] | None,
        spec: RecordSpec,
        encoding: str | None,
        on: date,
        out_encoding: str,
        guard: str,
        workers: int | None,
    ) -> None:
        self._csv, self._columns, self._spec, self._encoding = csv, columns, spec, encoding
        self._on, self._out, self._guard, self._workers = on, out_encoding, guard, workers
        self._started = False

    @property
    def report(self) -> BatchReport:
        """The reading's findings so far (those past the cap counted in notes)."""
        return self._csv.report

    @property
    def encoding(self) -> str:
        return self._csv.encoding

    @property
    def header(self) -> tuple[str, ...]:
        return self._csv.header

    @property
    def rows(self) -> int:
        return self._csv.rows

    def __iter__(self) -> Iterator[RosterCsvBlock]:
        if self._started:
            from nyukan_rules.errors import ArgumentTypeError

            raise ArgumentTypeError(
                "a RosterCsv is read once; start another for a second pass",
                code="csv.read_once",
            )
        self._started = True
        return self._blocks()

    def _blocks(self) -> Iterator[RosterCsvBlock]:
        csv, spec = self._csv, self._spec
        decoded = csv._decoded()
        first = next(decoded, None)
        if first is None:  # nothing to read (its findings are in the report)
            return
        if isinstance(first[0], Finding):  # pragma: no cover - the first block decodes
            csv._add([first[0]], 0, 0, False)
            return
        header = csv.header
        unique = RecordSpec(fields=spec.fields, unique_fields=spec.unique_fields)
        seen = SeenNumbers()
        # The lines before each block, kept in order for its findings; the finding that
        # ends the reading, said after every block before it (workers read ahead).
        lines: list[int] = []
        ended: list[Finding] = []

        def texts() -> Iterator[str | bytes]:
            for data, _table, before in itertools.chain([first], decoded):
                if isinstance(data, Finding):
                    ended.append(data)
                    return
                lines.append(before)
                yield data

        encodings = itertools.chain([self._encoding], itertools.repeat(None))
        done = _in_order(
            _run_block,
            zip(texts(), encodings, strict=False),
            self._workers,
            self._columns,
            spec,
            self._on,
            self._guard,
            self._out,
            header,
            count=lambda _: 1,  # the offset a block is given: its index
        )
        row = 0
        index = 0
        try:
            for read, count, body, plans, found, unplanned, values in done:
                before = lines[index]
                csv._add(read, 0 if index == 0 else row, before, index == 0)
                if not header and not count:  # no header, no rows (a mark, blank lines):
                    index += 1  # nothing to write, as iter_write_csv writes nothing
                    continue
                csv.rows += count
                more: dict[int, list[Finding]] = {}
                if spec.unique_fields:
                    more = duplicate_columns(values, unique, row, seen)
                findings: list[Finding] = []
                for i in sorted(found.keys() | more.keys()):
                    findings.extend(_moved(f, row) for f in found.get(i, ()))
                    findings.extend(more.get(i, ()))
                if index == 0:
                    body = _header_bytes(header, spec, self._out, self._guard) + body
                    plans = (
                        _header_bytes(PLAN_CSV_COLUMNS, _PLAN_SPEC, self._out, self._guard) + plans
                    )
                yield RosterCsvBlock(
                    row,
                    count,
                    body,
                    plans,
                    tuple(findings),
                    tuple(_moved(f, row) for f in unplanned),
                )
                row += count
                index += 1
        except ValidationError as exc:
            raise moved_error(exc, row) from None
        csv._add(ended, 0, 0, False)


def _run_block(item: tuple[str | bytes, str | None], offset: int, *args: Any) -> _Done:
    data, encoding = item
    columns, spec, on, guard, out_encoding, header = args
    # The first block (index 0) is the one given whole, its header's findings its own.
    return _block(data, offset == 0, columns, spec, encoding, on, guard, out_encoding, header)


def iter_roster_csv(
    source: bytes | str | IO[bytes] | Any,
    *,
    on: date,
    columns: Mapping[str, str] | None = None,
    spec: RecordSpec = DEFAULT_APPLICANT_SPEC,
    encoding: str | None = None,
    out_encoding: str = "cp932",
    formula_guard: str = "error",
    workers: int | None = None,
) -> RosterCsv:
    """The HR job from a CSV to CSVs, as it goes: read, normalize, validate, plan, write.

    For each block of about 1 MB of the file, a :class:`RosterCsvBlock`: the
    normalized records as CSV (the input's columns, in its order), the plans as
    CSV (:data:`PLAN_CSV_COLUMNS`), each row's findings and the unplanned
    people's findings, rows of the whole input.  Joined, the blocks' bytes are
    what :func:`~nyukan_rules.batch.iter_read_csv`, then
    :func:`~nyukan_rules.batch.iter_roster` and
    :func:`~nyukan_rules.batch.iter_write_csv` (``columns`` the input's header)
    give, and the findings are theirs; the reading's own findings are in
    ``report`` once the blocks are read.  Memory stays flat; the duplicate
    check spans the whole input.  ``workers`` processes take blocks side by
    side, and only text and bytes cross between processes.

    A ragged row's cells past the header are not written (its ``csv.ragged_row``
    tells of them).  As :func:`~nyukan_rules.batch.iter_write_csv`, a
    character ``out_encoding`` cannot hold and, with ``formula_guard="error"``,
    a cell a spreadsheet would run as a formula raise
    :class:`~nyukan_rules.ValidationError` naming the row of the whole input:
    the first block's with one (within a block, a formula before a character;
    blocks here end at about 1 MB, iter_write_csv's at 5,000 rows, so in a file
    with both problems far apart the two may name different ones first).

    >>> blocks = list(iter_roster_csv(
    ...     "employee_id,status,period_of_stay,expires_on\\r\\nE1,技人国,1年,2027/01/31\\r\\n",
    ...     on=date(2026, 11, 22), out_encoding="utf-8"))
    >>> blocks[0].records_csv.decode().splitlines()[1]
    'E1,技人国,1年,20270131'
    >>> plan = blocks[0].plans_csv.decode().splitlines()[1]
    >>> plan.startswith("E1,,engineer_specialist_humanities_international,period_of_stay,open")
    True
    >>> blocks[0].planned, len(blocks[0].unplanned), blocks[0].findings[0].code
    (1, 0, 'field.required')
    """
    records.ensure_spec(spec)
    on = ensure_date(on, "on")
    out_encoding = csvio.check_encoding(out_encoding)
    guard = csvio._choice(formula_guard, "formula_guard", ("error", "quote", "off"))
    stream = iter_read_csv(source, columns=columns, spec=spec, encoding=encoding)
    if columns is not None:
        columns = dict(columns)  # a plain dict crosses to the workers (a mappingproxy not)
    return RosterCsv(stream, columns, spec, encoding, on, out_encoding, guard, _workers(workers))
