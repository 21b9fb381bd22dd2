"""bulk_row, required_for and records_to_bulk_files: records to rows that pass.

Sources: issue 9 items 3 and 4 (each failing input below is the issue's);
isa-bulk-template-tool (the code lists CB19 現に有する在留資格, C611 性別,
CA61 国籍・地域; the ledger's チェック親列 of 携帯電話番号: given only where
電話番号 is empty; 300 applicants a file, mdlConst IPTSHT_INPUT_MXROW).
"""

from __future__ import annotations

import pytest

import nyukan_rules as nr
from tests.batch.rows import valid_row

RECORD = {
    "employee_id": "E0001",
    "name_roman": "NGUYEN VAN AN",
    "nationality": "ベトナム",
    "sex": "男",
    "date_of_birth": "1995-04-01",
    "postal_code": "1000001",
    "address": "東京都千代田区霞が関１－１－１",
    "mobile_phone": "09012345678",
    "passport_number": "C1234567",
    "passport_expiry": "2030-01-01",
    "residence_card_number": "AB12345678CD",
    "status": "技術・人文知識・国際業務",
    "period_of_stay": "1年",
    "expires_on": "2027-01-31",
}


@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [
        ("特定技能1号", "04V1", "T71"),
        ("特定技能2号", "04V1", "T72"),
        ("高度専門職1号ロ", "04NE", "T82"),
        ("技能実習2号ロ", "04Y1", "T24"),
        ("技術・人文知識・国際業務", "04N2", None),
    ],
)
def test_numbered_statuses_write_their_own_label(
    status: str, code: str, expected: str | None
) -> None:
    # Issue 9: 特定技能1号 was written as 特定技能, which the template's list refuses.
    template = nr.bulk_template(code)
    row = nr.bulk_row({"status": status}, template)
    column = template.by_header["selCurrentZirySkk"][-1]
    codes = template.code_list(column.code_list or "")
    assert codes is not None
    label = codes.label_for(row["selCurrentZirySkk"])
    assert label is not None
    if expected is not None:
        assert row["selCurrentZirySkk"] == expected
    report = nr.validate_bulk_rows([row], template=template)
    assert "selCurrentZirySkk" not in {f.field for f in report.by_code("batch.unknown_code")}


def test_both_phone_numbers_keep_the_one_the_template_takes() -> None:
    # Issue 9: a landline and a mobile number gave txtCelPhoneNum batch.not_applicable.
    record = {**RECORD, "phone": "0312345678"}
    row, notes = nr.bulk_row_with_findings(record, "04N2")
    # employee_id fills no column of 04N2: noted apart (batch.field_not_in_template).
    notes = [f for f in notes if f.code != "batch.field_not_in_template"]
    assert row["txtTelNum"] == "0312345678"
    assert "txtCelPhoneNum" not in row
    assert [(f.code, f.field, f.severity.value) for f in notes] == [
        ("batch.phone_kept", "txtCelPhoneNum", "info")
    ]
    assert "09012345678" in notes[0].message_en
    full = valid_row("04N2", start=row)  # the rest of the row answered, the mapped part kept
    assert {k: full[k] for k in row} == row
    assert nr.validate_bulk_rows([full], template="04N2").ok
    only_mobile, notes = nr.bulk_row_with_findings(RECORD, "04N2")
    assert only_mobile["txtCelPhoneNum"] == "09012345678"
    assert [(f.code, f.field) for f in notes] == [("batch.field_not_in_template", "employee_id")]


@pytest.mark.parametrize(
    ("field", "given", "header", "expected"),
    [
        ("sex", "M", "radSex", "1"),
        ("sex", "female", "radSex", "2"),
        ("sex", "女", "radSex", "2"),
        ("nationality", "Viet Nam", "WCCBS010Dto:selNationalityAndRegion", "283"),
        ("nationality", "ベトナム", "WCCBS010Dto:selNationalityAndRegion", "283"),
        ("date_of_birth", "1995-04-01", "selDateOfBirthYear(4),selDateOfBirthMonth(2),"
         "selDateOfBirthDay(2)", "19950401"),
        ("date_of_birth", "1995/4/1", "selDateOfBirthYear(4),selDateOfBirthMonth(2),"
         "selDateOfBirthDay(2)", "19950401"),
        ("period_of_stay", "1年", "WCCCS020Dto:selZiryPeriod", "0100000"),
    ],
)  # fmt: skip
def test_hr_wording_becomes_the_templates_codes(
    field: str, given: str, header: str, expected: str
) -> None:
    assert nr.bulk_row({field: given}, "04N2")[header] == expected


