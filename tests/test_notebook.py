"""Reports, fees and plans in notebooks (issue 13, part 4): rows, DataFrames, HTML."""

from __future__ import annotations

import sys
from datetime import date

import pytest

import nyukan_rules as nr
from nyukan_rules import notebook
from nyukan_rules.report import BatchReport, Finding, Report, Severity

ON = date(2026, 11, 22)


def _eligibility() -> Report:
    """短期滞在 cannot be applied for online (isa-online-qa, isa-online-scope)."""
    return nr.check_online_eligibility(
        ["change_of_status"], on=ON, role="foreign_national", status="留学",
        desired_status="短期滞在",
    )  # fmt: skip


def _batch() -> BatchReport:
    """The example roster's findings (docs/hr.md): rows with ids."""
    from nyukan_rules.examples import EXAMPLE_HR_COLUMNS, example_hr_export

    table = nr.read_csv(example_hr_export(60), columns=EXAMPLE_HR_COLUMNS)
    clean, _ = nr.normalize_records(table.records)
    return nr.validate_records(clean, on=ON)


def _hostile(row: int | None = 0) -> Finding:
    """A finding whose every text is markup, as a hostile CSV could make it."""
    import attrs

    found = _eligibility().findings[0]
    return attrs.evolve(found, field="<script>alert(1)</script>", row=row)


def test_records_equal_the_findings() -> None:
    report = _batch()
    rows = notebook.to_records(report, lang="en")
    assert len(rows) == len(report.findings) > 0
    for row, finding in zip(rows, report.findings, strict=True):
        assert tuple(row) == notebook.FINDING_COLUMNS
        assert row["code"] == finding.code
        assert row["severity"] == finding.severity.value
        assert row["field"] == finding.field
        assert row["row"] == finding.row  # 0-based, as finding.row
        assert row["message"] == finding.message("en")
        assert row["sources"] == tuple(s.id for s in finding.sources)


def test_records_in_another_language() -> None:
    (row,) = notebook.to_records(_eligibility(), lang="ja")
    assert row["message"] == "在留資格「短期滞在」への申請はオンラインではできません。"
    assert row["params"]  # the values the message is made of, enums as their values
    assert all(not hasattr(v, "value") for v in row["params"].values())


def test_an_empty_report_has_no_rows() -> None:
    assert notebook.to_records(Report()) == []


def test_fees_across_dates_as_rows() -> None:
    """The 2026-10-01 schedule (isa-fee-2026) replaces the old one (isa-fee-2019)."""
    fees = [
        nr.fee("extension_of_period", channel="online", accepted_on=day, period_of_stay="1年")
        for day in (date(2026, 9, 30), date(2026, 10, 1))
    ]
    rows = notebook.to_records(fees)
    assert [r["yen"] for r in rows] == [5_500, 27_000]
    assert [r["accepted_on"] for r in rows] == [date(2026, 9, 30), date(2026, 10, 1)]
    assert tuple(rows[0]) == notebook.FEE_COLUMNS


def test_plans_as_rows() -> None:
    schedule = nr.plan_renewals(
        [{"id": "E1", "status": "技人国", "period_of_stay": "1年", "expires_on": "2027-01-31"}],
        on=ON,
    )
    (row,) = notebook.to_records(schedule)
    assert tuple(row) == notebook.PLAN_COLUMNS
    assert (row["id"], row["urgency"], row["last_day_online"]) == ("E1", "open", date(2027, 1, 30))


def test_to_pandas() -> None:
    pandas = pytest.importorskip("pandas")
    report = _batch()
    frame = notebook.to_pandas(report)
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(notebook.FINDING_COLUMNS)
    assert frame["code"].tolist() == list(report.codes)
    empty = notebook.to_pandas(Report())
    assert list(empty.columns) == list(notebook.FINDING_COLUMNS)
    assert len(empty) == 0


def test_to_polars() -> None:
    polars = pytest.importorskip("polars")
    report = _batch()
    frame = notebook.to_polars(report)
    assert isinstance(frame, polars.DataFrame)
    assert frame.columns == list(notebook.FINDING_COLUMNS)
    assert frame["code"].to_list() == list(report.codes)
    assert frame.height == len(report.findings)
    assert notebook.to_polars(Report()).height == 0


