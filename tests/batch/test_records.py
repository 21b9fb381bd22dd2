"""HR records: validate_records, normalize_records, read_csv, write_csv and the bulk mapping.

Sources: rasens-form-help (phone or mobile phone; field shapes), RULES.md §7.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nyukan_rules as nr
from tests.batch.hr import GOOD, records
from tests.batch.rows import valid_row

ON = date(2026, 11, 22)


def test_good_records_pass() -> None:
    report = nr.validate_records(records(50), on=ON)
    assert report.ok, report.codes
    assert report.findings == ()
    assert report.rows == 50


def test_planted_errors_are_all_found_and_nothing_else() -> None:
    rows = records(40)
    rows[2]["name_roman"] = "Nguyen Van An"  # lower case: refused characters
    rows[5]["mobile_phone"] = ""  # no phone at all
    rows[9]["date_of_birth"] = "20270101"  # born after `on`
    rows[14]["passport_expiry"] = "20261121"  # expired the day before `on`
    rows[17]["passport_number"] = rows[3]["passport_number"]  # duplicate
    rows[21]["residence_card_number"] = "AB1234567CD"  # 11 characters
    rows[26]["date_of_birth"] = "19950230"  # no such day
    rows[30]["corporate_number"] = "5835678256247"  # check digit
    del rows[33]["status"]  # required
    rows[36]["address"] = "東京都1-1"  # half-width in a full-width field
    report = nr.validate_records(rows, on=ON)
    found = {(f.row, f.field, f.code) for f in report.findings}
    assert found == {
        *((2, "name_roman", "field.unsupported_char") for _ in range(1)),
        (5, "phone", "record.phone_required"),
        (9, "date_of_birth", "record.born_in_future"),
        (14, "passport_expiry", "record.passport_expired"),
        (17, "passport_number", "record.duplicate"),
        (21, "residence_card_number", "field.format"),
        (26, "date_of_birth", "field.invalid_date"),
        (30, "corporate_number", "field.check_digit"),
        (33, "status", "field.required"),
        (36, "address", "field.unsupported_char"),
    }
    duplicate = report.by_row(17)[0]
    assert "row 4" in duplicate.message_en  # rows[3], counted from 1 in messages


def test_junk_records_are_findings_at_their_row() -> None:
    other = {**GOOD, "residence_card_number": "ZZ00000000ZZ", "passport_number": 12}
    report = nr.validate_records([GOOD, None, 7, "E1,NAME", other], on=ON)
    assert [(f.row, f.code) for f in report.errors] == [
        (1, "batch.not_a_row"),
        (2, "batch.not_a_row"),
        (3, "batch.not_a_row"),
        (4, "field.not_text"),
    ]


def test_nul_bytes_and_enormous_fields_are_findings() -> None:
    report = nr.validate_records(
        [{**GOOD, "address": "東京\x00都", "employer": "株" * 100_000}], on=ON
    )
    codes = {f.code for f in report.errors}
    assert "field.too_long" in codes
    assert codes & {"field.unsupported_char", "field.control_char"}


def test_unknown_fields_are_kept_and_noted() -> None:
    report = nr.validate_records([{**GOOD, "department": "R&D"}], on=ON)
    assert report.ok
    assert report.codes == ("record.unknown_field",)


def test_normalize_records_fixes_what_it_can() -> None:
    raw = {
        **GOOD,
        "name_roman": "ｎｇｕｙｅｎ　 van an",
        "date_of_birth": "1995/4/1",
        "postal_code": "〒100-0001",
        "address": "東京都千代田区霞が関1-1-1",
        "mobile_phone": "090-1234-5678",
        "passport_number": "c 1234567",
        "residence_card_number": "ab12345678cd",
    }
    (clean,), report = nr.normalize_records([raw])
    assert report.ok, report.codes
    assert clean["name_roman"] == "NGUYEN VAN AN"
    assert clean["postal_code"] == "1000001"
    assert clean["address"] == "東京都千代田区霞が関１－１－１"
    assert clean["residence_card_number"] == "AB12345678CD"
    assert nr.validate_records([clean], on=ON).ok


def test_normalize_records_keeps_every_row() -> None:
    out, report = nr.normalize_records([GOOD, None, {**GOOD, "sex": 1}])
    assert len(out) == 3
    assert out[1] == {}
    assert "sex" not in out[2]
    # the value that is not text is reported, and so is the field it leaves empty
    assert [(f.row, f.code) for f in report.errors] == [
        (1, "batch.not_a_row"),
        (2, "field.not_text"),
        (2, "field.required"),
    ]


FIXABLE = {"field.unsupported_char", "field.format", "field.too_long"}


@settings(max_examples=80, deadline=None)
@given(
    st.fixed_dictionaries(
        {
            "name_roman": st.sampled_from(["yamada taro", "ＹＡＭＡＤＡ　ＴＡＲＯ", " Li  Wei "]),
            "postal_code": st.sampled_from(["100-0001", "〒１００－０００１", "1000001"]),
            "mobile_phone": st.sampled_from(["090-1234-5678", "０９０１２３４５６７８"]),
            "date_of_birth": st.sampled_from(["1995/4/1", "1995年4月1日", "19950401"]),
            "address": st.sampled_from(["東京都港区1-2-3", "大阪府大阪市北区ﾒｲﾝ2-3"]),
        }
    )
)
def test_after_normalizing_no_fixable_finding_remains(values: dict[str, str]) -> None:
    (clean,), _ = nr.normalize_records([{**GOOD, **values}])
    report = nr.validate_records([clean], on=ON)
    assert not [f for f in report.findings if f.code in FIXABLE], report.codes


# --- CSV ---------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["cp932", "utf-8-sig"])
def test_csv_round_trip(encoding: str) -> None:
    rows = records(20)
    rows[0]["name_kana"] = "ﾔﾏﾀﾞ"  # half-width kana survive both encodings
    data = nr.write_csv(rows, encoding=encoding)
    assert data.count(b"\r\n") == 21
    table = nr.read_csv(data)
    assert table.encoding == encoding
    assert table.report.ok
    assert list(table.records) == rows


def test_plain_utf8_and_renamed_columns() -> None:
    data = "社員番号,氏名\r\nE1,YAMADA TARO\r\n".encode()
    table = nr.read_csv(data, columns={"社員番号": "employee_id", "氏名": "name_roman"})
    assert table.encoding == "utf-8"
    assert table.records == ({"employee_id": "E1", "name_roman": "YAMADA TARO"},)
    assert table.report.ok


def test_neither_encoding_is_an_error_not_a_guess() -> None:
    table = nr.read_csv(b"employee_id\r\n\x82\xff\x80\r\n")
    assert table.encoding == "unknown"
    assert table.records == ()
    assert table.report.codes == ("csv.encoding",)


def test_ragged_rows_unknown_columns_and_blank_lines() -> None:
    text = "employee_id,name_roman,shoe_size\r\nE1,A\r\n\r\nE2,B,42,extra\r\n"
    table = nr.read_csv(text)
    assert [(f.row, f.code) for f in table.report.findings] == [
        (None, "csv.unknown_column"),
        (0, "csv.ragged_row"),
        (1, "csv.ragged_row"),
    ]
    assert table.records[0] == {"employee_id": "E1", "name_roman": "A"}
    # the value past the header's last column is kept, under its column number
    assert table.records[1] == {
        "employee_id": "E2",
        "name_roman": "B",
        "shoe_size": "42",
        "#4": "extra",
    }
    assert "extra" in table.report.findings[2].message_en or table.report.findings[2].row == 1


def test_enormous_fields_are_findings() -> None:
    big = "x" * 200_000  # over the csv module's field limit
    table = nr.read_csv(f'employee_id,name_roman\r\nE1,"{big}\r\nE2,B\r\n')
    assert "csv.malformed" in table.report.codes


def test_write_refuses_what_the_encoding_cannot_hold() -> None:
    rows = records(3)
    rows[2]["name_kana"] = "\u9ad9\u6a4b"  # 髙 is cp932 (IBM extension) …
    nr.write_csv(rows)
    rows[1]["employer"] = "株式会社\U0001f600"  # … an emoji is not
    with pytest.raises(nr.ValidationError, match="row 2, field employer"):  # counted from 1
        nr.write_csv(rows)
    assert nr.write_csv(rows, encoding="utf-8-sig").startswith(b"\xef\xbb\xbf")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_read_csv_never_raises_on_bytes(data: bytes) -> None:
    assert isinstance(nr.read_csv(data), nr.CsvTable)


# --- to the upload file ---------------------------------------------------------------------


def test_hr_records_become_upload_files_through_the_mapping() -> None:
    template = nr.bulk_template("04N2")
    hr = records(3)
    mapped = nr.bulk_row(hr[0], template)
    assert mapped["txtName"] == hr[0]["name_roman"]
    assert mapped["radSex"] == "1"  # 男
    assert mapped["WCCCS020Dto:selZiryPeriod"] == "0100000"  # 1年
    assert mapped["zrteCardUmFlg"] == "1"
    # What HR data does not hold comes from defaults shared by the batch.
    filled = valid_row(template, start=mapped)
    defaults = {k: v for k, v in filled.items() if k not in mapped}
    result = nr.records_to_bulk_files(hr, template=template, defaults=defaults)
    assert result.report.ok, result.report.codes
    files = result.files
    assert [name for name, _ in files] == ["SA_03_003_04N2_ver001.csv"]
    back = nr.read_bulk_file(files[0][1])
    assert back.report.ok
    assert [r["txtName"] for r in back.rows] == [r["name_roman"] for r in hr]


def test_bad_hr_records_are_left_out_with_a_finding() -> None:
    bad = [{**GOOD, "name_roman": "Yamada@Taro"}]
    result = nr.records_to_bulk_files(bad, template="04N2")
    assert result.files == ()
    assert "name_roman" in {f.field for f in result.report.by_row(0)}


# --- the spec checks what it names (issue 9 item 5) -----------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("status", "技術・人文"),  # not a status's name
        ("period_of_stay", "7年"),  # no such period in the workbooks' list (1日 … 5年)
        ("sex", "X"),  # the workbooks' list C611: 男 or 女
        ("nationality", "Narnia"),  # the workbooks' country list CA61
    ],
)
def test_values_the_agency_would_refuse_are_findings(field: str, value: str) -> None:
    """Issue 9: validate_records accepted these; the bulk templates' code lists refuse them."""
    report = nr.validate_records([{**GOOD, field: value}], on=ON)
    (finding,) = report.errors
    assert (finding.row, finding.field, finding.code) == (0, field, "record.value_not_accepted")
    spec_field = nr.DEFAULT_APPLICANT_SPEC.field(field)
    assert spec_field is not None
    assert spec_field.label_ja in finding.message_ja  # the spec's own labels
    assert spec_field.label_en in finding.message_en


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("status", "特定技能1号"),
        ("status", "技人国"),
        ("status", "永住者"),
        ("period_of_stay", "5年"),
        ("period_of_stay", "１年６月"),
        ("period_of_stay", "90日"),
        ("period_of_stay", "無期限"),
        ("sex", "女"),
        ("sex", "2"),
        ("nationality", "中国"),
        ("nationality", "ベトナム Viet Nam"),
        ("nationality", "283"),
    ],
)
def test_values_the_agency_accepts_pass(field: str, value: str) -> None:
    record = {**GOOD, field: value}
    if value == "無期限":  # the period of a status that has none (GOOD is 技人国)
        record["status"] = "高度専門職2号"
    assert nr.validate_records([record], on=ON).ok