def test_required_for_lists_what_is_left_with_labels_and_values() -> None:
    template = nr.bulk_template("04N2")
    full = valid_row("04N2")
    assert template.required_for(full) == ()
    partial = dict(full)
    del partial["radSex"]
    (needed,) = template.required_for(partial)
    assert (needed.header, needed.label, needed.allowed) == (
        "radSex",
        "性別",
        (("男 male", "1"), ("女 female", "2")),
    )
    assert "radSex" in needed.label_en
    everything = template.required_for({})
    assert len(everything) > 30  # the ~30 further columns the user hunted for
    assert {c.header for c in everything} >= {"txtName", "radSex", "kjyuPostNo"}


def test_required_for_follows_the_choices_made() -> None:
    # A choice opens the columns that depend on it (同時申請: re-entry permit).
    template = nr.bulk_template("04N2")
    full = valid_row("04N2")
    chooser = next(c for c in template.columns if c.sheet.endswith("(同時申請)") and c.cell == "B")
    opened = template.required_for({**full, chooser.header: "1"})
    assert opened
    assert all(c.header not in full for c in opened)
    with pytest.raises(nr.ArgumentTypeError):
        template.required_for("radSex")


def _roster() -> list[dict[str, str]]:
    people = []
    for i in range(310):
        people.append(
            {
                **RECORD,
                "employee_id": f"E{i:04d}",
                "passport_number": f"C{i:07d}",
                "residence_card_number": f"AB{i:08d}CD",
            }
        )
    people[3]["status"] = "特定技能1号"
    people[4]["status"] = "家族滞在"
    people[5]["status"] = "永住者"  # no bulk template: unplaced
    people[6]["passport_number"] = people[1]["passport_number"]  # the same applicant again
    people[300]["residence_card_number"] = people[2]["residence_card_number"]  # in part 2
    people[7]["status"] = "技術・人文"  # not a status
    return people


def _defaults() -> dict[str, dict[str, str]]:
    """Per template, what the records do not give: the test's filler answers the rest."""
    found = {}
    for code, status in (("04N2", RECORD["status"]), ("04V1", "特定技能1号"), ("04R1", "家族滞在")):
        mapped = nr.bulk_row({**RECORD, "status": status}, code)
        found[code] = {k: v for k, v in valid_row(code, start=mapped).items() if k not in mapped}
    return found


def test_a_mixed_roster_in_one_call() -> None:
    people = _roster()
    result = nr.records_to_bulk_files(people, kind="extension_of_period", defaults=_defaults())
    names = [name for name, _ in result.files]
    assert names == [
        "SA_03_003_04N2_part1_ver001.csv",
        "SA_03_003_04N2_part2_ver001.csv",
        "SA_03_003_04V1_ver001.csv",
        "SA_03_003_04R1_ver001.csv",
    ]
    report = result.report
    assert report.rows == len(people)
    # Every record is in a file or has a finding saying why not.
    left_out = set(range(len(people))) - set(result.placed)
    assert left_out == {5, 6, 7, 300}
    for row in left_out:
        assert report.by_row(row), row
        assert any(f.is_error for f in report.by_row(row))
        assert f"E{row:04d}" in report.by_row(row)[0].message_en
    (dup1,) = [f for f in report.by_row(6) if f.code == "batch.duplicate_applicant"]
    assert "record 2" in dup1.message_en and "passport" in dup1.message_en  # noqa: PT018
    (dup2,) = [f for f in report.by_row(300) if f.code == "batch.duplicate_applicant"]
    assert "record 3" in dup2.message_en  # across the split files
    assert result.placed[3] == ("SA_03_003_04V1_ver001.csv", 1)
    assert result.placed[4] == ("SA_03_003_04R1_ver001.csv", 1)
    # Every file reads back without errors and holds the rows it was given.
    for name, data in result.files:
        read = nr.read_bulk_file(data)
        assert read.report.ok, (name, read.report.codes[:5])
        assert len(read.rows) == sum(1 for n, _ in result.placed.values() if n == name)
        assert len(read.rows) <= nr.MAX_ROWS_PER_FILE
    first = nr.read_bulk_file(result.files[0][1]).rows[0]
    assert first["txtName"] == "NGUYEN VAN AN"
    assert first["txtPassportNum"] == "C0000000"


