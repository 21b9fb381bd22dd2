"""read_csv and write_csv: nothing lost on the way in or out (issue 9 item 7, issue 10).

Sources: RFC 4180 (CSV quoting); the csv module's documentation; OWASP "CSV
Injection" (https://owasp.org/www-community/attacks/CSV_Injection) for the
cells a spreadsheet runs as formulas; the HR encodings (UTF-8, cp932) of
RULES.md §7.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nyukan_rules as nr
from nyukan_rules.messages import MAX_FINDINGS_PER_CODE
from tests.batch.hr import records

HEADER = "employee_id,name_roman\r\n"


# --- malformed quoting keeps every row ------------------------------------------------------


def test_an_unterminated_quote_swallows_no_row() -> None:
    """Issue 9: an unterminated quote swallowed the following rows into one field."""
    table = nr.read_csv(HEADER + 'E1,"NGUYEN\r\nE2,TRAN\r\nE3,LE\r\n')
    assert [r["employee_id"] for r in table.records] == ["E1", "E2", "E3"]
    assert table.records[0]["name_roman"] == '"NGUYEN'  # the quote kept, as text
    (finding,) = table.report.findings
    assert (finding.code, finding.row) == ("csv.unterminated_quote", 0)
    assert "Line 2" in finding.message_en  # the file's line, counted from 1
    assert table.report.rows == 3


def test_unterminated_quotes_in_a_long_file_cost_one_line_each() -> None:
    lines = [f"E{i},NAME{i}" for i in range(3000)]
    lines[10] = 'E10,"BROKEN'
    lines[2500] = '"E2500,X'
    table = nr.read_csv(HEADER + "\r\n".join(lines) + "\r\n")
    assert len(table.records) == 3000
    assert [(f.row, f.code) for f in table.report.errors] == [
        (10, "csv.unterminated_quote"),
        (2500, "csv.unterminated_quote"),
    ]
    assert table.records[11] == {"employee_id": "E11", "name_roman": "NAME11"}


def test_a_stray_quote_after_a_quoted_value_is_an_error_and_kept() -> None:
    table = nr.read_csv(HEADER + '"E1"X,A\r\nE2,B\r\n')
    assert table.records[0] == {"employee_id": '"E1"X', "name_roman": "A"}
    assert table.report.codes == ("csv.malformed",)
    assert table.records[1] == {"employee_id": "E2", "name_roman": "B"}


def test_a_quoted_value_over_lines_is_kept_and_noted() -> None:
    table = nr.read_csv(HEADER + 'E1,"LINE ONE\r\nLINE TWO"\r\nE2,B\r\n')
    assert table.records[0]["name_roman"] == "LINE ONE\r\nLINE TWO"
    assert len(table.records) == 2
    assert table.report.ok
    assert table.report.codes == ("csv.multiline_field",)


def test_enormous_fields_are_kept_with_a_finding() -> None:
    big = "x" * 200_000  # over the csv module's field limit
    table = nr.read_csv(f'employee_id,name_roman\r\nE1,"{big}\r\nE2,B\r\n')
    assert table.report.codes == ("csv.malformed",)  # the csv module's field limit
    assert table.records[0]["name_roman"] == '"' + big  # kept all the same
    assert table.records[1] == {"employee_id": "E2", "name_roman": "B"}


def test_nul_is_a_finding_on_every_python() -> None:
    """Issue 10: the csv module accepts NUL from 3.11 (a finding on 3.10 only)."""
    table = nr.read_csv(HEADER + "E\x001,A\r\n")
    assert [(f.row, f.code) for f in table.report.findings] == [(0, "csv.nul")]
    assert table.records[0]["employee_id"] == "E\x001"  # kept, reported


# --- encodings -------------------------------------------------------------------------------


def test_cp932_that_is_also_utf8_is_ambiguous() -> None:
    """Issue 9: ﾃｽ in cp932 is C3 BD, valid UTF-8 (ý): the library's own output misread."""
    rows = [{"employee_id": "E1", "name_kana": "ﾃｽ"}]
    data = nr.write_csv(rows, columns=["employee_id", "name_kana"])
    table = nr.read_csv(data)
    assert "csv.ambiguous_encoding" in table.report.codes
    assert not table.report.ok
    named = nr.read_csv(data, encoding="cp932")
    assert named.report.ok
    assert list(named.records) == rows