def test_a_domain_is_part_of_a_spec_and_optional() -> None:
    spec = nr.RecordSpec(fields=(nr.FieldSpec("sex", nr.FieldKind.TEXT, label_en="Sex"),))
    assert nr.validate_records([{"sex": "X"}], spec=spec, on=ON).ok
    checked = nr.RecordSpec(
        fields=(nr.FieldSpec("sex", nr.FieldKind.TEXT, domain=nr.FieldDomain.SEX),)
    )
    assert not nr.validate_records([{"sex": "X"}], spec=checked, on=ON).ok


def test_card_numbers_and_dates_are_checked_too() -> None:
    rows = [
        {**GOOD, "residence_card_number": "AB1234567"},
        {**GOOD, "expires_on": "20270229", "passport_number": "C7654321"},
    ]
    found = {(f.row, f.field, f.code) for f in nr.validate_records(rows, on=ON).errors}
    assert (0, "residence_card_number", "field.format") in found
    assert (1, "expires_on", "field.invalid_date") in found


# --- rows, types and messages (issue 10) -------------------------------------------------------


@pytest.mark.parametrize("rows", ["x" * 2_000_000, b"E1,NAME", {"employee_id": "E1"}, 5])
def test_rows_that_are_not_rows_raise_the_package_type_error(rows: object) -> None:
    """Issue 10: a str passed as rows was iterated letter by letter (98 s)."""
    with pytest.raises(nr.ArgumentTypeError):
        nr.validate_records(rows, on=ON)  # type: ignore[arg-type]
    with pytest.raises(nr.ArgumentTypeError):
        nr.normalize_records(rows)  # type: ignore[arg-type]


