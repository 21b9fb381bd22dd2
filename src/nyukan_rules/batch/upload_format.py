"""The upload file: rows written as the agency's tool writes them, and read back.

UTF-16LE with a byte-order mark, tab-separated, CRLF between lines; the
rows are checked by :mod:`nyukan_rules.batch.checks` before a file is
written and after one is read.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from nyukan_rules._args import ensure_rows
from nyukan_rules.batch.checks import (
    TemplateChecks,
    bulk_findings,
    cascaded,
    output_value,
    validate_bulk_rows,
)
from nyukan_rules.batch.templates import (
    CODE_PATTERN,
    MAX_ROWS_PER_FILE,
    BulkColumn,
    BulkTemplate,
    as_template,
    bulk_template,
)
from nyukan_rules.errors import UnknownNameError, ValidationError
from nyukan_rules.messages import (
    MAX_FINDINGS_PER_CODE,
    cap_findings,
    make_finding,
    more_findings_notes,
)
from nyukan_rules.report import BatchReport, Finding

__all__ = [
    "MAX_ROWS_READ",
    "BulkFile",
    "read_bulk_file",
    "write_bulk_files",
    "write_validated_bulk_files",
]


def write_bulk_files(
    rows: Iterable[Mapping[str, str]], *, template: BulkTemplate | str
) -> list[tuple[str, bytes]]:
    """The upload files, exactly as the agency's tool writes them.

    UTF-16LE with a byte-order mark, tab-separated, CRLF between lines and
    none after the last, one header row of the physical names; columns 1 to
    3 the sequence number, the code's first three characters and the code;
    labels turned into codes; at most 300 applicants a file.  One file keeps
    the tool's name; several are named ``..._part1_ver001.csv``,
    ``..._part2_ver001.csv`` (the ``_verNNN.csv`` end, which the system
    checks, unchanged).  Names are built only from the template's code and
    version, which must match ``^[0-9]{2}[A-Z][0-9A-Z]$`` and ``^[0-9]{3}$``.
    Rows that fail validation raise :class:`~nyukan_rules.ValidationError`
    carrying the :class:`~nyukan_rules.BatchReport`: no file is written from
    bad data (a control or format character is an error, never written).
    """
    ensure_rows(rows, "rows")
    the_template = as_template(template)
    materialized = list(rows)
    report = validate_bulk_rows(materialized, template=the_template)
    if not report.ok:
        raise ValidationError(
            f"{len(report.errors)} error(s) in {len(report.rows_with_errors)} row(s):"
            " no upload file is written from bad data",
            report=report,
            code="bulk.rows_have_errors",
            params={"count": len(report.errors), "rows": len(report.rows_with_errors)},
        )
    return write_validated_bulk_files(materialized, the_template)


def write_validated_bulk_files(
    materialized: list[Mapping[str, str]], the_template: BulkTemplate
) -> list[tuple[str, bytes]]:
    """The files of rows already checked (no errors)."""
    ctx = the_template.checks
    width = the_template.width
    header = "\t".join(the_template.header)
    chunks = [
        materialized[i : i + MAX_ROWS_PER_FILE]
        for i in range(0, len(materialized), MAX_ROWS_PER_FILE)
    ] or [[]]
    files = []
    converted: dict[tuple[str, str, str], str] = {}  # label -> code, for this batch only
    # A coded value's code depends on the value and, for a cascaded list, on the
    # value of the column whose choice selects the list: converted once per batch.
    coded = [(c, _parent_header(ctx, c)) for c in the_template.columns if c.code_list]
    plain = [c for c in the_template.columns if not c.code_list]
    for part, chunk in enumerate(chunks, start=1):
        lines = [header]
        for number, values in enumerate(chunk, start=1):
            fields = [""] * width
            fields[0], fields[1], fields[2] = str(number), the_template.code[:3], the_template.code
            for column in plain:
                value = values.get(column.header)
                if value:
                    fields[column.position - 1] = value
            # Columns sharing a position (prefecture, then city) are both coded and keep
            # the ledger order, so the later input wins as in the tool.
            for column, parent in coded:
                value = values.get(column.header)
                if not value:
                    continue
                key = (column.header, value, values.get(parent, "") if parent else "")
                out = converted.get(key)
                if out is None:
                    out = converted[key] = output_value(ctx, values, column, value)
                fields[column.position - 1] = out
            lines.append("\t".join(fields))
        text = "\r\n".join(lines)
        name = the_template.upload_file_name(part if len(chunks) > 1 else None)
        files.append((name, b"\xff\xfe" + text.encode("utf-16-le")))
    return files


def _parent_header(checks: TemplateChecks, column: BulkColumn) -> str | None:
    """The header of the column whose choice selects ``column``'s code list, if any."""
    if not cascaded(column) or column.parent_list is None:
        return None
    parent = checks.parent_column(column.parent_list)
    return parent.header if parent is not None else None