def test_a_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas: an ImportError saying which extra installs it."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r'pip install "nyukan-rules\[pandas\]"'):
        notebook.to_pandas(_eligibility())
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(ImportError, match=r'pip install "nyukan-rules\[polars\]"'):
        notebook.to_polars(_eligibility())


def test_html_escapes_every_value() -> None:
    report = Report([_hostile()])
    page = notebook.report_html(report)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<table>" in page


def test_html_escapes_the_message_and_code() -> None:
    import attrs

    finding = attrs.evolve(_hostile(None), code="x.<b>", severity=Severity.WARNING)
    page = notebook.report_html(Report([finding]))
    assert "<b>" not in page
    assert "x.&lt;b&gt;" in page


def test_html_counts_rows_from_one_and_caps_long_reports() -> None:
    report = BatchReport([_hostile(row=i) for i in range(notebook.HTML_ROWS + 5)], rows=300)
    page = notebook.report_html(report)
    assert "<td>1</td>" in page  # finding.row 0 is row 1 for a person
    assert page.count("<tr>") == notebook.HTML_ROWS + 1  # the header and the shown rows
    assert "5 more rows" in page


def test_html_of_an_ok_report() -> None:
    page = notebook.report_html(Report())
    assert page.startswith("<p>")
    assert "ok: 0 error(s)" in page


def test_fee_and_plan_html() -> None:
    fee = nr.fee("extension_of_period", channel="online", accepted_on=ON, period_of_stay="1年")
    page = notebook.fee_html(fee)
    assert "27,000" in page
    assert "extension_of_period" in page
    schedule = nr.plan_renewals(
        [{"id": "<i>E1</i>", "status": "技人国", "period_of_stay": "1年",
          "expires_on": "2027-01-31"}],
        on=ON,
    )  # fmt: skip
    page = notebook.plan_html(schedule[0])
    assert "&lt;i&gt;E1&lt;/i&gt;" in page
    assert "<i>" not in page


def test_the_models_delegate_to_the_notebook_module() -> None:
    """Report, BatchReport, Fee and RenewalPlan: the methods a notebook calls."""
    report = _batch()
    assert report.to_records() == notebook.to_records(report)  # Japanese by default
    assert report.to_records("en")[0]["message"] == report.findings[0].message("en")
    assert report._repr_html_() == notebook.report_html(report)
    assert Report([_hostile()])._repr_html_().count("&lt;script&gt;") == 1


def test_the_dataframe_methods() -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("polars")
    report = _eligibility()
    assert report.to_pandas("en")["code"].tolist() == list(report.codes)
    assert report.to_polars("en")["code"].to_list() == list(report.codes)


def test_schedule_html_shows_plans_and_who_is_unplanned() -> None:
    """roster.missing_expiry: a person without an expiry is named, never dropped (docs/hr.md)."""
    schedule = nr.plan_renewals(
        [
            {"id": "E1", "status": "技人国", "period_of_stay": "1年", "expires_on": "2027-01-31"},
            {"id": "E2", "status": "技人国", "period_of_stay": "1年", "expires_on": ""},
        ],
        on=ON,
    )
    page = notebook.schedule_html(schedule, schedule.report)
    assert "1 renewal plan(s); 1 person(s) or row(s) not planned" in page
    assert "roster.missing_expiry" in page
    assert "<td>E1</td>" in page


def test_fee_plan_and_schedule_show_themselves_as_tables() -> None:
    """Fee, RenewalPlan and RenewalSchedule: _repr_html_ delegates to the notebook module."""
    fee = nr.fee("extension_of_period", channel="online", accepted_on=ON, period_of_stay="1年")
    assert fee._repr_html_() == notebook.fee_html(fee)
    schedule = nr.plan_renewals(
        [{"id": "E1", "status": "技人国", "period_of_stay": "1年", "expires_on": "2027-01-31"}],
        on=ON,
    )
    assert schedule[0]._repr_html_() == notebook.plan_html(schedule[0])
    assert schedule._repr_html_() == notebook.schedule_html(schedule, schedule.report)
