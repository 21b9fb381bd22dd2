"""Streaming forms and workers (issue 13, part 1): the list functions' results, flat memory.

Source: issue 13 "Scale" (every stage held the whole table; per-chunk validation
missed 31 duplicate passports/cards across chunks).
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nyukan_rules as nr
from nyukan_rules.batch import stream
from nyukan_rules.batch.stream import (
    RosterRow,
    SeenNumbers,
    iter_normalize_records,
    iter_plan_renewals,
    iter_read_csv,
    iter_roster,
    iter_validate_records,
    iter_write_csv,
)
from nyukan_rules.examples import EXAMPLE_HR_COLUMNS, example_hr_export
from tests.budget import child_script, run_child

ON = date(2026, 11, 22)


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of 97 rows and 20 KB, so a few hundred rows span several blocks."""
    monkeypatch.setattr(stream, "BLOCK_ROWS", 97)
    monkeypatch.setattr(stream, "BLOCK_BYTES", 20_000)


@pytest.fixture(scope="module")
def export() -> bytes:
    """An export whose duplicates lie in different blocks (rows 0 and 699, 3 and 400)."""
    text = example_hr_export(700).decode("cp932")
    lines = text.split("\r\n")
    card = lines[0].split(",").index("在留カード番号")
    cells = lines[401].split(",")
    cells[card] = lines[4].split(",")[card]
    lines[401] = ",".join(cells)
    return "\r\n".join(lines).encode("cp932")


@pytest.fixture(scope="module")
def table(export: bytes) -> nr.CsvTable:
    return nr.read_csv(export, columns=EXAMPLE_HR_COLUMNS)


@pytest.mark.usefixtures("small_blocks")
@pytest.mark.parametrize("how", ["file", "lines", "bytes", "text"])
def test_iter_read_csv_equals_read_csv(export: bytes, table: nr.CsvTable, how: str) -> None:
    source: object = {
        "file": io.BytesIO(export),
        "lines": iter(export.splitlines(keepends=True)),
        "bytes": export,
        "text": export.decode("cp932"),
    }[how]
    found = iter_read_csv(source, columns=EXAMPLE_HR_COLUMNS)  # type: ignore[arg-type]
    assert list(found) == list(table.records)
    assert found.report == table.report
    assert found.header == table.header
    assert found.encoding == (table.encoding if how != "text" else "str")


@pytest.mark.usefixtures("small_blocks")
def test_iter_read_csv_broken_rows_keep_their_lines() -> None:
    """Ragged rows, a quoted value over lines and NUL in later blocks: the findings of
    read_csv, with the lines and rows of the whole file."""
    lines = ["employee_id,name_roman,status\r\n"]
    for i in range(600):
        if i % 97 == 5:
            lines.append(f"E{i},ONLY TWO\r\n")
        elif i % 131 == 7:
            lines.append(f'E{i},"TWO\r\nLINES",留学\r\n')
        elif i == 450:
            lines.append(f"E{i},N\x00UL,留学\r\n")
        else:
            lines.append(f"E{i},NAME {i},留学\r\n")
    data = "".join(lines).encode("utf-8")
    expected = nr.read_csv(data)
    found = iter_read_csv(io.BytesIO(data))
    assert list(found) == list(expected.records)
    assert found.report == expected.report
    assert {f.code for f in found.report.findings} >= {"csv.ragged_row", "csv.multiline_field"}


@pytest.mark.parametrize("empty", [b"", "", [], io.BytesIO(b"")])
def test_iter_read_csv_of_nothing(empty: object) -> None:
    found = iter_read_csv(empty)  # type: ignore[arg-type]
    expected = nr.read_csv("" if isinstance(empty, str) else b"")
    assert list(found) == []
    assert found.report == expected.report
    assert [f.code for f in found.report.findings] == ["csv.empty"]


@pytest.mark.usefixtures("small_blocks")
def test_iter_read_csv_utf8_with_bom_over_blocks() -> None:
    lines = ["employee_id,name_kana\r\n"] + [f"E{i},ヤマダ　{i}\r\n" for i in range(3_000)]
    data = b"\xef\xbb\xbf" + "".join(lines).encode("utf-8")
    expected = nr.read_csv(data)
    found = iter_read_csv(io.BytesIO(data))
    assert list(found) == list(expected.records)
    assert (found.encoding, found.header, found.report) == (
        expected.encoding,
        expected.header,
        expected.report,
    )