def test_messages_count_rows_from_one() -> None:
    report = nr.validate_records([GOOD, None], on=ON)
    (finding,) = report.errors
    assert finding.row == 1  # the attribute is the 0-based index, as documented
    assert "Row 2" in finding.message_en
    assert "2行目" in finding.message_ja


@pytest.mark.parametrize("field", ["name_roman", "address", "status", "nationality", "x"])
def test_a_lone_surrogate_is_a_finding_not_a_crash(field: str) -> None:
    """Issue 10: "E\\udc80" raised UnicodeEncodeError from deep inside."""
    record = {**GOOD, field: "E\udc80"}
    report = nr.validate_records([record], on=ON)
    if field != "x":
        assert not report.ok
        assert any(f.field == field for f in report.errors)
    (clean,), normalized = nr.normalize_records([record])
    assert field in clean  # nothing dropped
    if field != "x":
        assert not normalized.ok


def test_normalize_records_loses_no_field() -> None:
    """Issue 9: None and non-text values of fields outside the spec vanished silently."""
    (clean,), report = nr.normalize_records(
        [{**GOOD, "phone": None, "department": None, "badge": 42}]
    )
    assert clean["phone"] == ""
    assert clean["department"] == ""
    assert "badge" not in clean
    (left_out,) = report.by_code("record.value_left_out")
    assert (left_out.row, left_out.field) == (0, "badge")
    assert "int" in left_out.message_en