@attrs.frozen
class BulkFile:
    """An upload file read back: its template, rows and what was wrong with it."""

    template: BulkTemplate | None
    rows: tuple[dict[str, str], ...]
    report: BatchReport


#: A header row far wider than any template's (622 fields) is not an upload file.
_MAX_FIELDS = 4096


_LINE_BREAKS = re.compile("[\r\n]+")


class _Capped:
    """Findings of one code kept up to the cap, built only while under it; the rest counted."""

    def __init__(self) -> None:
        self.kept: list[Finding] = []
        self.counts: dict[str, int] = {}

    def add(self, code: str, times: int = 1, **values: Any) -> None:
        seen = self.counts.get(code, 0)
        self.counts[code] = seen + times
        row = values.pop("row", None)
        for _ in range(min(times, max(0, MAX_FINDINGS_PER_CODE - seen))):
            self.kept.append(attrs.evolve(make_finding(code, **values), row=row))

    def full(self, code: str) -> bool:
        return self.counts.get(code, 0) >= MAX_FINDINGS_PER_CODE

    def findings(self) -> list[Finding]:
        return [*self.kept, *more_findings_notes(self.counts)]


def _bad_line(capped: _Capped, index: int, detail: str, times: int = 1, **params: Any) -> None:
    """``batch.file_format`` for the data line at 0-based ``index`` (the file's line
    ``index + 2``), ``times`` lines in a row."""
    capped.add(
        "batch.file_format",
        times,
        row=index,
        detail=detail,
        record=index + 1,
        line=index + 2,
        **params,
    )


MAX_ROWS_READ = 10 * MAX_ROWS_PER_FILE
"""How many applicants :func:`read_bulk_file` reads from one file: ten times what the
agency takes.  Lines past it are counted in a ``batch.rows_not_read`` finding, never
held, so a hostile 25 MB file costs bounded memory."""


