"""One rule base: every table is made of SourcedRule rows read through in_force, and
no default answer rests on a single-source or unverified fact (issue 11).

Sources named: renewal-short-period, org-id-three-years, photo-under-16-coe-exceptions,
fee-2026-payment-charge, isa-online-users-note-2-uncaptured (the single-source rows);
every id of nyukan_rules.milestones.MILESTONES.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import nyukan_rules as nr
from nyukan_rules import deadlines, eligibility, fees
from nyukan_rules.files import editions, photo
from nyukan_rules.milestones import MILESTONES
from nyukan_rules.rules import SourcedRule, in_force, is_default_confidence
from nyukan_rules.text import FIELD_RULES

K = nr.ApplicationKind
WEAK = {nr.Confidence.SINGLE, nr.Confidence.UNVERIFIED}
DAYS = [
    date(2019, 7, 25),
    date(2024, 1, 1),
    date(2025, 4, 1),
    date(2026, 6, 14),
    date(2026, 11, 23),
]

TABLES: dict[str, tuple[SourcedRule, ...]] = {
    "FEE_SCHEDULES": fees.FEE_SCHEDULES,
    "fee rows": tuple(r for s in fees.FEE_SCHEDULES for r in s.rows),
    "PAYMENT_RULES": fees.PAYMENT_RULES,
    "PAYMENT_CHARGES": fees.PAYMENT_CHARGES,
    "HARDSHIP_REDUCTIONS": fees.HARDSHIP_REDUCTIONS,
    "RENEWAL_OPENINGS": deadlines.RENEWAL_OPENINGS,
    "SPECIAL_PERIOD_RULES": deadlines.SPECIAL_PERIOD_RULES,
    "ID_TERMS": deadlines.ID_TERMS,
    "PERIODIC_REPORT_RULES": deadlines.PERIODIC_REPORT_RULES,
    "ONLINE_SYSTEM": (eligibility.ONLINE_SYSTEM,),
    "ONLINE_OFFERINGS": eligibility.ONLINE_OFFERINGS,
    "ROLE_AVAILABILITY": eligibility.ROLE_AVAILABILITY,
    "RELATIVE_COE_SCOPES": eligibility.RELATIVE_COE_SCOPES,
    "ROLE_RESTRICTIONS": eligibility.ROLE_RESTRICTIONS,
    "EXCLUDED_STATUSES": eligibility.EXCLUDED_STATUSES,
    "STATUS_SCOPE_LIMITS": eligibility.STATUS_SCOPE_LIMITS,
    "STATUS_QUESTIONS": eligibility.STATUS_QUESTIONS,
    "EXPIRY_DAY_RULES": eligibility.EXPIRY_DAY_RULES,
    "CARD_OPTIONS": eligibility.CARD_OPTIONS,
    "ORGANIZATION_FILINGS": eligibility.ORGANIZATION_FILINGS,
    "EDITION_LIMITS": editions.EDITION_LIMITS,
    "PHOTO_EXEMPTIONS": photo.PHOTO_EXEMPTIONS,
    "FIELD_RULES": tuple(FIELD_RULES.values()),
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_table_is_made_of_sourced_rows(name: str) -> None:
    rows = TABLES[name]
    assert rows
    for row in rows:
        assert isinstance(row, SourcedRule), (name, row)
        assert row.source_ids
        assert all(i in nr.SOURCES for i in row.source_ids), (name, row.source_ids)
        assert row.confidence is nr.Confidence.weakest(s.confidence for s in row.sources)


def test_in_force_keeps_single_source_rows_out_by_default() -> None:
    single = [
        r for rows in TABLES.values() for r in rows if not is_default_confidence(r.confidence)
    ]
    assert single  # the tables do hold single-source facts (renewal-short-period, ...)
    for rows in TABLES.values():
        assert not set(in_force(rows)) & set(single)
        assert set(in_force(rows, include_single_source=True)) == set(rows)


def _fee_answers() -> list[nr.Fee]:
    answers = []
    for day in DAYS:
        for kind in K:
            for channel in nr.Channel:
                for period in (None, "3月", "1年", "5年"):
                    try:
                        answers.append(
                            nr.fee(kind, channel=channel, accepted_on=day, period_of_stay=period)
                        )
                    except (nr.NotOfferedError, nr.MissingInputError, nr.NoRuleError):
                        continue
    return answers


def test_default_fee_answers_rest_on_established_facts() -> None:
    answers = _fee_answers()
    assert len(answers) > 100
    assert not [a for a in answers if a.confidence in WEAK]


def test_opting_in_changes_fee_answers() -> None:
    """fee-2026-payment-charge (single) and fee-2026-unlisted (unverified) only on request."""
    day = date(2026, 11, 23)
    plain = nr.fee(K.EXTENSION_OF_PERIOD, channel="online", accepted_on=day, period_of_stay="1年")
    charged = nr.fee(
        K.EXTENSION_OF_PERIOD,
        channel="online",
        accepted_on=day,
        period_of_stay="1年",
        payment_charge=True,
    )
    assert (plain.total_yen, charged.total_yen) == (27_000, 27_330)
    assert charged.confidence is nr.Confidence.SINGLE
    with pytest.raises(nr.NoRuleError):
        nr.fee(K.REFUGEE_TRAVEL_DOCUMENT, channel="counter", accepted_on=day)
    assert (
        nr.fee(
            K.REFUGEE_TRAVEL_DOCUMENT,
            channel="counter",
            accepted_on=day,
            include_single_source=True,
        ).confidence
        in WEAK
    )


@pytest.mark.parametrize("period", ["15日", "3月", "6月", "1年", "5年"])
@pytest.mark.parametrize("expires", [date(2026, 2, 28), date(2027, 1, 31)])
def test_default_renewal_windows_rest_on_established_facts(period: str, expires: date) -> None:
    for channel in nr.Channel:
        window = nr.renewal_window(expires, period_of_stay=period, channel=channel)
        assert window.confidence not in WEAK


def test_opting_in_changes_the_short_renewal_window() -> None:
    """renewal-short-period (single): the leak of issue 11 (period_of_stay="3月")."""
    default = nr.renewal_window(date(2026, 2, 28), period_of_stay="3月", channel="online")
    opted = nr.renewal_window(
        date(2026, 2, 28), period_of_stay="3月", channel="online", include_single_source=True
    )
    assert default.confidence not in WEAK
    assert opted.confidence is nr.Confidence.SINGLE
    assert opted.first_day > default.first_day


def test_organization_id_default_and_opt_in() -> None:
    """org-id-three-years (single) only on request."""
    default = nr.organization_id_expiry(date(2026, 2, 1))
    opted = nr.organization_id_expiry(date(2026, 2, 1), include_single_source=True)
    assert default.confidence not in WEAK
    assert (default.term_years, opted.term_years) == (1, 3)
    assert opted.confidence is nr.Confidence.SINGLE


def test_default_eligibility_findings_cite_established_sources() -> None:
    for day in DAYS:
        for role in nr.ApplicantRole:
            for kind in K:
                report = nr.check_online_eligibility(
                    [kind],
                    on=day,
                    role=role,
                    status="家族滞在",
                    desired_status="定住者",
                    applicant_age=10,
                )
                for finding in report:
                    assert not {s.confidence for s in finding.sources} & WEAK, finding.code


def test_opting_in_changes_eligibility() -> None:
    """isa-online-users-note-2-uncaptured (single): 定住者 for a relative's COE."""
    kw: dict[str, object] = {
        "on": date(2026, 11, 23),
        "role": "relative",
        "desired_status": "定住者",
    }
    assert not nr.check_online_eligibility(["certificate_of_eligibility"], **kw).ok  # type: ignore[arg-type]
    assert nr.check_online_eligibility(
        ["certificate_of_eligibility"],
        include_single_source=True,
        **kw,  # type: ignore[arg-type]
    ).ok


