"""iter_roster_csv: the HR job from a CSV to CSVs gives what the composed streams give.

The reference is iter_read_csv → iter_roster → iter_write_csv (the input's columns),
whose rules are the spec's (DEFAULT_APPLICANT_SPEC: the online form's fields, sources
isa-bulk-template-tool and rasens-form-help) and the renewal windows' (入管法第21条,
source extension-window).  Blocks are made small here so that a test file spans many,
and the duplicate check must work across them.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

import pytest

from nyukan_rules import ArgumentTypeError, ArgumentValueError, ValidationError
from nyukan_rules.batch import iter_read_csv, iter_roster, iter_roster_csv, iter_write_csv, stream
from nyukan_rules.batch.roster import PLAN_CSV_COLUMNS, plan_tail
from nyukan_rules.batch.roster_csv import RosterCsvBlock
from nyukan_rules.examples import EXAMPLE_HR_COLUMNS, example_hr_export
from nyukan_rules.report import Finding

ON = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "BLOCK_BYTES", 4096)


def composed(
    data: bytes | str, out: str = "cp932", guard: str = "error", **read: Any
) -> dict[str, Any]:
    """What the streams give, one after the other."""
    table = iter_read_csv(data, **read)
    rows = list(iter_roster(table, on=ON))
    # A file with no header has no columns to write: nothing, not an empty line.
    written = (
        b""
        if not table.header
        else b"".join(
            iter_write_csv(
                [{k: v for k, v in r.record.items() if not k.startswith("#")} for r in rows],
                columns=list(table.header),
                encoding=out,
                formula_guard=guard,
            )
        )
    )
    plans = [
        [r.plan.person.id, r.plan.person.name, *plan_tail(r.plan)]
        for r in rows
        if not isinstance(r.plan, Finding)
    ]
    return {
        "records": written,
        "findings": [f for r in rows for f in r.findings],
        "unplanned": [r.plan for r in rows if isinstance(r.plan, Finding)],
        "plans": [list(PLAN_CSV_COLUMNS), *plans] if table.header else [],
        "report": table.report,
        "rows": len(rows),
    }


def piped(
    data: bytes | str,
    out: str = "cp932",
    workers: int | None = None,
    guard: str = "error",
    **read: Any,
) -> dict[str, Any]:
    done = iter_roster_csv(
        data, on=ON, out_encoding=out, workers=workers, formula_guard=guard, **read
    )
    blocks = list(done)
    assert all(isinstance(b, RosterCsvBlock) for b in blocks)
    starts = [b.start for b in blocks]
    assert starts == [sum(b.rows for b in blocks[:i]) for i in range(len(blocks))]
    plans = b"".join(b.plans_csv for b in blocks).decode(out if out != "cp932" else "cp932")
    assert sum(b.planned for b in blocks) == sum(b.rows for b in blocks) - sum(
        len(b.unplanned) for b in blocks
    )
    return {
        "records": b"".join(b.records_csv for b in blocks),
        "findings": [f for b in blocks for f in b.findings],
        "unplanned": [f for b in blocks for f in b.unplanned],
        "plans": list(csv.reader(io.StringIO(plans))),
        "report": done.report,
        "rows": sum(b.rows for b in blocks),
        "blocks": len(blocks),
    }


def same(
    data: bytes | str,
    out: str = "cp932",
    workers: int | None = None,
    guard: str = "error",
    **read: Any,
) -> dict[str, Any]:
    want = composed(data, out, guard, **read)
    got = piped(data, out, workers, guard, **read)
    for key in ("records", "findings", "unplanned", "plans", "report", "rows"):
        assert got[key] == want[key], key
    return got


def test_the_example_export_across_many_blocks_is_the_composed_streams() -> None:
    data = example_hr_export(600)
    got = same(data, columns=EXAMPLE_HR_COLUMNS)
    assert got["blocks"] > 10
    assert got["rows"] == 600
    codes = {f.code for f in got["findings"]} | {f.code for f in got["unplanned"]}
    assert "record.duplicate" in codes  # the passport used twice, found across blocks


def test_two_worker_processes_give_the_same_bytes_and_findings() -> None:
    data = example_hr_export(400)
    one = piped(data, columns=EXAMPLE_HR_COLUMNS)
    two = piped(data, workers=2, columns=EXAMPLE_HR_COLUMNS)
    for key in ("records", "findings", "unplanned", "plans", "report", "rows", "blocks"):
        assert one[key] == two[key], key


def _csv(rows: list[list[str]]) -> str:
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    return text.getvalue()


HEADER = ["employee_id", "name_roman", "status", "period_of_stay", "expires_on", "passport_number"]


def test_a_duplicate_passport_blocks_apart_is_found_with_the_first_row() -> None:
    rows = [HEADER] + [
        [f"E{i}", "YAMADA TARO", "技人国", "1年", "2027/01/31", f"TK{i:07d}"] for i in range(300)
    ]
    rows[290][5] = rows[2][5]  # the 290th record has the 2nd record's passport
    got = same(_csv(rows).encode("cp932"))
    dup = [f for f in got["findings"] if f.code == "record.duplicate"]
    assert [f.row for f in dup] == [289]
    assert got["blocks"] > 2


def test_odd_values_in_every_field_are_the_composed_streams() -> None:
    from tests.batch.test_columnar import NAMES, ODD_VALUES

    n = len(ODD_VALUES)
    names = [*NAMES, "note"]
    rows = [names] + [
        [ODD_VALUES[(i + k) % n].replace("\x00", "") for k in range(len(names))]
        for i in range(3 * n)
    ]
    text = _csv(rows)
    got = same(text.encode("utf-8"), out="utf-8", guard="quote")
    assert got["rows"] == 3 * n
    assert got["unplanned"]  # odd rows cannot all be planned, and say why


def test_a_ragged_row_keeps_its_finding_and_the_file_its_columns() -> None:
    rows = [HEADER, ["E1", "A B", "技人国", "1年", "2027/01/31", "TK0000001", "extra"]]
    got = same(_csv(rows))
    assert [f.code for f in got["report"].findings] == ["csv.ragged_row"]
    assert b"extra" not in got["records"]
    assert got["records"].count(b"\r\n") == 2


def test_a_byte_outside_the_encoding_ends_the_reading_as_the_stream_does() -> None:
    body = "".join(f"E{i},A B,技人国,1年,2027/01/31,TK{i:07d}\r\n" for i in range(200))
    data = (",".join(HEADER) + "\r\n" + body).encode("cp932")
    bad = data[:6000] + b"\x85\x40" + data[6000:]  # no character in cp932
    got = same(bad)
    assert [f.code for f in got["report"].findings] == ["csv.encoding"]
    assert 0 < got["rows"] < 200


def test_a_formula_cell_raises_naming_the_row_of_the_whole_input() -> None:
    rows = [HEADER] + [
        [f"E{i}", "A B", "技人国", "1年", "2027/01/31", f"TK{i:07d}"] for i in range(200)
    ]
    rows[150][0] = "=HYPERLINK(1)"
    with pytest.raises(ValidationError) as composed_error:
        composed(_csv(rows))
    with pytest.raises(ValidationError) as piped_error:
        piped(_csv(rows))
    assert piped_error.value.code == composed_error.value.code == "csv.write.formula"
    assert piped_error.value.params == composed_error.value.params
    assert piped_error.value.params["row"] == 150
    assert str(piped_error.value) == str(composed_error.value)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        ",".join(HEADER).encode() + b"\r\n",
        "   \r\n",
        b"\xef\xbb\xbf",  # a byte-order mark alone (found by review: it wrote a blank line)
        b"\xef\xbb\xbf\r\n\r\n",
    ],
)
def test_an_empty_file_or_a_header_alone(data: bytes | str) -> None:
    got = same(data)
    assert got["rows"] == 0


def test_read_once_and_wrong_arguments_raise_the_package_errors() -> None:
    done = iter_roster_csv(b"employee_id\r\nE1\r\n", on=ON)
    list(done)
    with pytest.raises(ArgumentTypeError) as again:
        iter(done)
    assert again.value.code == "csv.read_once"
    with pytest.raises(ArgumentTypeError):
        iter_roster_csv(b"", on=20261122)  # type: ignore[arg-type]
    with pytest.raises(ArgumentValueError) as codec:
        iter_roster_csv(b"", on=ON, out_encoding="no-such-codec")
    assert codec.value.code == "csv.unknown_encoding"
    with pytest.raises(ArgumentValueError) as guard:
        iter_roster_csv(b"", on=ON, formula_guard="maybe")
    assert guard.value.code == "argument.choice"
    with pytest.raises(ArgumentTypeError):
        iter_roster_csv(42, on=ON)  # type: ignore[arg-type]
    with pytest.raises(ArgumentValueError):
        iter_roster_csv(b"", on=ON, workers=0)


def test_a_text_too_long_for_the_planners_memo_is_planned_row_by_row_the_same() -> None:
    rows = [HEADER] + [
        [f"E{i}", "A B", "技人国", "1年", "2027/01/31", f"TK{i:07d}"] for i in range(120)
    ]
    rows[100][2] = "技術・人文知識・国際業務" * 8  # 96 characters: no status, and too long
    rows[101][4] = " 2027/01/31" + " " * 80
    got = same(_csv(rows))
    assert [f.row for f in got["unplanned"]][:1] == [99]  # the 100th record
    assert got["rows"] == 120


def test_an_id_or_a_name_that_needs_quoting_is_quoted_in_the_plans_as_csv_writer_does() -> None:
    rows = [HEADER] + [
        [f"E{i}", "A B", "技人国", "1年", "2027/01/31", f"TK{i:07d}"] for i in range(50)
    ]
    rows[10][0] = 'E10,"x"'
    rows[20][1] = "TARO\r\nYAMADA"
    got = same(_csv(rows))
    assert got["plans"][10][:2] == ['E10,"x"', "A B"]  # the header, then 10th record


# --- What a review found (each input below failed before its fix) ---


@pytest.mark.parametrize("out", ["utf-8-sig", "utf-16", "utf-32"])
def test_a_byte_order_mark_is_written_once_before_the_header(out: str) -> None:
    rows = [HEADER] + [
        [f"E{i}", "A B", "技人国", "1年", "2027/01/31", f"TK{i:07d}"] for i in range(300)
    ]
    got = same(_csv(rows).encode("cp932"), out=out)
    assert got["blocks"] > 2
    mark = "".encode(out)
    assert got["records"].count(mark) == 1
    assert got["plans"][1][0] == "E0"  # no mark before a block's first id


def test_a_header_name_with_a_quoted_line_end_is_one_header() -> None:
    got = same('employee_id,"no\nte",status\r\nE1,x,技人国\r\n'.encode(), out="utf-8")
    assert got["records"] == 'employee_id,"no\nte",status\r\nE1,x,技人国\r\n'.encode()


def test_a_header_name_with_a_line_separator_keeps_its_column_in_every_block() -> None:
    """U+2028 is not a line end for the csv module: the header is one line."""
    rows = [["employee_id", "no\u2028te", "status"]] + [
        [f"E{i}", "x", "技人国"] for i in range(900)
    ]
    got = same(_csv(rows).encode("utf-8"), out="utf-8")
    assert got["blocks"] > 2
    assert got["records"].count(b",x,") == 900


def test_blank_lines_longer_than_a_block_before_the_header() -> None:
    body = "".join(f"E{i},A B,技人国,1年,2027/01/31,TK{i:07d}\r\n" for i in range(3))
    data = ("\r\n" * 5000 + ",".join(HEADER) + "\r\n" + body).encode()
    got = same(data, out="utf-8")
    assert got["rows"] == 3
    assert got["records"].count(b"TK000000") == 3


def test_with_workers_a_byte_outside_the_encoding_is_said_after_the_rows_before() -> None:
    body = [f"E{i},A B,技人国,1年,2027/01/31,TK{i:07d}" for i in range(300)]
    for i in (0, 50, 100, 150):
        body[i] += ",ragged"
    data = (",".join(HEADER) + "\r\n" + "\r\n".join(body) + "\r\n").encode("cp932")
    bad = data[:9000] + b"\x85\x40" + data[9000:]
    one, two = piped(bad), piped(bad, workers=2)
    codes = [f.code for f in one["report"].findings]
    assert codes == ["csv.ragged_row"] * 4 + ["csv.encoding"]
    assert two["report"] == one["report"]


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-16", "\ufeff".encode("utf-16-be")),
        ("utf-16", b""),
        ("utf-16-le", b""),
        ("utf-32", b""),
    ],
)
def test_a_file_in_utf_16_or_utf_32_is_read_in_whole_characters(encoding: str, data: bytes) -> None:
    text = (
        ",".join(HEADER)
        + "\r\n"
        + "".join(f"E{i},A B,技人国,1年,2027/01/31,TK{i:07d}\r\n" for i in range(200))
    )
    if encoding == "utf-16" and data:
        raw = data + text.encode("utf-16-be")  # big-endian, its mark first
    else:
        raw = text.encode(encoding)
    got = same(raw, out="utf-8", encoding=encoding)
    assert got["rows"] == 200
    assert got["report"].ok
    assert iter_read_csv(raw, encoding=encoding).encoding in ("", encoding)


def test_utf_16_without_its_mark_where_one_is_needed_is_a_finding() -> None:
    text = ",".join(HEADER) + "\r\n" + "E1,A B,技人国,1年,2027/01/31,TK0000001\r\n"
    got = piped(text.encode("utf-16-le") + b"\x00\xd8", encoding="utf-16-le")  # a lone surrogate
    assert [f.code for f in got["report"].findings] == ["csv.encoding"]


def test_a_read_only_mapping_of_columns_crosses_to_the_workers() -> None:
    import types

    data = example_hr_export(60)
    columns = types.MappingProxyType(dict(EXAMPLE_HR_COLUMNS))
    assert (
        piped(data, workers=2, columns=columns)["records"]
        == (piped(data, columns=EXAMPLE_HR_COLUMNS)["records"])
    )


def _plain_lines(count: int) -> list[str]:
    return [f"E{i},YAMADA TARO,技人国,1年,2027/01/{1 + i % 28:02d},TK{i:07d}" for i in range(count)]


@pytest.mark.parametrize(
    ("end", "change"),
    [
        ("\r\n", None),  # the HR export's usual shape: no quote, CR LF
        ("\n", None),  # LF alone
        ("\r\n", (150, "E150,A B,技人国,1年")),  # a ragged row, cells too few
        ("\r\n", (150, "E150,A B,技人国,1年,2027/01/31,TK1,extra")),  # and too many
        ("\r\n", (150, "")),  # a blank line
        ("\r\n", (150, "E150,A\rB,技人国,1年,2027/01/31,TK1")),  # a CR alone in a cell
        ("\n", (150, "E150,A B,技人国,1年,2027/01/31,TK1\r")),  # CR LF among LF
        ("\r\n", (150, "E150,A\x85B,技人国,1年,2027/01/31,TK1")),  # NEL
    ],
)
def test_a_file_with_no_quote_split_in_c_is_the_composed_streams(
    end: str, change: tuple[int, str] | None
) -> None:
    # Later blocks with no quote are split by str.split, not csv.reader
    # (roster_csv._split_rows): the same records, findings and plans as read_csv gives.
    lines = [",".join(HEADER), *_plain_lines(300)]
    if change is not None:
        lines[change[0]] = change[1]
    for last in (end, ""):  # and a last line with no line end
        got = same((end.join(lines) + last).encode("utf-8"), out="utf-8")
        assert got["blocks"] > 2
        if change is None:
            assert got["rows"] == 300


@pytest.mark.parametrize("end", ["\r\n", "\n"])
def test_a_plain_block_is_split_to_the_columns_csv_reader_reads(end: str) -> None:
    from nyukan_rules.batch.roster_csv import _split_rows

    header = tuple(HEADER)
    data = ",".join(HEADER) + "\r\n" + end.join(_plain_lines(20)) + end
    rows = list(csv.reader(io.StringIO(data, newline="")))[1:]
    assert _split_rows(data, header) == (header, [list(c) for c in zip(*rows, strict=True)])
    for bad in ("", "E1,A,B", "E1,A\rB,技人国,1年,2027/01/31,TK1", "E1,,,,,,"):
        lines = _plain_lines(20)
        lines[7] = bad
        assert _split_rows(",".join(HEADER) + "\r\n" + end.join(lines) + end, header) is None
    assert _split_rows(",".join(HEADER) + "\r\n", header) is None
    assert _split_rows(",".join(HEADER), header) is None