def test_utf8_japanese_is_not_ambiguous() -> None:
    table = nr.read_csv("社員番号,氏名\r\nE1,山田　太郎\r\n".encode())
    assert table.encoding == "utf-8"
    assert "csv.ambiguous_encoding" not in table.report.codes


def test_a_named_encoding_that_does_not_fit_is_a_finding() -> None:
    table = nr.read_csv("employee_id\r\n山田\r\n".encode("cp932"), encoding="utf-8")
    assert table.report.codes == ("csv.encoding",)
    with pytest.raises(nr.ArgumentValueError):
        nr.read_csv(b"x", encoding="no-such-codec")
    with pytest.raises(nr.ArgumentTypeError):
        nr.read_csv(b"x", encoding=932)  # type: ignore[arg-type]


# --- the header ------------------------------------------------------------------------------


def test_a_path_passed_as_text_is_an_error() -> None:
    """Issue 9: read_csv("roster.csv") returned 0 records and ok."""
    table = nr.read_csv("roster.csv")
    assert not table.report.ok
    finding = table.report.by_code("csv.no_known_column")[0]
    assert "file name" in finding.message_en


def test_a_header_with_no_known_column_is_an_error() -> None:
    table = nr.read_csv("a,b\r\n1,2\r\n")
    assert "csv.no_known_column" in table.report.codes
    assert "file name" not in table.report.by_code("csv.no_known_column")[0].message_en
    assert nr.read_csv("a,b\r\n1,2\r\n", spec=None).report.ok


# --- caps and limits -------------------------------------------------------------------------


def test_findings_of_one_code_are_capped_with_a_count() -> None:
    text = HEADER + "x\r\n" * 1000
    table = nr.read_csv(text)
    assert len(table.records) == 1000
    assert table.report.codes.count("csv.ragged_row") == MAX_FINDINGS_PER_CODE
    (more,) = table.report.by_code("report.more_findings")
    assert str(1000 - MAX_FINDINGS_PER_CODE) in more.message_en


def test_rows_past_max_rows_are_reported_not_dropped_silently() -> None:
    table = nr.read_csv(HEADER + "E1,A\r\nE2,B\r\nE3,C\r\n", max_rows=2)
    assert len(table.records) == 2
    (finding,) = table.report.findings
    assert (finding.code, finding.row) == ("csv.too_many_rows", 2)
    assert "line 4" in finding.message_en


def test_read_csv_refuses_wrong_argument_types() -> None:
    with pytest.raises(nr.ArgumentTypeError):
        nr.read_csv(["employee_id"])  # type: ignore[arg-type]
    with pytest.raises(nr.ArgumentTypeError):
        nr.read_csv(b"x", columns=["employee_id"])  # type: ignore[arg-type]


# --- write_csv -------------------------------------------------------------------------------


def test_write_refuses_a_str_for_columns() -> None:
    """Issue 9: columns="employee_id" was split into letters."""
    with pytest.raises(nr.ArgumentTypeError):
        nr.write_csv(records(1), columns="employee_id")
    with pytest.raises(nr.ArgumentTypeError):
        nr.write_csv(records(1), columns=[1])  # type: ignore[list-item]


def test_write_validates_the_encoding() -> None:
    """Issue 10: write_csv(encoding=None) took no validation."""
    with pytest.raises(nr.ArgumentTypeError):
        nr.write_csv(records(1), encoding=None)  # type: ignore[arg-type]
    with pytest.raises(nr.ArgumentValueError):
        nr.write_csv(records(1), encoding="no-such-codec")
    with pytest.raises(nr.ArgumentTypeError):
        nr.write_csv("E1,NAME")  # type: ignore[arg-type]


def test_write_never_drops_a_field_silently() -> None:
    """Issue 9: fields outside the spec or `columns` were left out."""
    rows = [{"employee_id": "E1", "department": "R&D"}]
    with pytest.raises(nr.ValidationError, match="row 1, field 'department'"):
        nr.write_csv(rows, columns=["employee_id"])
    data = nr.write_csv(rows, columns=["employee_id"], extra="write")
    back = nr.read_csv(data, spec=None)
    assert back.header == ("employee_id", "department")
    assert list(back.records) == rows
    with pytest.raises(nr.ArgumentValueError):
        nr.write_csv(rows, extra="drop")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value",
    ['=HYPERLINK("http://x")', "+SUM(A1)", "-2+3+cmd|' /C calc'!A0", "@SUM(1)", "\tX", "\rX"],
)
def test_formula_cells_are_refused_by_default(value: str) -> None:
    """OWASP CSV Injection: cells starting with = + - @ TAB CR."""
    rows = [{"employee_id": "E1", "name_roman": value}]
    columns = ["employee_id", "name_roman"]
    with pytest.raises(nr.ValidationError, match="row 1, field name_roman"):
        nr.write_csv(rows, columns=columns, encoding="utf-8")
    quoted = nr.write_csv(rows, columns=columns, encoding="utf-8", formula_guard="quote")
    assert nr.read_csv(quoted, spec=None).records[0]["name_roman"] == "'" + value
    plain = nr.write_csv(rows, columns=columns, encoding="utf-8", formula_guard="off")
    assert nr.read_csv(plain, spec=None).records[0]["name_roman"] == value