def test_records_with_errors_are_findings_not_dropped() -> None:
    people = _roster()[:3]
    people[1]["name_roman"] = ""
    result = nr.records_to_bulk_files(people, kind="extension_of_period", defaults=_defaults())
    assert set(result.placed) == {0, 2}
    assert "batch.unplaced" in {f.code for f in result.report.by_row(1)}
    assert "[employee_id E0001]" in result.report.by_row(1)[0].message_en


def test_records_to_bulk_files_arguments() -> None:
    with pytest.raises(nr.ArgumentTypeError):
        nr.records_to_bulk_files("x" * 100, kind="extension_of_period")
    with pytest.raises(nr.ArgumentTypeError):
        nr.records_to_bulk_files([RECORD])
    with pytest.raises(nr.ArgumentTypeError):
        nr.records_to_bulk_files([RECORD], kind=42)
    with pytest.raises(nr.NotOfferedError):
        nr.records_to_bulk_files([RECORD], kind="extension_of_period", on="2026-01-01")
    one = nr.records_to_bulk_files([RECORD], template="04N2", defaults=_defaults(), on="2026-11-23")
    assert [name for name, _ in one.files] == ["SA_03_003_04N2_ver001.csv"]


def test_results_cross_a_process_boundary() -> None:
    import pickle

    result = nr.records_to_bulk_files(
        [{"employee_id": "E1", "status": "永住者"}], kind="extension_of_period"
    )
    assert pickle.loads(pickle.dumps(result)) == result
    needed = nr.bulk_template("04N2").required_for({})
    assert pickle.loads(pickle.dumps(needed)) == needed


def test_an_unknown_kind_raises_once_not_a_finding_per_record() -> None:
    # Review: records_to_bulk_files([rec], kind="no_such_kind") gave one batch.unplaced per
    # record (the error was told apart by "kind" in its message) instead of raising.
    with pytest.raises(nr.UnknownNameError):
        nr.records_to_bulk_files([RECORD, RECORD], kind="no_such_kind")
    with pytest.raises(nr.ArgumentTypeError):
        nr.records_to_bulk_files([RECORD], kind=42)


def test_a_records_own_template_columns_are_its_values_over_the_defaults() -> None:
    # Review: a record with "radSpouse": "0" (a header of 04N2) was dropped and the row
    # still got batch.required on radSpouse; per-person answers belong to the record.
    row, notes = nr.bulk_row_with_findings({**RECORD, "radSpouse": "0"}, "04N2")
    assert row["radSpouse"] == "0"
    defaults = {"04N2": {"radSpouse": "1"}}
    result = nr.records_to_bulk_files(
        [{**RECORD, "radSpouse": "0"}], kind="extension_of_period", defaults=defaults
    )
    assert "radSpouse" not in {f.field for f in result.report.by_code("batch.required")}
    name, line = result.placed[0] if result.placed else ("", 0)
    if name:
        read = nr.read_bulk_file(dict(result.files)[name]).rows[line - 1]
        assert read["radSpouse"] == "0"
    assert "batch.field_not_in_template" not in {f.code for f in notes if f.field == "radSpouse"}


def test_fields_no_column_takes_are_one_note_per_field_per_batch() -> None:
    # Review: record fields outside BULK_MAPPING were dropped with no finding.
    records = [
        {
            **RECORD,
            "employee_id": f"E{i}",
            "passport_number": f"C{i:07d}",
            "residence_card_number": f"AB{i:08d}CD",
            "favourite_colour": "blue",
        }
        for i in range(3)
    ]
    result = nr.records_to_bulk_files(records, kind="extension_of_period")
    notes = result.report.by_code("batch.field_not_in_template")
    assert sorted(f.field for f in notes) == ["employee_id", "favourite_colour"]
    assert all(f.severity.value == "info" for f in notes)
    assert all("04N2" in f.message_en and "(3 record(s))" in f.message_en for f in notes)
    _, single = nr.bulk_row_with_findings({"favourite_colour": "blue"}, "04N2")
    assert [f.code for f in single] == ["batch.field_not_in_template"]


