"""The CSV an HR system exports, and the CSV it imports: read_csv() and write_csv().

The standard library's ``csv`` module does the parsing and the writing; this
module decides the encoding without guessing, turns every problem into a
finding with its row, keeps every row (a broken quote costs one line, not
the rest of the file), and refuses to write a character the encoding cannot
hold instead of writing ``?``, a field it was not told to write, or a cell a
spreadsheet would run as a formula.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import itertools
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Literal

import attrs

from nyukan_rules._args import ensure_int, ensure_rows, ensure_str, type_name, wrong_type
from nyukan_rules.batch.records import DEFAULT_APPLICANT_SPEC, RecordSpec
from nyukan_rules.errors import ArgumentTypeError, ArgumentValueError, ValidationError
from nyukan_rules.messages import MAX_FINDINGS_PER_CODE, make_finding, more_findings_notes
from nyukan_rules.report import BatchReport, Finding

__all__ = ["MAX_CSV_ROWS", "CsvTable", "read_csv", "write_csv"]

_BOM = b"\xef\xbb\xbf"
MAX_CSV_ROWS = 500_000
"""Rows :func:`read_csv` reads at most by default (its ``max_rows``): a few
hundred thousand people fit, and memory stays bounded for any file up to the
25 MB upload limit."""
#: What Excel and other spreadsheets run as a formula when a cell starts with it
#: (OWASP, "CSV Injection").
_FORMULA_START = frozenset("=+-@\t\r")
#: Cells that start so but are plain numbers or phone numbers: no function can hide there.
_PLAIN = re.compile(r"-|[+-]?[0-9][0-9 ().,/-]*", re.ASCII)
_PATH = re.compile(r"[^,\r\n]*\.(?:csv|tsv|txt|xlsx?|xlsm)|[^,\r\n]*[/\\][^,\r\n]*", re.I)


#: Characters UTF-8 writes in two bytes.  cp932 text that is also valid UTF-8
#: (half-width kana pairs such as ``ﾃｽ``, bytes C3 BD) reads as these; Japanese
#: text written in UTF-8 uses three-byte characters (kana, kanji) only.
_TWO_BYTE_UTF8 = re.compile("[\u0080-\u07ff]")


@attrs.frozen
class CsvTable:
    """A CSV read into records, with the encoding it was in and what was wrong."""

    records: tuple[dict[str, str], ...]
    encoding: str
    """``utf-8-sig``, ``utf-8``, ``cp932``, ``str`` (given as text), the encoding
    the caller named, or ``unknown``."""
    header: tuple[str, ...]
    report: BatchReport


def _decode(data: bytes | str, encoding: str | None) -> tuple[str | None, str, list[Finding]]:
    """(text, encoding, findings)."""
    if isinstance(data, str):
        return data, "str", []
    if encoding is not None:
        codec = codecs.lookup(encoding).name
        try:
            if codec == "utf-8" and data.startswith(_BOM):
                return data[len(_BOM) :].decode("utf-8"), encoding, []
            return data.decode(encoding), encoding, []
        except UnicodeError as exc:  # idna, for one, raises UnicodeError itself
            position = exc.start + 1 if isinstance(exc, UnicodeDecodeError) else 1
            found = make_finding(
                "csv.encoding",
                detail="csv.encoding.not_codec",
                position=position,
                encoding=encoding,
            )
            return None, "unknown", [found]
    if data.startswith(_BOM):
        try:
            return data[len(_BOM) :].decode("utf-8"), "utf-8-sig", []
        except UnicodeDecodeError as exc:
            found = make_finding(
                "csv.encoding", detail="csv.encoding.bom_then_invalid", position=exc.start + 4
            )
            return None, "unknown", [found]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if text.isascii():
            return text, "utf-8", []
        try:
            other = data.decode("cp932")
        except UnicodeDecodeError:
            return text, "utf-8", []
        if other != text and _TWO_BYTE_UTF8.search(text):
            return text, "utf-8", [make_finding("csv.ambiguous_encoding")]
        return text, "utf-8", []
    try:
        return data.decode("cp932"), "cp932", []
    except UnicodeDecodeError as exc:
        found = make_finding("csv.encoding", detail="csv.encoding.neither", position=exc.start + 1)
        return None, "unknown", [found]


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
#: Line breaks of str.splitlines that the csv module (and io.StringIO(newline=""))
#: do not break lines at.
_OTHER_BREAK_CHARS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_CHUNK_FIRST, _CHUNK_MOST = 1 << 12, 1 << 20


def _chunks(text: str) -> Iterator[str]:
    """The text in pieces that each end a line: 4 Ki characters first, doubling up to 1 Mi."""
    offset, end, size = 0, len(text), _CHUNK_FIRST
    while offset < end:
        cut = text.find("\n", offset + size)
        if cut < 0:
            cut = text.find("\r", offset + size)
        cut = end if cut < 0 else cut + 1
        yield text[offset:cut]
        offset, size = cut, min(size * 2, _CHUNK_MOST)


def _split(text: str) -> Callable[[str], list[str]]:
    """How to split a piece of ``text`` into lines as io.StringIO(newline="") does."""
    if any(map(text.__contains__, _OTHER_BREAK_CHARS)):  # quicker than a regex search
        return split_lines
    return _keepends  # only CR and LF break lines: str.splitlines splits the same way


def split_lines(chunk: str) -> list[str]:
    return list(map(re.Match.group, _LINE.finditer(chunk)))


def _keepends(chunk: str) -> list[str]:
    return chunk.splitlines(keepends=True)


#: Lines one row may take before it is cut: a quote that opens a field at the end of
#: every line (``a","``) would otherwise make the rest of the file one row, held in
#: memory twice.  No real row comes near (a quoted field holds 128 Ki characters).
_MAX_ROW_LINES = 10_000
#: Fed to the reader in the middle of a row that has run too long, where it is inside a
#: quoted field (a row goes on past a line's end only there): a quote, then a letter,
#: which the csv module refuses (strict), so the row ends as a broken one.
_CUT = '"x'


_END_OF_DATA = "unexpected end of data"
#: The csv module's dialect for reading, made once: a reader given a dialect object
#: shares it, where one given ``strict=True`` builds its own (most of its cost).
_STRICT = csv.reader((), strict=True).dialect


class _Rows:
    """Rows of the csv module over physical lines, re-reading after a broken line.

    The csv module reads lines as ``io.StringIO(newline="")`` splits them, made
    one at a time from the text.  A second, lagging iterator over the same lines
    (``itertools.tee``) keeps the lines of the row being read.  When a row
    cannot be read (a quote never closed, a stray quote, a field over the csv
    module's limit), its first line is taken alone, its quotes as text, and the
    lines after it that the row had taken are pushed back to be read again:
    a broken quote costs one line, never the rest of the file.  A new reader
    over the pushed-back lines, then the rest, costs a few objects, not a copy
    of the text, so a file of broken lines costs about what a file of good ones
    does.
    """

    def __init__(self, text: str) -> None:
        self._src = itertools.chain.from_iterable(self._pieces(text))
        self.cut = False  # whether a row ran too long and was cut
        #: Lines to read again, the next one last, above a None that ends them.
        self._again: list[str | None] = []
        self.line = 0  # physical lines consumed by finished rows
        self.restarts = 0  # broken rows whose lines after the first were read again
        self.again_lines = 0  # lines read again after them
        self._start([])

    def _pieces(self, text: str) -> Iterator[list[str]]:
        """The lines of the text, a piece at a time (a StringIO would hold a copy of the
        text at four bytes a character); between pieces, a row that has run over
        :data:`_MAX_ROW_LINES` is cut."""
        split = _split(text)
        for chunk in _chunks(text):
            if not self.cut and self.reader.line_num - self.done > _MAX_ROW_LINES:
                self.cut = True
                yield [_CUT]
            yield split(chunk)

    def _start(self, again: list[str]) -> None:
        source: Iterator[str] = self._src
        if again:
            stack = self._again
            if not stack:
                stack.append(None)
            stack.extend(reversed(again))
            source = itertools.chain(iter(stack.pop, None), source)
        ahead, self.lag = itertools.tee(source)
        self.reader = csv.reader(ahead, _STRICT)
        self.done = 0  # lines of this reader consumed by finished rows

    def broken(self, problem: str) -> tuple[int, list[str], str, str]:
        """After the reader raised ``problem``: (the row's first line, its fields read
        alone with quotes as text, the finding code, the problem).  ``line`` and
        ``done`` must be up to date."""
        count = self.reader.line_num - self.done
        first = next(self.lag)
        self.line += 1
        if count == 1:
            self.done += 1  # the reader starts afresh at each row: it goes on
        else:  # read again the lines after the broken row's first
            self.restarts += 1
            again = [x for x in itertools.islice(self.lag, count - 1) if x is not _CUT]
            self.again_lines += len(again)
            self._start(again)
        code = "csv.unterminated_quote" if count > 1 or problem == _END_OF_DATA else "csv.malformed"
        return self.line, first.rstrip("\r\n").split(","), code, problem

    def next(self) -> tuple[int, list[str], str | None, str] | None:
        """(first line of the row, its fields, the code of its finding or None, the
        problem): the next row, None at the end."""
        start = self.line + 1
        try:
            fields = next(self.reader)
        except StopIteration:
            return None
        except csv.Error as exc:
            return self.broken(str(exc))
        number = self.reader.line_num
        count, self.done = number - self.done, number
        self.line += count
        next(itertools.islice(self.lag, count - 1, count), None)
        return start, fields, "csv.multiline_field" if count > 1 else None, str(count)


def read_csv(
    data: bytes | str,
    *,
    columns: Mapping[str, str] | None = None,
    spec: RecordSpec | None = DEFAULT_APPLICANT_SPEC,
    encoding: str | None = None,
    max_rows: int = MAX_CSV_ROWS,
) -> CsvTable:
    """Read an HR export: UTF-8 (with or without BOM) or cp932, and say which.

    The first line is the header.  ``columns`` renames headers to field names
    (``{"社員番号": "employee_id", …}``); a header that is neither renamed nor
    a field of ``spec`` is reported (pass ``spec=None`` to accept any), and a
    header with no field of ``spec`` at all is an error (``csv.no_known_column``:
    often a file name passed as text instead of the file's bytes).

    Without ``encoding``, bytes that read as UTF-8 and as cp932 with different
    text, where the UTF-8 reading has characters UTF-8 writes in two bytes
    (``ý`` from the cp932 half-width kana ``ﾃｽ``, but also ``é``), are an
    error, ``csv.ambiguous_encoding``: name the encoding.  Japanese written
    in UTF-8 (three-byte characters) is taken as UTF-8.  Bytes in neither encoding,
    a line the csv module cannot read, a quote never closed (the line is read
    with its quotes as text and reading goes on at the next line, so no row
    is swallowed), a NUL character, a line with too many or too few fields:
    each is a finding with its row, and no value is dropped without one.
    After 1,000 broken rows (or a row over 10,000 lines) the rest of the file
    is read a line at a time (``csv.line_by_line``): every line is still a
    row, and a 25 MB file of broken lines costs about what a good one does.
    ``encoding`` must be a text encoding (not ``rot13`` or ``base64``:
    :class:`~nyukan_rules.ArgumentValueError`).
    Findings of one code are capped at
    :data:`~nyukan_rules.messages.MAX_FINDINGS_PER_CODE` with a count of the
    rest; rows past ``max_rows`` are not read (``csv.too_many_rows``).
    Values past the header's last column are kept, as one CSV text, under the
    1-based number of the first of them (``"#21": "x,y"``).  A finding's
    ``row`` is the 0-based index in ``records``; messages give the 1-based
    line of the file.

    >>> table = read_csv("employee_id,name_roman\\r\\nE1,YAMADA TARO\\r\\n")
    >>> table.records, table.encoding
    (({'employee_id': 'E1', 'name_roman': 'YAMADA TARO'},), 'str')
    """
    if not isinstance(data, (bytes, bytearray, memoryview, str)):
        raise ArgumentTypeError(
            f"data must be bytes or str, not {type_name(data)}",
            **wrong_type("data", data, "bytes or str"),
        )
    check_read_arguments(columns, spec, encoding)
    max_rows = ensure_int(max_rows, "max_rows", minimum=0)
    raw = data if isinstance(data, str) else bytes(data)
    text, used, found = _decode(raw, encoding)
    if text is None:
        return CsvTable((), used, (), BatchReport(found))
    records: list[dict[str, str]] = []
    header: list[tuple[str, ...]] = []
    counts: dict[str, int] = {}
    findings: list[Finding] = []
    _parse(text, columns or {}, spec, max_rows, records, header, raw, counts, findings)
    findings.extend(more_findings_notes(counts))
    return CsvTable(
        tuple(records),
        used,
        header[0] if header else (),
        BatchReport([*found, *findings], rows=len(records)),
    )


def _finding(code: str, line: int, detail: str) -> Finding:
    """The finding of a row the csv module could not read, or read over lines
    (``detail`` is then the number of lines)."""
    if code == "csv.malformed":
        # The csv module's own words are English: the finding names the problem by a term.
        term = "csv.field_limit" if "field limit" in detail else "csv.unreadable"
        return make_finding(code, line=line, detail=term)
    if code == "csv.multiline_field":
        return make_finding(code, line=line, count=int(detail))
    return make_finding(code, line=line)


def _parse(
    text: str,
    renames: Mapping[str, str],
    spec: RecordSpec | None,
    max_rows: int,
    records: list[dict[str, str]],
    header_out: list[tuple[str, ...]],
    raw: bytes | str,
    counts: dict[str, int],
    findings: list[Finding],
) -> None:
    """Fill ``records``, ``header_out`` and ``findings``.

    Findings of a code past :data:`MAX_FINDINGS_PER_CODE` are counted in
    ``counts`` and not built: a file of a million bad rows costs no more
    than a good one.  One loop reads every row; a row that needs no finding
    (one line, a field per column) costs the csv module's reading and a dict.
    """
    cap = MAX_FINDINGS_PER_CODE

    def wanted(code: str) -> bool:
        count = counts.get(code, 0) + 1
        counts[code] = count
        return count <= cap

    rows = _Rows(text)
    first = rows.next()
    while first is not None and not first[1]:
        first = rows.next()  # blank lines before the header
    if first is None:
        findings.append(make_finding("csv.empty"))
        return
    line, raw_header, code, detail = first
    if code is not None and wanted(code):
        findings.append(_finding(code, line, detail))
    header = tuple(str(renames.get(h.strip(), h.strip())) for h in raw_header)
    header_out.append(header)
    known = set(spec.names) if spec is not None else None
    seen: set[str] = set()
    for name in header:
        if name in seen:
            if wanted("csv.duplicate_column"):
                findings.append(make_finding("csv.duplicate_column", field=name, name=_shown(name)))
        elif known is not None and name not in known and wanted("csv.unknown_column"):
            findings.append(make_finding("csv.unknown_column", field=name, name=_shown(name)))
        seen.add(name)
    if known is not None and not known & seen:
        findings.append(_no_known_column(raw, header))
    # Records are made by a comprehension: dict(zip()) makes a tuple of each pair first.
    width, has_nul = len(header), "\x00" in text
    extra_key = f"#{width + 1}"
    append, islice, room = records.append, itertools.islice, max_rows
    emit = functools.partial(
        _row, header=header, extra_key=extra_key, has_nul=has_nul, wanted=wanted,
        records=records, findings=findings,
    )  # fmt: skip
    while True:
        if rows.cut or rows.restarts >= _LINE_BY_LINE_AFTER or rows.again_lines > _AGAIN_LINES:
            count = max(rows.restarts, 1)
            findings.append(make_finding("csv.line_by_line", line=rows.line + 1, count=count))
            _line_by_line(
                rows.lag, rows.line, header, extra_key, has_nul, room, wanted, records, findings
            )
            return
        reader, lag, done, line = rows.reader, rows.lag, rows.done, rows.line
        try:
            for fields in reader:
                number = rows.done = reader.line_num  # kept up to date for _pieces
                count, done, start = number - done, number, line + 1
                line += count
                if count == 1:
                    raw = next(lag)
                    size = len(fields)
                    if room <= 0 or has_nul:
                        if not fields:
                            continue  # a blank line
                        code = None
                    elif size == width:
                        append({k: v for k, v in zip(header, fields, strict=False)})  # noqa: C416
                        room -= 1
                        continue
                    elif fields:  # too many or too few fields: _row, inline
                        ragged = counts.get("csv.ragged_row", 0) + 1
                        counts["csv.ragged_row"] = ragged
                        if ragged <= cap:
                            finding = make_finding(
                                "csv.ragged_row", line=start, count=size, expected=width
                            )
                            findings.append(attrs.evolve(finding, row=len(records)))
                        record = {k: v for k, v in zip(header, fields, strict=False)}  # noqa: C416
                        if size > width:
                            tail = fields[width:]
                            # A line without quotes: no value needs quoting but a lone
                            # empty one (written "").
                            record[extra_key] = (
                                ",".join(tail)
                                if '"' not in raw and (size > width + 1 or tail[0])
                                else _csv_line(tail)
                            )
                        append(record)
                        room -= 1
                        continue
                    else:
                        continue  # a blank line
                else:
                    next(islice(lag, count - 1, count), None)
                    code = "csv.multiline_field"
                if not emit(start, fields, code, str(count), room=room):
                    return
                room -= 1
        except csv.Error as exc:
            rows.done, rows.line = done, line
            start, fields, code, detail = rows.broken(str(exc))
            if not emit(start, fields, code, detail, room=room):
                return
            room -= 1
        else:
            return


_FIELD = r'(?:"(?:[^"]|"")*"|[^",\r\n][^,\r\n]*|)'
#: A line the csv module, reading it alone, ends inside a quote ("unexpected end of
#: data"): fields it reads, then a quote never closed.  (Checked against the csv module
#: over random lines of quotes and commas.)
_OPEN_AT_END = re.compile(rf'(?:{_FIELD},)*"(?:[^"]|"")*\Z')
#: Broken rows over several lines after which the rest of a file is read a line at a time.
_LINE_BY_LINE_AFTER = 1_000
#: Lines read again after broken rows after which the rest is read a line at a time:
#: rows that each run to the end of the file (``a","`` on every line) would otherwise
#: read the file again for each of them.
_AGAIN_LINES = 100_000


def _line_by_line(
    lines: Iterator[str],
    line: int,
    header: tuple[str, ...],
    extra_key: str,
    has_nul: bool,
    room: int,
    wanted: Callable[[str], bool],
    records: list[dict[str, str]],
    findings: list[Finding],
) -> None:
    """The rest of a file whose quotes go wrong again and again, each line a row by
    itself: a line the csv module cannot read alone is taken with its quotes as text,
    as :meth:`_Rows.broken` takes it, and a line without quotes is split at its commas
    (what the csv module gives for it), so no line is read twice."""
    width, append, limit = len(header), records.append, csv.field_size_limit()
    emit = functools.partial(
        _row, header=header, extra_key=extra_key, has_nul=has_nul, wanted=wanted,
        records=records, findings=findings,
    )  # fmt: skip
    for text in lines:
        line += 1
        code, detail = None, ""
        if len(text) <= limit and ('"' not in text or _OPEN_AT_END.match(text)):
            body = text.rstrip("\r\n")
            if not body:
                continue  # a blank line
            fields = body.split(",")
            if '"' in text:  # a quote left open at the end of the line
                code = "csv.unterminated_quote"
        else:
            try:
                fields = next(csv.reader((text,), _STRICT), [])
            except csv.Error as exc:
                detail = str(exc)
                code = "csv.unterminated_quote" if detail == _END_OF_DATA else "csv.malformed"
                fields = text.rstrip("\r\n").split(",")
            if not fields:
                continue
        if room <= 0 or has_nul:
            if not emit(line, fields, code, detail, room=room):
                return
        else:  # what _row does, inline: most lines of such a file come here
            if code is not None and wanted(code):
                findings.append(attrs.evolve(_finding(code, line, detail), row=len(records)))
            size = len(fields)
            if size != width and wanted("csv.ragged_row"):
                finding = make_finding("csv.ragged_row", line=line, count=size, expected=width)
                findings.append(attrs.evolve(finding, row=len(records)))
            record = {k: v for k, v in zip(header, fields, strict=False)}  # noqa: C416
            if size > width:
                record[extra_key] = _csv_line(fields[width:])
            append(record)
        room -= 1


def _row(
    line: int,
    fields: list[str],
    code: str | None,
    detail: str,
    header: tuple[str, ...],
    extra_key: str,
    has_nul: bool,
    room: int,
    wanted: Callable[[str], bool],
    records: list[dict[str, str]],
    findings: list[Finding],
) -> bool:
    """Add a row that needs a finding or a look; False when there is no room for it."""
    row = len(records)
    if room <= 0:
        finding = make_finding("csv.too_many_rows", limit=row, line=line)
        findings.append(attrs.evolve(finding, row=row))
        return False
    if code is not None and wanted(code):
        findings.append(attrs.evolve(_finding(code, line, detail), row=row))
    if has_nul and "\x00" in "".join(fields) and wanted("csv.nul"):
        findings.append(attrs.evolve(make_finding("csv.nul", line=line), row=row))
    width = len(header)
    if len(fields) != width and wanted("csv.ragged_row"):
        finding = make_finding("csv.ragged_row", line=line, count=len(fields), expected=width)
        findings.append(attrs.evolve(finding, row=row))
    record = dict(zip(header, fields, strict=False))
    if len(fields) > width:
        record[extra_key] = _csv_line(fields[width:])
    records.append(record)
    return True


def _csv_line(fields: list[str]) -> str:
    """Fields as one CSV line (quoted where they must be), without its line end."""
    joined = ",".join(fields)
    if (
        joined
        and joined.count(",") == len(fields) - 1
        and '"' not in joined
        and "\r" not in joined
        and "\n" not in joined
    ):
        return joined  # no field needs quotes: what the csv module would write
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(fields)
    return out.getvalue()


def _shown(value: str, limit: int = 40) -> str:
    short = value[:limit] + ("…" if len(value) > limit else "")
    if not short.isprintable():
        short = short.encode("unicode_escape", "backslashreplace").decode("ascii")
    return short


def _no_known_column(raw: bytes | str, header: tuple[str, ...]) -> Finding:
    looks_like_path = (
        isinstance(raw, str)
        and len(raw) < 4096
        and "\n" not in raw.strip()
        and bool(_PATH.fullmatch(raw.strip()))
    )
    if looks_like_path:
        return make_finding("csv.no_known_column", hint=True)
    return make_finding("csv.no_known_column", hint=False)


def check_read_arguments(columns: object, spec: object, encoding: object) -> None:
    """The arguments read_csv and iter_read_csv share, checked (a wrong type raises)."""
    if columns is not None and not isinstance(columns, Mapping):
        raise ArgumentTypeError(
            f"columns must be a mapping or None, not {type_name(columns)}",
            **wrong_type("columns", columns, "mapping or None"),
        )
    if spec is not None and not isinstance(spec, RecordSpec):
        raise ArgumentTypeError(
            f"spec must be a RecordSpec or None, not {type_name(spec)}",
            **wrong_type("spec", spec, "RecordSpec or None"),
        )
    if encoding is not None:
        check_encoding(encoding)


def check_encoding(encoding: object) -> str:
    """The name of a text encoding: one that turns str into bytes and back.

    codecs.lookup also knows codecs that are not (rot13, base64, zip: str.encode
    refuses them with LookupError) and ``undefined``, which refuses everything."""
    name = ensure_str(encoding, "encoding")
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise ArgumentValueError(
            f"unknown encoding {name[:40]!r}",
            code="csv.unknown_encoding",
            params={"encoding": name[:40]},
        ) from None
    try:
        usable = getattr(info, "_is_text_encoding", True) and "a".encode(name).decode(name) == "a"
    except (LookupError, UnicodeError, TypeError, ValueError):
        usable = False
    if not usable:
        raise ArgumentValueError(
            f"{name[:40]!r} is not a text encoding (one that turns text into bytes and back)",
            code="csv.not_text_encoding",
            params={"encoding": name[:40]},
        )
    return name


_Extra = Literal["error", "write"]
_Guard = Literal["error", "quote", "off"]


def _choice(value: object, name: str, choices: tuple[str, ...]) -> str:
    text = ensure_str(value, name)
    if text not in choices:
        raise ArgumentValueError(
            f"{name} must be one of {', '.join(choices)}",
            code="argument.choice",
            params={"name": name, "choices": ", ".join(choices)},
        )
    return text


def write_csv(
    records: Iterable[Mapping[str, object]],
    *,
    spec: RecordSpec = DEFAULT_APPLICANT_SPEC,
    columns: Sequence[str] | None = None,
    encoding: str = "cp932",
    extra: _Extra = "error",
    formula_guard: _Guard = "error",
) -> bytes:
    """The records as a CSV an HR system imports (CRLF lines, a header row).

    ``columns`` are the fields in order (default: the spec's); a str is
    refused (:class:`~nyukan_rules.ArgumentTypeError`), since it would be
    split into letters.  A field of a record that is not a column raises
    :class:`~nyukan_rules.ValidationError` naming its row and field
    (``extra="error"``), or is written in a column of its own after the
    others (``extra="write"``): no field is left out silently.

    A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return is run as a formula by a spreadsheet (OWASP, "CSV Injection").
    ``formula_guard="error"`` (the default) raises naming the row and field;
    ``"quote"`` writes it with a leading ``'`` (a spreadsheet shows the
    text; a program reading the file sees the ``'``); ``"off"`` writes it as
    it is.  Plain numbers and phone numbers (``-5``, ``+81 90-1234-5678``)
    and a lone ``-`` are written as they are under every setting.

    A character the encoding cannot hold raises
    :class:`~nyukan_rules.ValidationError` naming its row and field: never a
    ``?`` in its place.  ``utf-8-sig`` writes UTF-8 with a byte-order mark,
    which Excel opens correctly.  Rows in messages count from 1.
    """
    ensure_rows(records, "records")
    if not isinstance(spec, RecordSpec):
        raise ArgumentTypeError(
            f"spec must be a RecordSpec, not {type_name(spec)}",
            **wrong_type("spec", spec, "RecordSpec"),
        )
    if columns is not None:
        if isinstance(columns, (str, bytes, bytearray, memoryview, Mapping)) or not isinstance(
            columns, Iterable
        ):
            raise ArgumentTypeError(
                f"columns must be a sequence of column names, not {type_name(columns)}"
                " (a str would be split into letters)",
                **wrong_type("columns", columns, "sequence of column names"),
            )
        columns = list(columns)
        for name in columns:
            ensure_str(name, "each of columns")
    encoding = check_encoding(encoding)
    extra = _choice(extra, "extra", ("error", "write"))  # type: ignore[assignment]
    guard = _choice(formula_guard, "formula_guard", ("error", "quote", "off"))
    names = list(columns) if columns is not None else list(spec.names)
    known = set(names)
    added: list[str] = []
    given = records if isinstance(records, list) else list(records)
    table: list[Mapping[str, object]] = []
    if list(map(type, given)).count(dict) == len(given) and all(map(known.issuperset, given)):
        table = given  # plain records of known fields (a stream's block): no loop a record
    else:
        for index, record in enumerate(given):
            if not isinstance(record, Mapping):
                raise ValidationError(
                    f"row {index + 1} is not a mapping of field names to values"
                    f" ({type_name(record)})",
                    code="csv.write.not_mapping",
                    params={"row": index + 1, "given": type(record).__name__},
                )
            if record.keys() <= known:
                table.append(record)
                continue
            for name in record:
                if name in known:
                    continue
                if not isinstance(name, str):
                    raise ValidationError(
                        f"row {index + 1}: a field name is {type_name(name)}",
                        code="csv.write.field_name",
                        params={"row": index + 1, "given": type(name).__name__},
                    )
                if extra == "error":
                    raise ValidationError(
                        f"row {index + 1}, field {name[:40]!r} is not a column: add it to"
                        " `columns` or the spec, or pass extra='write'",
                        code="csv.write.unknown_column",
                        params={"row": index + 1, "field": name[:40]},
                    )
                known.add(name)
                added.append(name)
            table.append(record)
    names.extend(added)
    rows, text = _rows_text(table, names)
    if guard != "off" and (
        not _FORMULA_START.isdisjoint(name[:1] for name in names) or _FORMULA_CELL.search(text)
    ):
        rows = [
            [
                _guarded(value, guard, index + 1, name)
                for name, value in zip(names, row, strict=True)
            ]
            for index, row in enumerate(rows)
        ]
        header = [_guarded(name, guard, 0, name) for name in names]
        text = _csv_text(header, rows)
    try:
        return text.encode(encoding)
    except UnicodeError:  # idna, for one, raises UnicodeError itself
        pass
    for index, row in enumerate(rows):
        for name, value in zip(names, row, strict=True):
            try:
                value.encode(encoding)
            except UnicodeEncodeError as exc:
                char = value[exc.start]
                raise ValidationError(
                    f"row {index + 1}, field {name}: U+{ord(char):04X} cannot be written"
                    f" in {encoding}",
                    code="csv.write.char",
                    params={
                        "row": index + 1,
                        "field": name,
                        "char": f"U+{ord(char):04X}",
                        "encoding": encoding,
                    },
                ) from None
            except UnicodeError:
                raise ValidationError(
                    f"row {index + 1}, field {name}: cannot be written in {encoding}",
                    code="csv.write.encoding",
                    params={"row": index + 1, "field": name, "encoding": encoding},
                ) from None
    raise ValidationError(
        f"the file cannot be written in {encoding}",
        code="csv.write.file_encoding",
        params={"encoding": encoding},
    )


_STR_ONLY = {str}


#: A cell of the written CSV that may start a formula: one of the characters after a
#: comma, a line feed or an opening quote, but not the CR of a line ending in an empty
#: field (an unquoted field never holds a CR).  A quick first look over the text, which
#: starts at the rare characters; the cells are then checked one by one.
_FORMULA_CELL = re.compile(r'[=+\-@\t\r](?<=[,\n"].)(?<!,\r)')


def _rows_text(
    table: list[Mapping[str, object]], names: list[str]
) -> tuple[list[Sequence[str]], str]:
    """Each record's cells in the order of ``names``, and the CSV of them: at once (in
    C) where every record is a dict with every name and text values (a CSV's, a
    roster's), else one by one (a cell that is not text said by _cells)."""
    if len(names) > 1 and list(map(type, table)).count(dict) == len(table):
        try:
            rows = list(map(operator.itemgetter(*names), table))
        except KeyError:
            pass
        else:
            try:
                body = _joined_rows(rows)  # its join takes text alone: no count of types
            except TypeError:
                pass  # a cell that is not text: _cells says which
            else:
                if body is not None:
                    return rows, _writer_text(names, ()) + body
                cells = list(map(type, itertools.chain.from_iterable(rows)))
                if cells.count(str) == len(cells):  # (a count in C: half a set's time)
                    return rows, _writer_text(names, rows)  # a cell to quote: csv.writer
    rows = [_cells(index, record, names) for index, record in enumerate(table)]
    return rows, _csv_text(names, rows)


def _cells(index: int, record: Mapping[str, object], names: list[str]) -> list[str]:
    row = list(map(record.get, names))
    if set(map(type, row)) != _STR_ONLY:
        row = [_text(index, name, value) for name, value in zip(names, row, strict=True)]
    return row  # type: ignore[return-value]


def _csv_text(names: list[str], rows: Sequence[Sequence[str]]) -> str:
    body = _plain_rows_text(rows)
    return _writer_text(names, rows) if body is None else _writer_text(names, ()) + body


def _writer_text(names: list[str], rows: Sequence[Sequence[str]]) -> str:
    """The header and the rows as csv.writer writes them (excel dialect, CR LF)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    writer.writerows(rows)
    return out.getvalue()


def _plain_rows_text(rows: Sequence[Sequence[str]]) -> str | None:
    """The rows as csv.writer writes them (excel dialect, CR LF), where no cell needs a
    quote: each row's cells joined by commas, the rows by CR LF, in C.  None where a
    cell holds a comma, a quote or a line end, or is not text, or a row is one cell
    (csv.writer quotes one empty cell), which csv.writer then writes.

    Our own because it is about four times quicker than csv.writer on such rows
    (benchmarks/bench_scale.py), and they are what an HR export mostly holds: the
    counts of commas, quotes and line ends tell that no cell held one.
    """
    try:
        return _joined_rows(rows)
    except TypeError:  # a cell that is not text: csv.writer says what it says
        return None


def _joined_rows(rows: Sequence[Sequence[str]]) -> str | None:
    """_plain_rows_text, raising TypeError where a cell is not text."""
    if not rows:
        return ""
    lengths = list(map(len, rows))
    if 1 in lengths:
        return None
    text = "\r\n".join(map(",".join, rows))
    count = len(rows)
    if (
        text.count(",") != sum(lengths) - count + lengths.count(0)
        or '"' in text
        or text.count("\r") != count - 1
        or text.count("\n") != count - 1
    ):
        return None
    return text + "\r\n"


def _text(index: int, name: str, value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(
            f"row {index + 1}, field {name}: not text ({type_name(value)})",
            code="csv.write.not_text",
            params={"row": index + 1, "field": name, "given": type(value).__name__},
        )
    return value


def _guarded(value: str, guard: str, row: int, name: str) -> str:
    """``value`` as written under ``guard``; ``row`` counts from 1 (0: the header)."""
    if not value or value[0] not in _FORMULA_START or _PLAIN.fullmatch(value):
        return value
    if guard == "error":
        where = f"row {row}, field {name}" if row else f"the header, column {name[:40]!r}"
        raise ValidationError(
            f"{where}: starts with {value[0]!r}, which a"
            " spreadsheet runs as a formula; pass formula_guard='quote' to write"
            " it with a leading ' or 'off' to write it as it is",
            code="csv.write.formula" if row else "csv.write.formula_header",
            params={"row": row, "field": name, "char": value[0]}
            if row
            else {"field": name[:40], "char": value[0]},
        )
    return "'" + value