@pytest.mark.parametrize("value", ["-", "-5", "+81 90-1234-5678", "+81-3-1234-5678", "-1.5"])
def test_numbers_and_phones_round_trip_under_the_guard(value: str) -> None:
    rows = [{"employee_id": "E1", "phone": value}]
    data = nr.write_csv(rows, columns=["employee_id", "phone"])
    assert list(nr.read_csv(data).records) == rows


# --- hypothesis: never raise, nothing lost --------------------------------------------------

CSV_TEXT = st.text(alphabet=st.sampled_from('ab,"\r\n\x00髙ﾃｽ= \t'), max_size=200)


@settings(max_examples=150, deadline=None)
@given(CSV_TEXT)
def test_read_csv_never_raises_on_text(text: str) -> None:
    table = nr.read_csv(text)
    assert table.report.rows == len(table.records)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([None, "utf-8", "cp932", "latin-1"]))
def test_read_csv_never_raises_on_bytes(data: bytes, encoding: str | None) -> None:
    table = nr.read_csv(data, encoding=encoding)
    assert table.report.rows == len(table.records)


VALUE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=12,
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.fixed_dictionaries({"employee_id": VALUE, "name_roman": VALUE}), max_size=8))
def test_write_then_read_loses_nothing(rows: list[dict[str, str]]) -> None:
    columns = ["employee_id", "name_roman"]
    data = nr.write_csv(rows, columns=columns, encoding="utf-8-sig", formula_guard="off")
    table = nr.read_csv(data, spec=None)
    # A row of empty values is written as an empty line's worth of commas, never dropped.
    assert list(table.records) == rows
    assert table.report.ok


def test_a_formula_in_a_column_name_is_guarded_too() -> None:
    rows = [{"=cmd": "x"}]
    with pytest.raises(nr.ValidationError, match="the header"):
        nr.write_csv(rows, columns=["=cmd"])
    quoted = nr.write_csv(rows, columns=["=cmd"], formula_guard="quote")
    assert quoted.startswith(b"'=cmd\r\n")


LINE = st.text(alphabet=st.sampled_from('ab,"髙 '), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, max_size=12))
def test_every_line_is_a_row_however_the_quotes_fall(lines: list[str]) -> None:
    """Issue 9: people vanished into a quoted field; each line is now a row, or is reported
    as a quoted value over several lines (csv.multiline_field) that a caller can check."""
    table = nr.read_csv("\r\n".join(["employee_id,name_roman", *lines]) + "\r\n", spec=None)
    joined = sum(
        int(f.message_en.split(" over ")[1].split()[0]) - 1
        for f in table.report.by_code("csv.multiline_field")
    )
    assert len(table.records) + joined == len(lines)
    kept = "".join("".join(r.values()) for r in table.records)
    given_text = "".join(lines)
    for char in "ab髙":  # no character is lost: every letter of the input is in a value
        assert kept.count(char) == given_text.count(char)


@pytest.mark.parametrize("brk", ["\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029"])
def test_only_cr_and_lf_end_a_line(brk: str) -> None:
    """The csv module ends lines at CR and LF only: other Unicode breaks stay in the value."""
    table = nr.read_csv(f'{HEADER}E1,A{brk}B\r\nE2,"C\r\n{brk}D"\r\n', spec=None)
    assert list(table.records) == [
        {"employee_id": "E1", "name_roman": f"A{brk}B"},
        {"employee_id": "E2", "name_roman": f"C\r\n{brk}D"},
    ]