@pytest.mark.usefixtures("small_blocks")
def test_iter_read_csv_a_later_byte_in_no_encoding_ends_the_reading() -> None:
    """The encoding is decided on the first block: a later byte that is not in it is an
    error finding, and reading ends there (nothing after it is taken as a guess)."""
    good = "".join(f"E{i},ヤマダ\r\n" for i in range(3_000)).encode("cp932")
    data = b"employee_id,name_kana\r\n" + good + b"E9,\x85\x40\r\n"  # 0x8540: no cp932
    found = iter_read_csv(io.BytesIO(data))
    records = list(found)
    assert found.encoding == "cp932"
    assert len(records) < 3_001
    assert not found.report.ok
    last = found.report.findings[-1]
    assert last.code == "csv.encoding"
    assert last.params["position"] == len(data) - 3  # the byte 0x85, counted from 1
    assert "cp932" in last.message("en")


def test_iter_read_csv_reads_once() -> None:
    found = iter_read_csv(b"employee_id\r\nE1\r\n")
    list(found)
    with pytest.raises(nr.ArgumentTypeError):
        iter(found)


@pytest.mark.usefixtures("small_blocks")
@pytest.mark.parametrize("workers", [None, 2])
def test_iter_validate_records_equals_validate_records(
    table: nr.CsvTable, workers: int | None
) -> None:
    records = list(table.records)
    expected = nr.validate_records(records, on=ON)
    got = list(iter_validate_records(iter(records), on=ON, workers=workers))
    assert got == list(expected.findings)
    # The duplicates across blocks are found, at rows of the whole input.
    assert {f.row for f in got if f.code == "record.duplicate"} == {400, 699}
    capped = nr.validate_records(records, on=ON, max_findings_per_code=3)
    assert list(
        iter_validate_records(records, on=ON, max_findings_per_code=3, workers=workers)
    ) == list(capped.findings)


@pytest.mark.usefixtures("small_blocks")
def test_iter_validate_records_not_a_row() -> None:
    rows: list[object] = [{"employee_id": "E1"}] * 150 + ["text", None]
    expected = nr.validate_records(rows, on=ON)
    assert list(iter_validate_records(rows, on=ON)) == list(expected.findings)
    assert [f.row for f in expected.by_code("batch.not_a_row")] == [150, 151]


@pytest.mark.usefixtures("small_blocks")
@pytest.mark.parametrize("workers", [None, 2])
def test_iter_normalize_records_equals_normalize_records(
    table: nr.CsvTable, workers: int | None
) -> None:
    clean, report = nr.normalize_records(table.records)
    pairs = list(iter_normalize_records(table.records, workers=workers))
    assert [record for record, _ in pairs] == clean
    assert [f for _, found in pairs for f in found] == list(report.findings)


@pytest.mark.usefixtures("small_blocks")
@pytest.mark.parametrize("workers", [None, 2])
def test_iter_plan_renewals_equals_plan_renewals(table: nr.CsvTable, workers: int | None) -> None:
    clean, _ = nr.normalize_records(table.records)
    schedule = nr.plan_renewals(clean, on=ON)
    items = list(iter_plan_renewals(clean, on=ON, workers=workers))
    assert len(items) == len(clean)
    plans = [x for x in items if isinstance(x, nr.RenewalPlan)]
    assert sorted(plans, key=_due) == sorted(schedule.plans, key=_due)
    assert [x for x in items if not isinstance(x, nr.RenewalPlan)] == list(schedule.report.findings)


def _due(plan: nr.RenewalPlan) -> tuple[object, ...]:
    return (plan.last_day or date.max, plan.person.id, plan.urgency.value)


@pytest.mark.usefixtures("small_blocks")
@pytest.mark.parametrize("workers", [None, 2])
def test_iter_roster_is_the_three_functions(table: nr.CsvTable, workers: int | None) -> None:
    clean, normalized = nr.normalize_records(table.records)
    checked = nr.validate_records(clean, on=ON)
    rows = list(iter_roster(table.records, on=ON, workers=workers))
    assert all(isinstance(r, RosterRow) for r in rows)
    assert [r.row for r in rows] == list(range(len(clean)))
    assert [r.record for r in rows] == clean
    for r in rows:
        own, checks = normalized.by_row(r.row), checked.by_row(r.row)
        # Every finding of both, once: the field checks of the normalized values are
        # normalize_records' (validate_records makes the same ones again).
        assert r.findings == own + tuple(f for f in checks if f not in own)
        assert all(f in r.findings for f in checks)
    unplanned = [r.plan for r in rows if not isinstance(r.plan, nr.RenewalPlan)]
    assert unplanned == list(nr.plan_renewals(clean, on=ON).report.findings)