@pytest.mark.parametrize(
    ("code", "header"),
    [
        ("04N2", "txtAllowancesAndSalary"),
        ("01N2", "txtAllowancesAndSalary"),
        ("04V1", "txtKykyMonthHoshKngk"),
        ("05V1", "txtKykyMonthHoshKngk"),
    ],
)
def test_monthly_salary_fills_the_applicants_monthly_pay(code: str, header: str) -> None:
    # isa-bulk-template-tool ledger: 04N2 txtAllowancesAndSalary 月額給与・月額報酬(税引き前の
    # 支払額); 04V1 txtKykyMonthHoshKngk 特定技能雇用契約 (4)月額報酬.  Employer: 04N2
    # txtShzkKknKiykSkName 所属機関等契約先 (1)名称; 04V1 txtTtgnSzknName 特定技能所属機関 (1).
    row = nr.bulk_row({"monthly_salary": "287,000", "employer": "株式会社サンプル"}, code)
    assert row[header] == "287000"
    employer = "txtShzkKknKiykSkName" if header == "txtAllowancesAndSalary" else "txtTtgnSzknName"
    assert row[employer] == "株式会社サンプル"
    # 法人番号 needs its 有無 choice: left unmapped, so a note says so.
    _, notes = nr.bulk_row_with_findings({"corporate_number": "5835678256246"}, code)
    assert [f.code for f in notes] == ["batch.field_not_in_template"]


def test_values_that_are_not_text_are_findings() -> None:
    # Review: bulk_row({"status": 5, "sex": ["x"]}, "04V1") returned {'zrteCardUmFlg': '0'}.
    row, notes = nr.bulk_row_with_findings({"status": 5, "sex": ["x"]}, "04V1")
    assert row == {"zrteCardUmFlg": "0"}
    assert sorted((f.code, f.field) for f in notes) == [
        ("batch.not_text", "radSex"),
        ("batch.not_text", "selCurrentZirySkk"),
    ]
    _, notes = nr.bulk_row_with_findings({"radSpouse": 0}, "04N2")
    assert [(f.code, f.field) for f in notes] == [("batch.not_text", "radSpouse")]


def test_a_mapping_of_strings_is_refused() -> None:
    # Review: mapping={"status": "selCurrentZirySkk"} was iterated letter by letter.
    with pytest.raises(nr.ArgumentTypeError):
        nr.bulk_row(RECORD, "04V1", mapping={"status": "selCurrentZirySkk"})  # type: ignore[dict-item]
    with pytest.raises(nr.ArgumentTypeError):
        nr.records_to_bulk_files(
            [RECORD], kind="extension_of_period", mapping={"status": "selCurrentZirySkk"}
        )  # type: ignore[dict-item]
    assert (
        nr.bulk_row({"status": "特定技能1号"}, "04V1", mapping={"status": ["selCurrentZirySkk"]})[
            "selCurrentZirySkk"
        ]
        == "T71"
    )


def test_a_field_and_the_records_own_column_for_it() -> None:
    # Nothing lost: where a record gives a column both by a mapped field and by its own
    # header, the header's value is written and the other is named (batch.value_overridden).
    row, notes = nr.bulk_row_with_findings({"sex": "男", "radSex": "2"}, "04V1")
    assert row["radSex"] == "2"
    assert [(f.code, f.field) for f in notes] == [("batch.value_overridden", "radSex")]
    assert "“1”" in notes[0].message_en


def test_the_same_card_under_its_column_name_is_found_at_the_record() -> None:
    # Issue 9 item 4 and the review: a duplicate given under the template's own header
    # is found by the row checks, numbered by the records (1-based in the message).
    card = "WCCCS020Dto:txtZiryCardNum"
    other = {
        **RECORD,
        "employee_id": "E2",
        "passport_number": "C7654321",
        "residence_card_number": "AB99999999CD",
        card: RECORD["residence_card_number"],
    }
    result = nr.records_to_bulk_files([RECORD, other], kind="extension_of_period")
    found = result.report.by_code("batch.duplicate_applicant")
    assert [(f.row, f.field) for f in found] == [(1, card)]
    assert "Record 2" in found[0].message_en
    assert "record 1" in found[0].message_en
    assert 1 not in result.placed