def test_lines_past_the_first_piece_of_text_keep_their_numbers() -> None:
    lines = [f"E{i},{'N' * 50}" for i in range(40_000)]  # over 2 Mi characters
    lines[30_000] = 'E30000,"BROKEN'
    table = nr.read_csv(HEADER + "\r\n".join(lines) + "\r\n")
    assert len(table.records) == 40_000
    (finding,) = table.report.findings
    assert (finding.row, finding.code) == (30_000, "csv.unterminated_quote")
    assert "Line 30,002" in finding.message_en


def test_values_past_the_header_are_kept_as_csv_text() -> None:
    table = nr.read_csv(HEADER + 'E1,A,x,"y,z"\r\n')
    assert table.records[0] == {"employee_id": "E1", "name_roman": "A", "#3": 'x,"y,z"'}
    assert table.report.codes == ("csv.ragged_row",)


@pytest.mark.parametrize("value", ["=1+1", '=HYPERLINK("a,b")', "@x\r\ny", "\t=1"])
@pytest.mark.parametrize("column", ["employee_id", "name_roman"])
def test_the_guard_finds_a_formula_in_any_column_and_row(value: str, column: str) -> None:
    rows = [{"employee_id": "E1", "name_roman": ""}, {"employee_id": "E2", "name_roman": "B"}]
    rows[1][column] = value
    with pytest.raises(nr.ValidationError, match=f"row 2, field {column}"):
        nr.write_csv(rows, columns=["employee_id", "name_roman"], encoding="utf-8")


# --- a file of broken quotes costs what a good file does (issue 10, "Cost of hostile input") --


def test_after_many_broken_quotes_the_rest_is_read_line_by_line() -> None:
    """Issue 10: a 25 MB file of '"x' lines restarted the csv reader on every line (6.85 s).
    Past a thousand broken rows the rest is read a line at a time, said by a finding;
    every line is still a row, its quotes kept as text."""
    lines = ['"x'] * 1500 + ['E1,"A', 'B"', "E2,C", 'E3,"D"', 'E4,"E"x']
    table = nr.read_csv("\r\n".join(["employee_id,name_roman", *lines]) + "\r\n")
    assert len(table.records) == len(lines)
    (note,) = table.report.by_code("csv.line_by_line")
    assert "line 1,002" in note.message_en  # the line after the thousandth broken row
    assert table.records[-5:] == (
        {"employee_id": "E1", "name_roman": '"A'},  # a value over lines, now two rows
        {"employee_id": 'B"'},
        {"employee_id": "E2", "name_roman": "C"},
        {"employee_id": "E3", "name_roman": "D"},  # quotes that close are read as ever
        {"employee_id": "E4", "name_roman": '"E"x'},
    )
    assert [f.row for f in table.report.findings if f.code == "csv.malformed"] == [1504]
    more = {f.message_en for f in table.report.by_code("report.more_findings")}
    assert any("csv.unterminated_quote" in m for m in more)
    assert not table.report.ok


QUOTED_LINE = st.lists(st.sampled_from(["a", ",", '"', " ", '""']), max_size=10).map("".join)


@settings(max_examples=300, deadline=None)
@given(QUOTED_LINE)
def test_a_quote_left_open_is_found_as_the_csv_module_finds_it(text: str) -> None:
    """The quick check of the line-at-a-time reading agrees with the csv module."""
    import csv

    from nyukan_rules.batch.csvio import _OPEN_AT_END

    line = text + "\r\n"
    try:
        next(csv.reader([line], strict=True), [])
    except csv.Error as exc:
        expected = str(exc) == "unexpected end of data"
    else:
        expected = False
    assert bool(_OPEN_AT_END.match(line)) == expected


@settings(max_examples=40, deadline=None)
@given(st.lists(LINE, max_size=12))
def test_every_line_is_a_row_when_read_line_by_line(lines: list[str]) -> None:
    """The same promise once the reading has gone line by line (after 1,000 broken rows)."""
    lines = ['"x'] * 1001 + lines
    table = nr.read_csv("\r\n".join(["employee_id,name_roman", *lines]) + "\r\n", spec=None)
    assert "csv.line_by_line" in table.report.codes
    assert len(table.records) == len(lines)
    kept = "".join("".join(r.values()) for r in table.records)
    for char in "ab髙x":
        assert kept.count(char) == "".join(lines).count(char)