@pytest.mark.usefixtures("small_blocks")
def test_iter_write_csv_equals_write_csv(table: nr.CsvTable) -> None:
    clean, _ = nr.normalize_records(table.records)
    assert b"".join(iter_write_csv(clean)) == nr.write_csv(clean)
    assert b"".join(iter_write_csv([])) == nr.write_csv([])


@pytest.mark.usefixtures("small_blocks")
def test_iter_write_csv_names_the_row_of_the_whole_input() -> None:
    records = [{"employee_id": f"E{i}"} for i in range(300)]
    records[250] = {"employee_id": "=cmd()"}
    with pytest.raises(nr.ValidationError, match=r"\Arow 251, field employee_id"):
        b"".join(iter_write_csv(records, columns=["employee_id"]))


def test_seen_numbers_first_rows() -> None:
    seen = SeenNumbers(capacity=4)
    for row in range(5_000):  # grows several times
        assert seen.setdefault(("passport_number", f"P{row}"), row) == row
    assert seen.setdefault(("passport_number", "P17"), 9_999) == 17
    assert seen.setdefault(("residence_card_number", "P17"), 9_999) == 9_999
    assert len(seen) == 5_001
    far = 2**32 + 5  # a row past what 4 bytes hold: the rows widen, nothing is lost
    assert seen.setdefault(("passport_number", "FAR"), far) == far
    assert seen.setdefault(("passport_number", "FAR"), 0) == far
    assert seen.setdefault(("passport_number", "P4999"), 0) == 4_999


def test_seen_numbers_a_column_at_a_time_as_a_value_at_a_time() -> None:
    # first_rows (a block's column, probed in one loop) gives what setdefault gives a
    # value at a time: each value seen before, with its first row, across blocks and
    # the table's growth.
    blocks = [[f"P{(b * 37 + i * 11) % 90}" if i % 7 else "" for i in range(40)] for b in range(6)]
    blocks[2][5] = None  # type: ignore[call-overload]  # not text: skipped
    by_column, by_value = SeenNumbers(capacity=4), SeenNumbers(capacity=4)
    start = 2**32 - 100  # rows past 4 bytes on the way: widened, nothing lost
    for values in blocks:
        want = []
        for i, value in enumerate(values):
            if value and isinstance(value, str):
                first = by_value.setdefault(("passport_number", value), start + i)
                if first != start + i:
                    want.append((i, first))
        assert by_column.first_rows("passport_number", values, start) == want
        start += len(values)
    assert len(by_column) == len(by_value) == 90
    assert by_column.first_rows("residence_card_number", ["P1"], start) == []


def test_workers_argument() -> None:
    with pytest.raises(nr.ArgumentValueError):
        iter_validate_records([], on=ON, workers=0)
    with pytest.raises(nr.ArgumentTypeError):
        iter_validate_records([], on=ON, workers="2")  # type: ignore[arg-type]


def test_streaming_memory_stays_flat() -> None:
    """10^6 records validated (duplicates checked over all of them) and 200,000 CSV lines
    read, from generators, in a child limited to 400 MB: resident memory after the
    first 20,000 records grows by less than 64 MB (the duplicate table of a million
    numbers is 32 MB).  A light spec (two fields) keeps this to seconds: the memory
    of a stream does not depend on the checks' cost per record."""
    body = """
    import sys
    from datetime import date
    from nyukan_rules.batch.records import FieldSpec, RecordSpec
    from nyukan_rules.batch.stream import iter_read_csv, iter_validate_records
    from nyukan_rules.text.fields import FieldKind

    spec = RecordSpec(
        fields=(
            FieldSpec("employee_id", FieldKind.TEXT),
            FieldSpec("passport_number", FieldKind.TEXT),
        ),
        unique_fields=("passport_number",),
    )
    marks = {}

    def people(n):
        for i in range(n):
            if i == 20_000:
                marks["start"] = peak_kb()
            number = i if i != 999_999 else 3
            yield {"employee_id": "E%d" % i, "passport_number": "P%08d" % number}

    found = list(iter_validate_records(people(1_000_000), spec=spec, on=date(2026, 11, 22)))
    assert [(f.code, f.row) for f in found] == [("record.duplicate", 999_999)], found
    validated = peak_kb() - marks["start"]

    def lines(n):
        yield b"employee_id,passport_number\\r\\n"
        for i in range(n):
            if i == 20_000:
                marks["read"] = peak_kb()
            yield b"E%d,P%08d\\r\\n" % (i, i)

    table = iter_read_csv(lines(200_000), spec=None)
    count = sum(1 for _ in table)
    assert count == 200_000 and table.report.ok
    read = peak_kb() - marks["read"]
    print(validated, read)
    """
    out = run_child(child_script(body, address_mb=1024, cpu_s=120), timeout=240)
    validated, read = map(int, out.split())
    assert validated < 64 * 1024, validated
    assert read < 16 * 1024, read


