"""The cattrs converter: JSON-ready data and back, for every public model."""

from __future__ import annotations

import contextlib
import json
import pickle
from datetime import date

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nyukan_rules as nr
from nyukan_rules.examples import EXAMPLE_FILING, ExampleFiling

ON = date(2026, 11, 22)


def _samples() -> list[object]:
    return [
        nr.fee("extension_of_period", channel="online", accepted_on=ON, period_of_stay="1年6月"),
        nr.fee("permanent_residence", channel="counter", accepted_on=ON, hardship_reduction=True),
        nr.check_online_eligibility(
            ["permanent_residence", "reentry_permit_single"],
            on=ON,
            role="relative",
            status="短期滞在",
        ),
        nr.renewal_window(date(2027, 1, 31), period_of_stay="1年", channel="counter"),
        nr.organization_id_expiry(date(2025, 4, 10)),
        nr.fee_schedule(ON),
        nr.PeriodOfStay.parse("4年3月"),
        nr.Effective(date(2025, 4, 1), None),
        nr.SOURCES["isa-fee-2026"],
        EXAMPLE_FILING,
        nr.check_attachment(b"%PDF-1.4 broken", filename="a.pdf"),
        nr.check_photo(b"GIF89a", submitted_on=ON),
        nr.check_submission([("a.pdf", b"")], edition="current"),
        nr.PhotoPolicy.strict(),
        nr.SystemEdition.LEGACY.limits,
        nr.FieldKind.ADDRESS.rule,
        nr.unsupported_chars("髙")[0],
        nr.check_field("東京1", "address"),
        nr.validate_bulk_rows([{"txtName": "x"}, None], template="04N2"),
        nr.read_bulk_file(b"junk"),
        nr.bulk_template("01R1").columns[0],
        nr.CodeList("A045", (("有 Yes", "1"), ("無 No", "0"))),
        nr.read_csv("employee_id,x\r\nE1,2\r\n"),
        nr.DEFAULT_APPLICANT_SPEC,
        nr.DEFAULT_APPLICANT_SPEC.fields[0],
        nr.plan_renewals(
            [{"id": "E1", "status": "留学", "period_of_stay": "1年3月", "expires_on": "20270401"}],
            on=ON,
        ),
        *nr.plan_renewals(
            [{"id": "E1", "status": "留学", "period_of_stay": "1年3月", "expires_on": "20270401"}],
            on=ON,
        ),
        *nr.iter_roster(
            [{"id": "E1", "status": "留学", "period_of_stay": "1年3月", "expires_on": "20270401"}],
            on=ON,
        ),
        *nr.iter_roster_csv(
            "employee_id,status,period_of_stay,expires_on\r\nE1,留学,1年3月,20270401\r\n"
            "E2,留学,,20270401\r\n",
            on=ON,
            out_encoding="utf-8",
        ),
        nr.bulk_template("04N2").required_for({})[0],
        nr.records_to_bulk_files(
            [{"employee_id": "E1", "status": "永住者"}], kind="extension_of_period"
        ),
        # An upload file's bytes travel as base64 text.
        nr.BulkFiles(
            files=(("SA_03_003_04N2_ver001.csv", b"\xff\xfe\x00\x01"),),
            report=nr.BatchReport(rows=1),
            placed={0: ("SA_03_003_04N2_ver001.csv", 1)},
        ),
        nr.Person("E2", None, None, None),
        # --- documents
        nr.required_documents("change_of_status", "特定技能1号", on=ON, nationality="VN"),
        nr.required_documents("extension_of_period", "技人国", on=ON).documents[0],
        nr.required_documents("extension_of_period", "技人国", on=ON).questions[0],
        nr.employer_category(on=ON),
        nr.organization_request_checklist(role="organization_staff", on=ON),
        nr.organization_request_checklist(role="organization_staff", on=ON).prerequisites[0],
        nr.after_filing("certificate_of_eligibility", on=ON, channel="online")[0],
        # --- languages (i18n)
        nr.languages()[0],
    ]


@pytest.mark.parametrize("value", _samples(), ids=lambda v: type(v).__name__)
def test_round_trip_through_json(value: object) -> None:
    data = nr.converter.unstructure(value)
    text = json.dumps(data, ensure_ascii=False)  # JSON-ready: no dates, enums or tuples left
    back = nr.converter.structure(json.loads(text), type(value))
    assert back == value