def read_bulk_file(data: bytes, *, template: BulkTemplate | str | None = None) -> BulkFile:
    """Read an upload file back into rows, to check a file made elsewhere.

    The template is found from columns 1 to 3 where it is not given.  The
    bytes are never trusted: a wrong encoding, a broken line, a value at a
    position no input column is written to (``batch.unmapped_value``), more
    than 300 applicants (``batch.too_many_rows``: the first 300 rows are
    checked; past 3,000, :data:`MAX_ROWS_READ`, lines are counted in
    ``batch.rows_not_read``, not read), the same passport or
    residence card number on two lines (``batch.duplicate_applicant``) or an
    unknown code is a finding, not an exception.  The rows are then checked with
    :func:`validate_bulk_rows`.  Every finding's ``row`` is the data line's
    0-based position (line ``row + 2`` of the file); lines of the wrong
    width are not in :attr:`BulkFile.rows`.  Findings of one code are capped
    at :data:`~nyukan_rules.messages.MAX_FINDINGS_PER_CODE` with a count of
    the rest; the file is read line by line, so memory stays bounded by the
    rows it holds, not by the lines it has.
    """
    capped = _Capped()

    def fail(detail: str, **params: Any) -> BulkFile:
        capped.add("batch.file_format", detail=detail, **params)
        return BulkFile(None, (), BatchReport(capped.findings()))

    if not isinstance(data, (bytes, bytearray, memoryview)) or not data:
        return fail("bulk.file.empty")
    raw = bytes(data)
    if not raw.startswith(b"\xff\xfe"):
        return fail("bulk.file.bom")
    try:
        text = raw[2:].decode("utf-16-le")
    except UnicodeDecodeError as exc:
        return fail("bulk.file.encoding", position=exc.start + 3)  # 1-based, after the BOM
    del raw
    end = text.find("\r\n")
    header_end = len(text) if end < 0 else end
    if text.count("\t", 0, header_end) >= _MAX_FIELDS:
        return fail("bulk.file.header_fields", limit=_MAX_FIELDS)
    header = text[:header_end].split("\t")
    the_template: BulkTemplate | None = None
    if template is not None:
        the_template = as_template(template)
    elif end >= 0:
        second = text.find("\r\n", end + 2)
        first = text[end + 2 : len(text) if second < 0 else second]
        fields = first.split("\t", 3)
        if len(fields) > 2 and CODE_PATTERN.fullmatch(fields[2]):
            try:
                the_template = bulk_template(fields[2])
            except UnknownNameError:  # an unknown code is a finding below
                the_template = None
    if the_template is None:
        return fail("bulk.file.no_template")
    if tuple(header) != the_template.header:
        capped.add(
            "batch.file_format",
            detail="bulk.file.header",
            template=the_template.code,
        )
    width = the_template.width
    code = the_template.code
    positions = [(c.position - 1, c.header) for c in the_template.columns]
    mapped = {p for p, _ in positions} | {0, 1, 2}
    unmapped = [p for p in range(width) if p not in mapped]
    # One C-level look at the unmapped positions per line (two, so a tuple comes back).
    unmapped_values = operator.itemgetter(*unmapped, *unmapped[:1]) if unmapped else None
    rows: list[dict[str, str]] = []
    lines: list[int] = []  # the data line of each row
    broken = not_read = 0
    index, pos, size = -1, (len(text) if end < 0 else end + 2), len(text)
    while end >= 0 and pos <= size:
        if text.startswith("\r\n", pos):  # a run of empty lines, counted at once
            run = _LINE_BREAKS.match(text, pos)
            assert run is not None
            count = text.count("\r\n", pos, run.end())
            if count * 2 != run.end() - pos:  # not only CRLFs: one line at a time
                count = 1
            _bad_line(capped, index + 1, "bulk.file.empty_line", count)
            index += count
            pos += 2 * count
            continue
        index += 1
        stop = text.find("\r\n", pos)
        stop = size if stop < 0 else stop
        tabs = text.count("\t", pos, stop)
        if tabs != width - 1:
            broken += 1
            if broken <= MAX_FINDINGS_PER_CODE:
                _bad_line(capped, index, "bulk.file.columns", fields=tabs + 1, width=width)
            pos = stop + 2
            continue
        fields = text[pos:stop].split("\t")
        pos = stop + 2
        if fields[2] != code:
            _bad_line(capped, index, "bulk.file.kind_code", value=fields[2][:10])
        if unmapped_values is not None and any(unmapped_values(fields)):
            if capped.full("batch.unmapped_value"):  # past the cap: counted at once
                capped.counts["batch.unmapped_value"] += sum(1 for p in unmapped if fields[p])
            else:
                for p in (p for p in unmapped if fields[p]):
                    capped.add(
                        "batch.unmapped_value",
                        row=index,
                        line=index + 2,
                        position=p + 1,
                        name=the_template.header[p] or "―",
                        template=code,
                    )
        rows.append({name: fields[p] for p, name in positions if fields[p]})
        lines.append(index)
        if len(rows) == MAX_ROWS_READ and pos < size:
            # Far past what the agency takes: the rest is counted, not held.
            rest = text.count("\r\n", pos) + (0 if text.endswith("\r\n") else 1)
            capped.add(
                "batch.rows_not_read",
                row=index + 1,
                line=index + 3,
                count=rest,
                limit=MAX_ROWS_PER_FILE,
            )
            not_read = rest
            break
    if broken > MAX_FINDINGS_PER_CODE:  # counted, not built, past the cap
        capped.counts["batch.file_format"] += broken - MAX_FINDINGS_PER_CODE
    if len(rows) > MAX_ROWS_PER_FILE:
        capped.add("batch.too_many_rows", limit=MAX_ROWS_PER_FILE, count=len(rows) + not_read)
    ctx = the_template.checks
    counter = [0]
    counts: dict[str, int] = {}
    checked = [
        attrs.evolve(f, row=lines[f.row]) if f.row is not None else f
        for f in bulk_findings(rows[:MAX_ROWS_PER_FILE], ctx, counter, lines, counts)
    ]
    # The row checks stopped building findings at the cap; what they only counted is
    # said in one note per code, with the code's severity.
    notes = more_findings_notes(counts)
    return BulkFile(
        the_template,
        tuple(rows),
        BatchReport([*capped.findings(), *cap_findings(checked), *notes], rows=len(rows)),
    )