@pytest.mark.usefixtures("small_blocks")
def test_list_functions_with_workers(table: nr.CsvTable) -> None:
    """``workers=`` on the list functions: the same results as one process (issue 13)."""
    records = list(table.records)
    clean, normalized = nr.normalize_records(records)
    assert nr.normalize_records(iter(records), workers=2) == (clean, normalized)
    checked = nr.validate_records(clean, on=ON)
    assert nr.validate_records(iter(clean), on=ON, workers=2) == checked
    assert nr.validate_records(clean, on=ON, max_findings_per_code=2, workers=2) == (
        nr.validate_records(clean, on=ON, max_findings_per_code=2)
    )
    assert nr.plan_renewals(iter(clean), on=ON, workers=2) == nr.plan_renewals(clean, on=ON)


# --- What a second review found: iter_read_csv against read_csv of the whole input ---


@pytest.fixture
def tiny_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of 256 bytes: each input below spans many."""
    monkeypatch.setattr(stream, "BLOCK_BYTES", 256)


def _same_as_whole(data: bytes | str, **kw: object) -> list[dict[str, str]]:
    whole = nr.read_csv(data, spec=None, **kw)  # type: ignore[arg-type]
    read = iter_read_csv(data, spec=None, **kw)  # type: ignore[arg-type]
    records = list(read)
    assert records == list(whole.records)
    assert read.report == whole.report
    assert read.encoding == whole.encoding
    return records


@pytest.mark.usefixtures("tiny_blocks")
def test_a_header_with_a_stray_quote_is_its_first_line_alone_in_every_block() -> None:
    data = 'employee_id,"name_roman\r\nE1,A\r\nE2,"B\r\n' + "".join(
        f"E{i},X{i}\r\n" for i in range(3, 300)
    )
    assert len(_same_as_whole(data)) == 299


@pytest.mark.usefixtures("tiny_blocks")
def test_a_header_over_two_lines_is_counted_so() -> None:
    data = 'employee_id,"name\r\nroman"\r\n' + "".join(f"E{i},X{i}\r\n" for i in range(300))
    _same_as_whole(data + 'E99,"bad\r\n')


@pytest.mark.usefixtures("tiny_blocks")
def test_a_byte_order_mark_then_blank_lines_longer_than_a_block() -> None:
    data = b"\xef\xbb\xbf" + b"\r\n" * 3000 + b"employee_id,name_roman\r\n" + b"E0,A\r\n" * 8
    assert len(_same_as_whole(data)) == 8


@pytest.mark.usefixtures("tiny_blocks")
def test_a_header_ended_by_a_cr_alone_keeps_the_blank_line_after_a_block() -> None:
    data = "a,b\r" + "".join(f"E{i},X\r\n" for i in range(100)) + "\n" * 3 + "E,Y\r\n"
    _same_as_whole(data)


@pytest.mark.usefixtures("tiny_blocks")
@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-le"])
def test_text_given_with_a_utf_16_encoding_is_read_as_text(encoding: str) -> None:
    text = "employee_id,name_roman\r\nE1,A\r\n"
    assert list(iter_read_csv(text, encoding=encoding)) == list(nr.read_csv(text).records)
    lines = iter_read_csv(text.splitlines(keepends=True), encoding=encoding)
    assert list(lines) == list(nr.read_csv(text).records)
    assert lines.encoding == "str"


@pytest.mark.usefixtures("tiny_blocks")
def test_utf_16_with_a_bad_byte_in_the_first_block_says_what_read_csv_says() -> None:
    data = "employee_id,name_roman\r\nE1,A\r\n".encode("utf-16-le") + b"\x00\xd8"
    assert _same_as_whole(data, encoding="utf-16-le") == []


def test_a_long_utf_16_line_is_read_in_bounded_time() -> None:
    """A line of 200,000 上 (U+4E0A: its UTF-16 bytes hold 0x0A) without a line end, in
    a child limited to 20 s of CPU (issue 10's budgets: bounded time on any input)."""
    body = """
    from nyukan_rules.batch.stream import iter_read_csv
    data = ("employee_id,name_roman\\r\\nE1," + "上" * 200_000 + "\\r\\n").encode("utf-16-le")
    records = list(iter_read_csv(data, encoding="utf-16-le"))
    print(len(records), len(records[0]["name_roman"]))
    """
    out = run_child(child_script(body, address_mb=1024, cpu_s=20), timeout=60)
    assert out.split() == ["1", "200000"]


# --- A file read through its read(): the blocks its lines give, found in C ------------


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from([b"a", b"bb,", b'"', b"\n", b"\r\n", b"\r", b"\xef\xbb\xbf", b" "]),
        max_size=80,
    )
)
def test_a_file_is_cut_where_its_lines_would_cut_it(
    monkeypatch: pytest.MonkeyPatch, pieces: list[bytes]
) -> None:
    # stream._ByteReader cuts the rest of a file after the first block with find and
    # count; the blocks must be those of the file's lines a line at a time (ended at
    # LF as a binary file's iteration ends them), and together the whole file.
    monkeypatch.setattr(stream, "BLOCK_BYTES", 8)
    monkeypatch.setattr(stream, "_BALANCE_LINES", 2)
    data = b"".join(pieces)

    def blocks(source: object) -> list[str | bytes]:
        return list(stream.CsvStream(source, None, None, None, 1 << 62)._blocks())

    by_lines = blocks(list(io.BytesIO(data)))
    assert blocks(io.BytesIO(data)) == by_lines
    assert b"".join(by_lines) == data  # type: ignore[arg-type]