def test_default_photo_answers_do_not_use_the_single_source_exceptions() -> None:
    """photo-under-16-coe-exceptions (single): the leak of issue 11."""
    kw: dict[str, object] = {"on": date(2026, 1, 1), "applicant_age": 10, "desired_status": "留学"}
    assert nr.photo_required(K.CERTIFICATE_OF_ELIGIBILITY, **kw) is True  # type: ignore[arg-type]
    assert (
        nr.photo_required(K.CERTIFICATE_OF_ELIGIBILITY, include_single_source=True, **kw)  # type: ignore[arg-type]
        is False
    )


# --- named dates, once ------------------------------------------------------------------


def test_milestones_name_known_sources() -> None:
    for name, milestone in MILESTONES.items():
        assert milestone.source_ids, name
        assert all(i in nr.SOURCES for i in milestone.source_ids), name


def test_named_dates_are_written_only_in_milestones() -> None:
    """2019-07-25, 2026-01-05 and the others stand once, in nyukan_rules/milestones.py."""
    src = Path(nr.__file__).parent
    mine = ["fees.py", "eligibility.py", "deadlines.py", "files/photo.py", "files/editions.py"]
    mine += ["catalog/statuses.py", "reference.py", "rules.py"]
    for milestone in MILESTONES.values():
        day = milestone.day
        literal = re.compile(rf"date\({day.year},\s*{day.month},\s*{day.day}\)")
        for name in mine:
            code = "\n".join(
                line
                for line in (src / name).read_text(encoding="utf-8").splitlines()
                if not line.lstrip().startswith((">>>", "...", "#"))
            )
            assert not literal.search(code), (name, day)