@pytest.mark.parametrize("name", ["rot13", "base64", "zip", "hex", "undefined"])
def test_only_text_encodings_are_taken(name: str) -> None:
    """Review of issue 10: codecs.lookup takes codecs that are not text encodings
    (rot13: LookupError from write_csv and read_csv; undefined: UnicodeError).  An
    encoding must turn str into bytes and back; anything else is ArgumentValueError."""
    with pytest.raises(nr.ArgumentValueError, match="text encoding"):
        nr.write_csv([{"employee_id": "x"}], encoding=name)
    with pytest.raises(nr.ArgumentValueError, match="text encoding"):
        nr.read_csv(b"employee_id\r\nx\r\n", encoding=name)


def test_a_text_encoding_that_cannot_decode_the_bytes_is_a_finding() -> None:
    """idna raises UnicodeError (not UnicodeDecodeError) on bytes it cannot read."""
    table = nr.read_csv(b"xn--zzzz", encoding="idna")
    assert table.report.codes == ("csv.encoding",)
    with pytest.raises(nr.ValidationError, match="idna"):
        nr.write_csv([{"employee_id": "x" * 70}], columns=["employee_id"], encoding="idna")


def test_a_str_for_columns_is_refused_naming_columns() -> None:
    """Review of issue 10: the error said "columns must be an iterable of rows"."""
    with pytest.raises(nr.ArgumentTypeError, match="column names") as info:
        nr.write_csv([{"employee_id": "x"}], columns="x")  # type: ignore[arg-type]
    assert "rows" not in str(info.value)
    with pytest.raises(nr.ValidationError, match=r"not text \(an int\)"):
        nr.write_csv([{"employee_id": 5}], columns=["employee_id"])


def test_a_row_that_runs_on_is_cut_and_the_rest_read_line_by_line() -> None:
    """Review of issue 10: 'a","' on every line opens a quoted field at each line's end,
    so the whole file was one row (each restart read the rest again: 679 MB and
    quadratic time for 25 MB).  A row is cut past 10,000 lines; every line is a row."""
    lines = ['a","'] * 12_000 + ["E1,B"]
    table = nr.read_csv("\r\n".join(["employee_id,name_roman", *lines]) + "\r\n")
    assert len(table.records) == len(lines)
    assert "csv.line_by_line" in table.report.codes
    assert table.records[-1] == {"employee_id": "E1", "name_roman": "B"}
    assert sum(r["employee_id"].count("a") for r in table.records) == 12_000
    assert '"x' not in "".join("".join(r.values()) for r in table.records)  # nothing added


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from('a,"\x0b\t \x85'), min_size=1, max_size=20))
def test_values_past_the_header_are_the_csv_module_s_own_text(line: str) -> None:
    """The quick way (a line without quotes) writes what csv.writer writes."""
    import csv
    import io

    table = nr.read_csv(f"{HEADER}{line}\r\n", spec=None)
    try:
        (fields,) = list(csv.reader([line + "\r\n"], strict=True))
    except (csv.Error, ValueError):
        return  # a broken line: read alone, covered above
    if len(fields) > 2:
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow(fields[2:])
        assert table.records[0]["#3"] == out.getvalue()


_CELLS = st.text(alphabet=st.sampled_from(list('ab,"\r\n 　技=\x00')), max_size=4)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.lists(_CELLS, max_size=4),
            st.lists(st.one_of(_CELLS, st.integers(), st.none()), max_size=3),
        ),
        max_size=6,
    )
)
def test_rows_are_written_as_csv_writer_writes_them(rows: list[list[object]]) -> None:
    # The rows joined in C where no cell needs a quote (csvio._plain_rows_text), else
    # csv.writer itself: the same text either way (excel dialect, RFC 4180 quoting).
    import csv
    import io

    from nyukan_rules.batch import csvio

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["h1", "h2"])
    writer.writerows(rows)
    assert csvio._csv_text(["h1", "h2"], rows) == out.getvalue()  # type: ignore[arg-type]
    fast = csvio._plain_rows_text(rows)  # type: ignore[arg-type]
    if fast is not None:  # taken only where it is csv.writer's text
        assert fast == out.getvalue()[len("h1,h2\r\n") :]


def test_plain_rows_are_joined_in_c_and_others_left_to_csv_writer() -> None:
    from nyukan_rules.batch import csvio

    assert csvio._plain_rows_text([["a", "b"], [], ["", "c"]]) == "a,b\r\n\r\n,c\r\n"
    for rows in ([["a,b", "c"]], [['a"', "c"]], [["a\r", "c"]], [["a\n", "c"]], [[""]]):
        assert csvio._plain_rows_text(rows) is None, rows