def test_a_quote_left_open_ends_its_block_balance_lines_after_its_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(stream, "BLOCK_BYTES", 8)
    monkeypatch.setattr(stream, "_BALANCE_LINES", 2)
    data = b"header,x\n" + b"aaaaaaaaa\n" + b'"bbbbbbbbb\n' + b"c\n" * 6 + b'"\n' + b"d\n" * 3
    want = [b"header,x\n", b"aaaaaaaaa\n", b'"bbbbbbbbb\nc\nc\n', b"c\nc\nc\nc\n", b'"\nd\nd\nd\n']
    for source in (io.BytesIO(data), list(io.BytesIO(data))):
        assert list(stream.CsvStream(source, None, None, None, 1 << 62)._blocks()) == want


class _ReadOnly:
    """A file-like object with read() alone (an HTTP response's body, say), whose lines
    are not to be asked of it."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def read(self, size: int = -1) -> bytes:
        return self._data.read(min(size, 100))  # short reads, as a socket gives


@pytest.mark.usefixtures("tiny_blocks")
def test_a_file_is_read_through_read_alone_short_reads_and_all() -> None:
    data = example_hr_export(80)
    whole = nr.read_csv(data, spec=None)
    read = iter_read_csv(_ReadOnly(data), spec=None)
    assert list(read) == list(whole.records)
    assert read.report == whole.report


def test_a_file_opened_as_text_is_the_packages_argument_error() -> None:
    with pytest.raises(nr.ArgumentTypeError) as error:
        list(iter_read_csv(io.StringIO("employee_id\r\nE1\r\n")))
    assert "binary mode" in str(error.value)


def test_a_file_with_no_lf_read_in_short_reads_costs_each_byte_once() -> None:
    """A file whose lines end with CR alone (Excel's "CSV (Macintosh)") has no LF, so
    its bytes are one line to the reader; read 10 bytes at a time, each byte is
    looked at once (4 MB in a CPU-limited child: it took quadratic time once)."""
    body = """
    import time
    from nyukan_rules.batch import iter_read_csv

    class Chunky:
        def __init__(self, data):
            self.data, self.at = data, 0

        def read(self, size=-1):
            chunk = self.data[self.at : self.at + min(size, 10)]
            self.at += len(chunk)
            return chunk

    data = b"employee_id,name_roman\\r" + b"E1,YAMADA TARO\\r" * (4 * 2**20 // 15)
    start = time.process_time()
    count = sum(1 for _ in iter_read_csv(Chunky(data), spec=None))
    print(count, time.process_time() - start)
    """
    out = run_child(child_script(body, address_mb=1024, cpu_s=30), timeout=120)
    count, cpu = out.split()
    assert int(count) == 4 * 2**20 // 15
    assert float(cpu) < 5, cpu  # about 1 s; 14 s when each read looked at every byte again


def _ascii_then(tail: str, encoding: str) -> bytes:
    head = "employee_id,name_roman\r\n" + "".join(f"E{i},YAMADA TARO\r\n" for i in range(60))
    return head.encode("ascii") + tail.encode(encoding)


@pytest.mark.usefixtures("tiny_blocks")
@pytest.mark.parametrize(
    ("tail", "encoding", "found"),
    [
        ("E61,山田　太郎\r\nE62,ヤマダ\r\n", "cp932", "cp932"),  # Shift_JIS (Windows)
        ("E61,山田　太郎\r\nE62,ヤマダ\r\n", "utf-8", "utf-8"),
        ("E61,Café\r\n", "utf-8", "utf-8"),  # also cp932 (ﾃｩ): read_csv's ambiguity, said first
    ],
)
def test_a_file_ascii_for_blocks_then_not_is_read_as_the_whole_file_is(
    tail: str, encoding: str, found: str
) -> None:
    # read_csv finds a whole file's encoding (UTF-8 where it decodes, else cp932); a
    # stream whose first blocks are ASCII, which both hold, decides at the first block
    # that is not, and reads every row (it had taken UTF-8 and stopped at the first
    # cp932 byte: found by review).
    data = _ascii_then(tail, encoding)
    for source in (data, io.BytesIO(data)):
        whole = nr.read_csv(data, spec=None)
        read = iter_read_csv(source, spec=None)
        assert list(read) == list(whole.records)
        assert read.report == whole.report
        assert read.encoding == whole.encoding == found
    assert len(list(iter_read_csv(data, spec=None))) == 60 + tail.count("\r\n")
    if "é" in tail:
        assert [f.code for f in whole.report.findings] == ["csv.ambiguous_encoding"]


@pytest.mark.usefixtures("tiny_blocks")
def test_a_file_ascii_for_blocks_then_a_byte_neither_holds_is_said_where_read_csv_says() -> None:
    head = _ascii_then("", "ascii")
    data = head + b"E61,\x85\x40\xff\r\n"
    whole = nr.read_csv(data, spec=None)
    read = iter_read_csv(io.BytesIO(data), spec=None)
    rows = list(read)  # the rows of the blocks before the byte's, the finding after them
    assert rows
    assert rows == list(nr.read_csv(head, spec=None).records)[: len(rows)]
    assert [(f.code, f.params) for f in read.report.findings] == [
        (f.code, f.params) for f in whole.report.findings
    ]
    assert whole.report.findings[0].params["detail"] == "csv.encoding.neither"


def test_the_duplicate_table_of_a_list_is_sized_once() -> None:
    # A list's passport and card numbers are known in number: the table is made large
    # enough for them at once (never growing on the way, up to 4 Mi slots); an
    # iterable's, or a len() that fails, starts small and grows.
    names = ("passport_number", "residence_card_number")
    seen = stream._seen_for([{}] * 3000, names)
    mask = seen._mask
    for name in names:
        assert seen.first_rows(name, [f"P{i}" for i in range(3000)], 0) == []
    assert seen._mask == mask
    assert len(seen) == 6000
    assert stream._seen_for(iter([{}] * 3000), names)._mask == SeenNumbers()._mask

    class BadLen(list):  # type: ignore[type-arg]
        def __len__(self) -> int:
            raise TypeError("no length")

    assert stream._seen_for(BadLen(), names)._mask == SeenNumbers()._mask

    class Many:  # a hundred million records, counted, not made
        def __len__(self) -> int:
            return 10**8

    assert stream._seen_for(Many(), names)._mask == (1 << 22) - 1  # type: ignore[arg-type]