def test_bytes_become_base64_text() -> None:
    data = nr.converter.unstructure(
        nr.BulkFiles(files=(("a.csv", b"\xff\xfe"),), report=nr.BatchReport(), placed={})
    )
    assert json.loads(json.dumps(data))["files"] == [["a.csv", "//4="]]
    assert nr.converter.structure("//4=", bytes) == b"\xff\xfe"
    with pytest.raises(nr.ArgumentValueError):
        nr.converter.structure("not base64!", bytes)
    with pytest.raises(nr.ArgumentTypeError):
        nr.converter.structure(42, bytes)


def test_enums_become_codes_and_dates_iso() -> None:
    data = nr.converter.unstructure(
        nr.fee("extension_of_period", channel="online", accepted_on=ON, period_of_stay="1年")
    )
    assert data["kind"] == "extension_of_period"
    assert type(data["kind"]) is str
    assert data["channel"] == "online"
    assert data["payment"] == "convenience_store_or_pay_easy"
    assert data["accepted_on"] == "2026-11-22"
    assert data["period_of_stay"] == "1年"
    assert data["sources"][0]["confidence"] == "secondary"


def test_structure_accepts_names_as_text() -> None:
    data = nr.converter.unstructure(EXAMPLE_FILING)
    data["role"] = "所属機関の職員"
    data["kinds"] = ["在留期間更新許可申請", "再入国許可申請（1回限り）"]
    assert nr.converter.structure(data, ExampleFiling) == EXAMPLE_FILING


def test_every_public_model_is_covered() -> None:
    covered = {type(v) for v in _samples()}
    public_models = {
        obj for name in nr.__all__ if isinstance(obj := getattr(nr, name), type) and attrs.has(obj)
    }
    # Finding and StayBand are inside the reports and fees above; a BulkTemplate
    # is data of the package, rebuilt from its workbook rather than from JSON.
    assert public_models - covered <= {nr.Finding, nr.StayBand, nr.BulkTemplate}
    # Finding and StayBand are covered inside the report and the fee above.


# --- The package's own error, with paths (issue 11; STYLE.md: cattrs' ClassValidationError) ---


def test_structure_raises_the_packages_error_with_every_path() -> None:
    data = nr.converter.unstructure(EXAMPLE_FILING)
    data["role"] = "boss"
    data["kinds"] = ["在留期間更新許可申請", "no such kind"]

    with pytest.raises(nr.ConversionError) as info:
        nr.converter.structure(data, ExampleFiling)
    error = info.value
    assert isinstance(error, nr.ValidationError)
    paths = [problem.rsplit(" @ ", 1)[1] for problem in error.problems]
    assert "$.role" in paths
    assert "$.kinds[1]" in paths
    assert "unknown ApplicantRole: 'boss'" in str(error)  # the package's message, not cattrs'
    assert error.code == "convert.invalid"
    assert error.params["type"] == "ExampleFiling"
    again = pickle.loads(pickle.dumps(error))
    assert (str(again), again.problems) == (str(error), error.problems)


def test_structure_wraps_cattrs_own_errors() -> None:
    with pytest.raises(nr.ConversionError, match=r"@ \$"):
        nr.converter.structure("x", int)
    with pytest.raises(nr.ConversionError):
        nr.converter.structure({"yen": 1}, nr.Fee)
    # A package error at the top is raised as it is.
    with pytest.raises(nr.ValidationError, match=r"^date must be a date"):
        nr.converter.structure("令和0年1月1日", date)


def test_enums_are_covered_without_a_list() -> None:
    """Hooks sit on the base classes: an enum made after the converter still converts."""
    import enum

    class Late(str, enum.Enum):
        A = "a"

    assert type(nr.converter.unstructure(Late.A)) is str
    assert nr.converter.structure("a", Late) is Late.A
    assert (
        nr.converter.structure("更新", nr.ApplicationKind) is nr.ApplicationKind.EXTENSION_OF_PERIOD
    )


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)


@settings(deadline=None, max_examples=200)
@given(_JSON, st.sampled_from([nr.Fee, ExampleFiling, nr.Report, nr.PeriodOfStay, bytes, date]))
def test_structure_raises_only_the_packages_errors(data: object, cl: type) -> None:
    """Issue 11 / STYLE.md: no cattrs error (nor KeyError, TypeError …) escapes structure."""
    with contextlib.suppress(nr.NyukanRulesError):
        nr.converter.structure(data, cl)