HR_VALUE = st.one_of(
    st.none(),
    st.integers(),
    st.dates(),
    st.text(max_size=20),
    st.sampled_from(["技人国", "永住者", "1年", "無期限", "9999-12-31", "E\udc80", "男", "\x00"]),
)
HR_RECORD = st.dictionaries(
    st.sampled_from([*nr.DEFAULT_APPLICANT_SPEC.names, "other", "id"]), HR_VALUE, max_size=8
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(HR_RECORD, st.none(), st.integers()), max_size=6))
def test_validate_and_normalize_never_raise(rows: list[object]) -> None:
    report = nr.validate_records(rows, on=ON)
    assert report.rows == len(rows)
    out, normalized = nr.normalize_records(rows)
    assert len(out) == len(rows)
    assert normalized.rows == len(rows)


def test_findings_can_be_capped_per_code_with_a_count() -> None:
    """Issue 10: findings of one kind are capped with a count of the rest (opt-in here, so
    that by default every row with an error is named)."""
    rows = [{**GOOD, "employee_id": f"E{i}", "passport_number": f"C{i:07d}", "sex": "X"}
            for i in range(30)]  # fmt: skip
    for row in rows:
        del row["residence_card_number"]
    report = nr.validate_records(rows, on=ON, max_findings_per_code=5)
    assert report.codes.count("record.value_not_accepted") == 5
    (more,) = report.by_code("report.more_findings")
    assert "25 more" in more.message_en
    assert not report.ok
    assert len(nr.validate_records(rows, on=ON).by_code("record.value_not_accepted")) == 30
    with pytest.raises(nr.ArgumentValueError):
        nr.validate_records(rows, on=ON, max_findings_per_code=-1)
    with pytest.raises(nr.ArgumentTypeError):
        nr.validate_records(rows, on=ON, spec="default")  # type: ignore[arg-type]


@pytest.mark.parametrize("status", ["永住者", "高度専門職2号"])
def test_a_status_with_no_period_needs_no_period_cell(status: str) -> None:
    """永住者 has no period of stay (入管法 別表第二), 高度専門職2号 is granted 無期限
    (入管法施行規則 別表第二): an HR export leaves the cell empty, which is no error."""
    record = dict(GOOD, status=status, period_of_stay="")
    report = nr.validate_records([record], on=date(2026, 11, 22))
    assert ("field.required", "period_of_stay") not in {(f.code, f.field) for f in report}
    _, normalized = nr.normalize_records([record])
    assert ("field.required", "period_of_stay") not in {(f.code, f.field) for f in normalized}
    # Any other status still needs its period.
    other = nr.validate_records([dict(record, status="留学")], on=date(2026, 11, 22))
    assert ("field.required", "period_of_stay") in {(f.code, f.field) for f in other}


