"""validate_bulk_rows, write_bulk_files and read_bulk_file.

Sources: isa-bulk-template-tool (the checks and their order, mdlChk and
mdMain; the upload format, mdMain.outputFile and mdlCmn.writeFile), RULES.md §7.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nyukan_rules as nr
from tests.batch.rows import valid_row

T = "04N2"
BIRTH = "selDateOfBirthYear(4),selDateOfBirthMonth(2),selDateOfBirthDay(2)"


@pytest.fixture(scope="module")
def row() -> dict[str, str]:
    return valid_row(T)


def test_a_valid_row_passes(row: dict[str, str]) -> None:
    report = nr.validate_bulk_rows([row], template=T)
    assert report.ok, report.codes
    assert report.rows == 1


@pytest.mark.parametrize(
    "code",
    [c for c in nr.bulk_template_codes() if c not in {"01R1", "01V1", "05V1"}],
)
def test_every_template_has_a_valid_row(code: str) -> None:
    # The test's filler answers each template's own findings; three categories need
    # choices it does not make, which says nothing about the validation.
    assert nr.validate_bulk_rows([valid_row(code)], template=code).ok


def test_planted_errors_are_all_found_and_nothing_else(row: dict[str, str]) -> None:
    rows = [dict(row) for _ in range(50)]
    planted = {
        (3, "txtName"): "batch.name_format",
        (7, "radSex"): "batch.unknown_code",
        (11, "kjyuPostNo"): "batch.length",
        (19, "txtCelPhoneNum"): "batch.char_class",
        (23, "WCCBS010Dto:selNationalityAndRegion"): "batch.required",
        (29, "txtJob"): "batch.control_char",
        (31, BIRTH): "batch.invalid_date",
        (37, "txtTucSusnMailAddress"): "batch.too_long",
        (41, "doji.reRasSnsiSybtCode"): "batch.unknown_code",
        (43, "no_such_column"): "batch.unknown_column",
    }  # fmt: skip
    rows[3]["txtName"] = "Houmu Taro"
    rows[7]["radSex"] = "3"
    rows[11]["kjyuPostNo"] = "123456"
    rows[19]["txtCelPhoneNum"] = "090-1234-5678"
    del rows[23]["WCCBS010Dto:selNationalityAndRegion"]
    rows[29]["txtJob"] = "会社員\t技術"
    rows[31][BIRTH] = "19900230"
    rows[37]["txtTucSusnMailAddress"] = "a" * 61
    rows[41]["doji.reRasSnsiSybtCode"] = "有 Yes!"
    rows[43]["no_such_column"] = "x"
    report = nr.validate_bulk_rows(iter(rows), template=T)
    found = {(f.row, f.field or "no_such_column", f.code) for f in report.errors}
    expected = {(r, field, code) for (r, field), code in planted.items()}
    # A tab is also outside the field's classes, and "090-1234-5678" is also too long.
    expected |= {(29, "txtJob", "batch.char_class"), (19, "txtCelPhoneNum", "batch.too_long")}
    assert found == expected
    assert report.rows_with_errors == tuple(sorted(r for r, _ in planted))
    name = report.by_row(3)[0]
    assert "氏名" in name.message_ja
    assert "txtName" in name.message_en


def test_labels_are_codes_too(row: dict[str, str]) -> None:
    labelled = {**row, "radSex": "男 male", "radSpouse": "無 No"}
    assert nr.validate_bulk_rows([labelled], template=T).ok
    ((_name, data),) = nr.write_bulk_files([labelled], template=T)
    fields = data[2:].decode("utf-16-le").split("\r\n")[1].split("\t")
    header = nr.bulk_template(T).header
    assert fields[header.index("radSex")] == "1"
    assert fields[header.index("radSpouse")] == "0"  # 有無: 1 有 / 0 無 in the bulk file


def test_parent_conditions(row: dict[str, str]) -> None:
    # 同時申請: re-entry columns apply only when re-entry is chosen (有 = 1).
    template = nr.bulk_template(T)
    reentry = next(c for c in template.columns if c.sheet.endswith("(同時申請)") and c.cell == "X")
    off = {**row, "doji.reRasSnsiSybtCode": "0", reentry.header: "x"}
    report = nr.validate_bulk_rows([off], template=T)
    assert [(f.code, f.field) for f in report.errors] == [("batch.not_applicable", reentry.header)]
    on = {**row, "doji.reRasSnsiSybtCode": "1"}
    codes = nr.validate_bulk_rows([on], template=T).codes
    assert "batch.required" in codes  # choosing re-entry makes its own columns required


def test_a_party_needs_one_phone_number(row: dict[str, str]) -> None:
    # 「電話番号」又は「携帯電話番号」はどちらか必須 (rasens-form-help): the 代理人 block.
    template = nr.bulk_template(T)
    agent = next(c for c in template.columns if c.header == "txtDirnnName")
    report = nr.validate_bulk_rows([{**row, agent.header: "法務　花子"}], template=T)
    assert ("batch.phone_required", "txtDirnnTelNum") in [(f.code, f.field) for f in report.errors]
    with_phone = {**row, agent.header: "法務　花子", "txtDirnnTelNum": "0312345678"}
    codes = nr.validate_bulk_rows([with_phone], template=T).codes
    assert "batch.phone_required" not in codes


def test_hidden_columns_take_no_value() -> None:
    template = nr.bulk_template("01J2")
    hidden = next(c for c in template.columns if c.hidden)
    report = nr.validate_bulk_rows([{**valid_row("01J2"), hidden.header: "x"}], template="01J2")
    assert ("batch.not_applicable", hidden.header) in [(f.code, f.field) for f in report.errors]


def test_unknown_date_forms_where_the_field_allows_them(row: dict[str, str]) -> None:
    birth = BIRTH
    for value in ("99999999", "19900000", "19900500"):
        assert nr.validate_bulk_rows([{**row, birth: value}], template=T).ok, value
    assert not nr.validate_bulk_rows([{**row, birth: "19901300"}], template=T).ok


def test_outside_jis_is_a_warning(row: dict[str, str]) -> None:
    report = nr.validate_bulk_rows([{**row, "txtJob": "髙橋商店"}], template=T)
    assert report.ok
    assert report.codes == ("batch.outside_jis",)


def test_junk_rows_are_findings_at_their_row(row: dict[str, str]) -> None:
    report = nr.validate_bulk_rows([row, None, 42, "text", {**row, "txtName": 7}], template=T)
    assert [(f.row, f.code) for f in report.errors] == [
        (1, "batch.not_a_row"),
        (2, "batch.not_a_row"),
        (3, "batch.not_a_row"),
        (4, "batch.not_text"),
    ]


def test_any_iterable_and_memory_with_the_findings(row: dict[str, str]) -> None:
    def many() -> Iterator[dict[str, str]]:
        for _ in range(2_000):
            yield row

    report = nr.validate_bulk_rows(many(), template=T)
    assert report.ok
    assert report.rows == 2_000


def test_301_rows_become_two_files_as_the_tool_writes_them(row: dict[str, str]) -> None:
    files = nr.write_bulk_files([row] * 301, template=T)
    assert [name for name, _ in files] == [
        "SA_03_003_04N2_part1_ver001.csv",
        "SA_03_003_04N2_part2_ver001.csv",
    ]
    template = nr.bulk_template(T)
    for (_, data), count in zip(files, (300, 1), strict=True):
        assert data.startswith(b"\xff\xfe")  # UTF-16LE with BOM
        text = data[2:].decode("utf-16-le")
        assert not text.endswith("\r\n")  # no CRLF after the last line
        lines = text.split("\r\n")
        assert len(lines) == count + 1  # one header row
        assert lines[0].split("\t") == list(template.header)
        for number, line in enumerate(lines[1:], start=1):
            fields = line.split("\t")
            assert len(fields) == template.width
            assert fields[:3] == [str(number), "04N", "04N2"]
            assert fields[-1] == ""


def test_one_file_keeps_the_tools_name(row: dict[str, str]) -> None:
    ((name, _),) = nr.write_bulk_files([row], template=T)
    assert name == "SA_03_003_04N2_ver001.csv"


def test_bad_rows_write_nothing(row: dict[str, str]) -> None:
    with pytest.raises(nr.ValidationError) as info:
        nr.write_bulk_files([row, {**row, "radSex": "9"}], template=T)
    assert isinstance(info.value.report, nr.BatchReport)
    assert info.value.report.rows_with_errors == (1,)


def test_round_trip_through_read_bulk_file(row: dict[str, str]) -> None:
    ((_, data),) = nr.write_bulk_files([row, row], template=T)
    back = nr.read_bulk_file(data)
    assert back.template is nr.bulk_template(T)
    assert back.report.ok
    assert list(back.rows) == [row, row]


@pytest.mark.parametrize(
    "junk",
    [
        b"",
        b"plain text",
        "not bytes",
        b"\xff\xfe" + "x\ty".encode("utf-16-le"),
        b"\xff\xfe\x00\xd8",
    ],
)
def test_read_bulk_file_never_raises(junk: object) -> None:
    result = nr.read_bulk_file(junk)  # type: ignore[arg-type]
    assert not result.report.ok
    assert result.report.codes[0] == "batch.file_format"


def test_a_file_with_a_broken_line(row: dict[str, str]) -> None:
    ((_, data),) = nr.write_bulk_files([row], template=T)
    broken = data + "\r\n1\t04N\t04N2\tonly a few".encode("utf-16-le")
    result = nr.read_bulk_file(broken)
    assert [(f.code, f.row) for f in result.report.errors] == [("batch.file_format", 1)]


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["txtName", "radSex", "kjyuPostNo", "txtJob", "zzz"]), st.text(max_size=20)
    )
)
def test_random_rows_give_a_report(values: dict[str, str]) -> None:
    report = nr.validate_bulk_rows([values], template=T)
    assert all(f.row == 0 for f in report.findings)


@pytest.fixture(scope="module")
def carded() -> dict[str, str]:
    """A valid row of an applicant with a residence card (the card's columns answered)."""
    start = {"zrteCardUmFlg": "1", "WCCCS020Dto:txtZiryCardNum": "AB00000000CD"}
    return valid_row(T, start={**start, "txtPassportNum": "C0000000"})


def _person(row: dict[str, str], i: int) -> dict[str, str]:
    """``row`` as applicant ``i``: its own passport and residence card numbers."""
    return {**row, "txtPassportNum": f"C{i:07d}", "WCCCS020Dto:txtZiryCardNum": f"AB{i:08d}CD"}


def test_the_same_applicant_twice_in_rows_is_a_finding(carded: dict[str, str]) -> None:
    # Review of issue 9 item 4: validate_bulk_rows([{"txtPassportNum": "C1234567", ...}]*2)
    # gave no finding; one applicant is one line of a batch.
    first, second = _person(carded, 1), _person(carded, 2)
    assert nr.validate_bulk_rows([first, second], template=T).ok
    report = nr.validate_bulk_rows([first, second, first], template=T)
    found = [(f.code, f.row, f.field) for f in report.by_code("batch.duplicate_applicant")]
    assert found == [("batch.duplicate_applicant", 2, "txtPassportNum")]
    message = report.by_code("batch.duplicate_applicant")[0].message_en
    assert "Record 3" in message
    assert "record 1" in message
    card = {**second, "WCCCS020Dto:txtZiryCardNum": first["WCCCS020Dto:txtZiryCardNum"]}
    report = nr.validate_bulk_rows([first, card], template=T)
    assert [(f.row, f.field) for f in report.by_code("batch.duplicate_applicant")] == [
        (1, "WCCCS020Dto:txtZiryCardNum")
    ]


def test_the_same_applicant_twice_in_a_file_is_a_finding(carded: dict[str, str]) -> None:
    # Review: read_bulk_file of a file with two lines holding the same passport: no finding.
    ((_, data),) = nr.write_bulk_files([_person(carded, 1), _person(carded, 2)], template=T)
    twice = data.replace("C0000002".encode("utf-16-le"), "C0000001".encode("utf-16-le"))
    result = nr.read_bulk_file(twice)
    assert [(f.code, f.row) for f in result.report.errors] == [("batch.duplicate_applicant", 1)]
