"""The CSV an HR system exports, and the CSV it imports: read_csv() and write_csv().

The standard library's ``csv`` module does the parsing and the writing; this
module decides the encoding without guessing, turns every problem into a
finding with its row, and refuses to write a character the encoding cannot
hold instead of writing ``?``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

import attrs

from nyukan_rules.batch.records import DEFAULT_APPLICANT_SPEC, RecordSpec
from nyukan_rules.errors import ValidationError
from nyukan_rules.messages import make_finding
from nyukan_rules.report import BatchReport, Finding

__all__ = ["CsvTable", "read_csv", "write_csv"]

_BOM = b"\xef\xbb\xbf"


@attrs.frozen
class CsvTable:
    """A CSV read into records, with the encoding it was in and what was wrong."""

    records: tuple[dict[str, str], ...]
    encoding: str
    """``utf-8-sig``, ``utf-8``, ``cp932``, ``str`` (given as text) or ``unknown``."""
    header: tuple[str, ...]
    report: BatchReport


def _decode(data: bytes | str) -> tuple[str | None, str, str]:
    """(text, encoding, why it failed)."""
    if isinstance(data, str):
        return data, "str", ""
    if data.startswith(_BOM):
        try:
            return data[len(_BOM) :].decode("utf-8"), "utf-8-sig", ""
        except UnicodeDecodeError as exc:
            return None, "unknown", f"a UTF-8 byte-order mark, then invalid UTF-8 ({exc.reason})"
    try:
        return data.decode("utf-8"), "utf-8", ""
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932"), "cp932", ""
    except UnicodeDecodeError as exc:
        return None, "unknown", f"byte {exc.start} is valid in neither"


def read_csv(
    data: bytes | str,
    *,
    columns: Mapping[str, str] | None = None,
    spec: RecordSpec | None = DEFAULT_APPLICANT_SPEC,
) -> CsvTable:
    """Read an HR export: UTF-8 (with or without BOM) or cp932, and say which.

    The first line is the header.  ``columns`` renames headers to field names
    (``{"社員番号": "employee_id", …}``); a header that is neither renamed nor
    a field of ``spec`` is reported (pass ``spec=None`` to accept any).
    Bytes in neither encoding, a line the csv module cannot read (a NUL byte,
    an enormous field), a line with too many or too few fields: each is a
    finding with its row, and no value is dropped without one.

    >>> table = read_csv("employee_id,name_roman\\r\\nE1,YAMADA TARO\\r\\n")
    >>> table.records, table.encoding
    (({'employee_id': 'E1', 'name_roman': 'YAMADA TARO'},), 'str')
    """
    findings: list[Finding] = []
    if not isinstance(data, (bytes, bytearray, str)):
        raise ValidationError(f"data must be bytes or str, not {type(data).__name__}")
    text, encoding, why = _decode(bytes(data) if not isinstance(data, str) else data)
    if text is None:
        findings.append(make_finding("csv.encoding", detail=why))
        return CsvTable((), encoding, (), BatchReport(findings))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        raw_header = next(reader)
    except StopIteration:
        findings.append(make_finding("csv.empty"))
        return CsvTable((), encoding, (), BatchReport(findings))
    except csv.Error as exc:
        findings.append(make_finding("csv.malformed", line=1, detail=str(exc)))
        return CsvTable((), encoding, (), BatchReport(findings))
    renames = dict(columns or {})
    header = tuple(renames.get(h.strip(), h.strip()) for h in raw_header)
    known = set(spec.names) if spec is not None else None
    for index, name in enumerate(header):
        if header.index(name) != index:
            findings.append(make_finding("csv.duplicate_column", field=name, name=name))
        elif known is not None and name not in known:
            findings.append(make_finding("csv.unknown_column", field=name, name=name))
    records: list[dict[str, str]] = []
    row = 0
    while True:
        line = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            findings.append(
                attrs.evolve(make_finding("csv.malformed", line=line, detail=str(exc)), row=row)
            )
            records.append({})
            row += 1
            continue
        if not fields:
            continue  # a blank line
        if len(fields) != len(header):
            findings.append(
                attrs.evolve(
                    make_finding(
                        "csv.ragged_row",
                        line=reader.line_num,
                        count=len(fields),
                        expected=len(header),
                    ),
                    row=row,
                )
            )
        records.append(dict(zip(header, fields, strict=False)))
        row += 1
    return CsvTable(tuple(records), encoding, header, BatchReport(findings, rows=len(records)))


def write_csv(
    records: Iterable[Mapping[str, object]],
    *,
    spec: RecordSpec = DEFAULT_APPLICANT_SPEC,
    columns: Sequence[str] | None = None,
    encoding: str = "cp932",
) -> bytes:
    """The records as a CSV an HR system imports (CRLF lines, a header row).

    ``columns`` are the fields in order (default: the spec's).  A character
    the encoding cannot hold raises :class:`~nyukan_rules.ValidationError`
    naming its row and field: never a ``?`` in its place.  ``utf-8-sig``
    writes UTF-8 with a byte-order mark, which Excel opens correctly.
    """
    names = list(columns) if columns is not None else list(spec.names)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    rows: list[list[str]] = []
    for index, record in enumerate(records):
        if not isinstance(record, Mapping):
            raise ValidationError(f"row {index} is not a mapping of field names to values")
        row = []
        for name in names:
            value = record.get(name, "")
            if value is None:
                value = ""
            if not isinstance(value, str):
                raise ValidationError(
                    f"row {index}, field {name}: not text ({type(value).__name__})"
                )
            row.append(value)
        rows.append(row)
    writer.writerows(rows)
    text = out.getvalue()
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        pass
    except LookupError as exc:
        raise ValidationError(f"unknown encoding {encoding!r}") from exc
    for index, row in enumerate(rows):
        for name, value in zip(names, row, strict=True):
            try:
                value.encode(encoding)
            except UnicodeEncodeError as exc:
                char = value[exc.start]
                raise ValidationError(
                    f"row {index}, field {name}: {char!r} (U+{ord(char):04X}) cannot be written"
                    f" in {encoding}"
                ) from exc
    raise ValidationError(f"the header cannot be written in {encoding}")  # pragma: no cover