def test_a_cap_of_zero_is_refused_and_a_capped_report_of_errors_is_not_ok() -> None:
    """Review of issue 10: max_findings_per_code=0 capped every error away and the report
    was ok.  A cap keeps at least one finding of each code, and the count of the rest
    carries the severity of the worst finding it counts."""
    with pytest.raises(nr.ArgumentValueError):
        nr.validate_records([{}], on=date(2026, 1, 1), max_findings_per_code=0)
    report = nr.validate_records([{}] * 3, on=date(2026, 1, 1), max_findings_per_code=1)
    assert not report.ok
    (more,) = [
        f for f in report.by_code("report.more_findings") if "field.required" in f.message_en
    ]
    assert more.severity is nr.Severity.ERROR
    # The shared helper does the same: a note counting errors is an error.
    from nyukan_rules.messages import cap_findings, make_finding

    notes = [make_finding("csv.multiline_field", line=1, count=2)] * 2
    errors = [make_finding("csv.malformed", line=1, detail="x")] * 3
    capped = cap_findings([*notes, *errors], limit=1)
    assert [(f.code, f.severity.value) for f in capped[2:]] == [
        ("report.more_findings", "warning"),
        ("report.more_findings", "error"),
    ]
    assert (
        nr.read_csv("employee_id\r\n" + '"x\r\n' * 200)
        .report.by_code("report.more_findings")[0]
        .severity
        is nr.Severity.ERROR
    )


def test_a_field_name_that_is_not_text_is_kept_with_a_finding() -> None:
    """Review of issue 10: normalize_records turned the key 3 into '3' silently."""
    out, report = nr.normalize_records([{3: "x", "employee_id": "E1"}])
    assert out == [{"3": "x", "employee_id": "E1"}]
    (finding,) = report.by_code("record.field_name_not_text")
    assert (finding.row, finding.field) == (0, "3")
    assert "an int" in finding.message_en
    # Two names that read the same: the one that is not text is left out, and said.
    out, report = nr.normalize_records([{3: "x", "3": "y"}])
    assert out == [{"3": "y"}]
    assert "record.value_left_out" in report.codes


def test_messages_name_types_with_their_article_and_escape_once() -> None:
    """Review of issue 10: "not text (a int)"; a lone surrogate shown as '\\\\udc80'."""
    _, report = nr.normalize_records([{"employee_id": "E1", "note": 5}])
    (left,) = report.by_code("record.value_left_out")
    assert "(an int)" in left.message_en
    report = nr.validate_records([{"status": "\udc80"}], on=ON)
    (refused,) = [f for f in report.by_code("record.value_not_accepted") if f.field == "status"]
    assert "'\\udc80'" in refused.message_en  # one backslash, as the value is written
    assert "\\\\" not in refused.message_en
    schedule = nr.plan_renewals([{"id": "E1", "status": "\udc80"}], on=ON)
    (unknown,) = schedule.report.errors
    assert "'\\udc80'" in unknown.message_en
    assert "\\\\" not in unknown.message_en


def test_a_row_that_is_no_mapping_is_named_with_its_article() -> None:
    """Review of issue 10: "(a int)" in batch.not_a_row; the type is named as a person reads it."""
    message = nr.validate_records([3], on=date(2026, 11, 22)).findings[0].message_en
    assert message.endswith("(it is an int).")
    assert nr.plan_renewals([3], on=date(2026, 11, 22)).report.findings[0].message_en == message


def test_indefinite_is_the_period_only_of_a_status_without_one() -> None:
    """無期限 is granted to 高度専門職2号 and 永住者 has no period (入管法 別表第二);
    for 技術・人文知識・国際業務 it is refused, as plan_renewals refuses it
    (roster.indefinite_period)."""
    engineer = dict(GOOD, period_of_stay="無期限")
    report = nr.validate_records([engineer], on=date(2026, 11, 22))
    (found,) = report.by_code("record.indefinite_period")
    assert found.field == "period_of_stay" and found.is_error  # noqa: PT018
    assert "Engineer" in found.message_en or "技術" in found.message_ja
    for status in ("高度専門職2号", "永住者"):
        fine = nr.validate_records([dict(engineer, status=status)], on=date(2026, 11, 22))
        assert not fine.by_code("record.indefinite_period"), status
