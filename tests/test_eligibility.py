"""check_online_eligibility: RULES.md §2 and §4.

Sources: isa-online-qa and isa-online-scope (procedures, excluded statuses),
isa-online-users (what relatives may file), isa-online-user-registration (the
relatives' condition), online-start-2019 and online-expansion-2022 (roles by
date), online-not-on-expiry-day, permanent-residence-counter-only.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nyukan_rules as nr
from nyukan_rules.eligibility import (
    EXCLUDED_STATUSES,
    ONLINE_OFFERINGS,
    ROLE_AVAILABILITY,
    ROLE_RESTRICTIONS,
    STATUS_SCOPE_LIMITS,
)

K = nr.ApplicationKind
R = nr.ApplicantRole
S = nr.StatusOfResidence
ON = date(2026, 11, 22)
EXPIRES = date(2027, 1, 31)

AGENT_ROLES = [
    R.LAWYER_OR_SCRIVENER,
    R.ORGANIZATION_STAFF,
    R.PUBLIC_INTEREST_CORPORATION_STAFF,
    R.REGISTERED_SUPPORT_ORGANIZATION_STAFF,
]


def check(kinds: object, **kw: object) -> nr.Report:
    args: dict[str, object] = {
        "on": ON,
        "role": R.ORGANIZATION_STAFF,
        "registered_agent": True,
        "status": S.ENGINEER_SPECIALIST_HUMANITIES_INTERNATIONAL,
        "desired_status": S.ENGINEER_SPECIALIST_HUMANITIES_INTERNATIONAL,
        "expires_on": EXPIRES,
    }
    args.update(kw)
    return nr.check_online_eligibility(kinds, **args)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kind",
    [
        K.CERTIFICATE_OF_ELIGIBILITY,
        K.CHANGE_OF_STATUS,
        K.EXTENSION_OF_PERIOD,
        K.ACQUISITION_OF_STATUS,
        K.EMPLOYMENT_CERTIFICATE,
    ],
)
def test_standalone_procedures_are_offered(kind: nr.ApplicationKind) -> None:
    report = check([kind])
    assert report.ok
    assert report.codes == ()


def test_permanent_residence_is_counter_only() -> None:
    report = check([K.PERMANENT_RESIDENCE])
    assert report.codes == ("eligibility.kind_not_offered",)
    finding = report.errors[0]
    assert {s.id for s in finding.sources} >= {"permanent-residence-counter-only"}
    assert "永住許可申請" in finding.message_ja
    assert "Permanent Residence" in finding.message_en


@pytest.mark.parametrize(
    "kind", [K.REENTRY_PERMIT_SINGLE, K.REENTRY_PERMIT_MULTIPLE, K.PERMISSION_FOR_ACTIVITY]
)
def test_companion_procedures(kind: nr.ApplicationKind) -> None:
    assert check([kind]).codes == ("eligibility.requires_companion",)
    assert check([kind, K.EMPLOYMENT_CERTIFICATE]).codes == ("eligibility.requires_companion",)
    for companion in (K.CHANGE_OF_STATUS, K.EXTENSION_OF_PERIOD, K.ACQUISITION_OF_STATUS):
        assert check([companion, kind]).ok


@pytest.mark.parametrize("status", [S.DIPLOMAT, S.TEMPORARY_VISITOR, "特定活動（出国準備期間）"])
def test_excluded_statuses_held_or_desired(status: object) -> None:
    assert "eligibility.status_excluded" in check([K.EXTENSION_OF_PERIOD], status=status).codes
    desired = check([K.CHANGE_OF_STATUS], desired_status=status)
    assert "eligibility.desired_status_excluded" in desired.codes
    assert not desired.ok


def test_the_parsed_departure_preparation_status_is_excluded() -> None:
    # The issue's own example: StatusOfResidence.parse("特定活動（出国準備期間）").
    status = S.parse("特定活動（出国準備期間）")
    assert status in {row.status for row in EXCLUDED_STATUSES}
    assert check([K.EXTENSION_OF_PERIOD], status=status).codes[0] == "eligibility.status_excluded"
    # ... while plain 特定活動 is only a warning (some designations are in scope).
    plain = check([K.EXTENSION_OF_PERIOD], status="特定活動")
    assert plain.ok
    assert plain.codes == ("eligibility.status_scope_limited",)


@pytest.mark.parametrize(
    "role", [R.FOREIGN_NATIONAL, R.LEGAL_REPRESENTATIVE, R.RELATIVE, R.LAWYER_OR_SCRIVENER]
)
def test_roles_added_on_2022_03_16(role: nr.ApplicantRole) -> None:
    kw: dict[str, object] = {"role": role, "applicant_age": 10}
    before = check([K.EXTENSION_OF_PERIOD], on=date(2022, 3, 15), expires_on=date(2022, 6, 1), **kw)
    assert before.codes == ("eligibility.role_not_available",)
    assert before.errors[0].params["since"] == "2022-03-16"  # dates kept as JSON keeps them
    after = check([K.EXTENSION_OF_PERIOD], on=date(2022, 3, 16), expires_on=date(2022, 6, 1), **kw)
    assert after.ok


def test_organization_staff_since_the_start() -> None:
    assert check([K.EXTENSION_OF_PERIOD], on=date(2019, 7, 25), expires_on=date(2019, 9, 1)).ok
    before = check([K.EXTENSION_OF_PERIOD], on=date(2019, 7, 24), expires_on=date(2019, 9, 1))
    assert before.codes == ("eligibility.system_not_available",)


@pytest.mark.parametrize("role", AGENT_ROLES)
def test_agents_must_be_registered(role: nr.ApplicantRole) -> None:
    report = check([K.EXTENSION_OF_PERIOD], role=role, registered_agent=False)
    assert report.codes == ("eligibility.agent_not_registered",)
    assert check([K.EXTENSION_OF_PERIOD], role=role, registered_agent=True).ok


@pytest.mark.parametrize("role", [R.FOREIGN_NATIONAL, R.LEGAL_REPRESENTATIVE])
def test_self_registering_roles_need_no_agent_approval(role: nr.ApplicantRole) -> None:
    assert check([K.EXTENSION_OF_PERIOD], role=role, registered_agent=False).ok


def test_relatives_only_for_children_under_16_or_those_who_cannot_file() -> None:
    kinds = [K.EXTENSION_OF_PERIOD]
    assert check(kinds, role=R.RELATIVE, applicant_age=15).ok
    assert check(kinds, role=R.RELATIVE, applicant_age=16).codes == (
        "eligibility.relative_condition",
    )
    assert check(kinds, role=R.RELATIVE, applicant_age=40, applicant_cannot_file=True).ok
    unknown = check(kinds, role=R.RELATIVE)
    assert unknown.ok
    assert unknown.codes == ("eligibility.relative_condition_unknown",)


@pytest.mark.parametrize("kind", [K.EMPLOYMENT_CERTIFICATE, K.PERMISSION_FOR_ACTIVITY])
def test_relatives_never_file_these(kind: nr.ApplicationKind) -> None:
    report = check([K.EXTENSION_OF_PERIOD, kind], role=R.RELATIVE, applicant_age=10)
    assert report.codes == ("eligibility.role_not_for_kind",)


def test_no_online_filing_on_the_expiry_day() -> None:
    assert check([K.EXTENSION_OF_PERIOD], on=EXPIRES).codes == ("eligibility.expiry_day",)
    assert check([K.EXTENSION_OF_PERIOD], on=date(2027, 1, 30)).ok
    assert check([K.EXTENSION_OF_PERIOD], on=date(2027, 2, 1)).codes == ("eligibility.expired",)
    # A certificate of eligibility is for someone abroad: no period of stay to expire.
    assert check([K.CERTIFICATE_OF_ELIGIBILITY], on=EXPIRES).ok


def test_a_foreign_national_filing_for_a_certificate_of_eligibility_is_warned() -> None:
    # online-no-access-from-abroad: the system restricts access from foreign IP addresses.
    report = check([K.CERTIFICATE_OF_ELIGIBILITY], role=R.FOREIGN_NATIONAL)
    assert report.ok
    assert report.codes == ("eligibility.applicant_abroad",)
    assert report.warnings[0].sources[0].id == "online-no-access-from-abroad"


def test_statuses_that_do_not_exist_yet() -> None:
    report = check([K.CHANGE_OF_STATUS], desired_status=S.EMPLOYMENT_FOR_SKILL_DEVELOPMENT)
    assert report.codes == ("eligibility.status_not_in_force",)
    later = check(
        [K.CHANGE_OF_STATUS],
        on=date(2027, 4, 1),
        expires_on=date(2027, 6, 1),
        desired_status=S.EMPLOYMENT_FOR_SKILL_DEVELOPMENT,
    )
    assert later.ok


def test_supervised_intern_training_is_filed_by_the_supervising_organization() -> None:
    ok = check([K.EXTENSION_OF_PERIOD], status=S.TECHNICAL_INTERN_TRAINING_2_B)
    assert ok.codes == ()
    warned = check(
        [K.EXTENSION_OF_PERIOD], status=S.TECHNICAL_INTERN_TRAINING_2_B, role=R.LAWYER_OR_SCRIVENER
    )
    assert warned.ok
    assert warned.codes == ("eligibility.status_scope_limited",)


def test_missing_statuses_are_warnings_not_silence() -> None:
    report = nr.check_online_eligibility([K.CHANGE_OF_STATUS], on=ON, role=R.FOREIGN_NATIONAL)
    assert report.ok
    assert report.codes == ("eligibility.status_unknown", "eligibility.desired_status_unknown")


def test_every_reason_is_reported_at_once() -> None:
    report = nr.check_online_eligibility(
        [K.PERMANENT_RESIDENCE, K.REENTRY_PERMIT_MULTIPLE, K.PERMISSION_FOR_ACTIVITY],
        on=EXPIRES,
        role=R.RELATIVE,
        applicant_age=30,
        status=S.TEMPORARY_VISITOR,
        expires_on=EXPIRES,
    )
    assert set(report.codes) == {
        "eligibility.kind_not_offered",
        "eligibility.requires_companion",
        "eligibility.relative_condition",
        "eligibility.role_not_for_kind",
        "eligibility.status_excluded",
        "eligibility.expiry_day",
    }
    assert report.codes.count("eligibility.requires_companion") == 2
    for finding in report.errors:
        assert finding.message_ja
        assert finding.message_en
        assert finding.sources
        assert finding.field


def test_names_may_be_text_and_unknown_text_raises() -> None:
    report = nr.check_online_eligibility(
        "在留期間更新許可申請", on=ON, role="所属機関の職員", registered_agent=True, status="留学"
    )
    assert report.ok
    with pytest.raises(nr.UnknownNameError):
        nr.check_online_eligibility(["renewal please"], on=ON, role="organization_staff")
    with pytest.raises(nr.UnknownNameError):
        nr.check_online_eligibility(["extension_of_period"], on=ON, role="boss")


def test_programming_errors_raise() -> None:
    with pytest.raises(nr.MissingInputError):
        nr.check_online_eligibility([], on=ON, role="organization_staff")
    for age in (-1, "15", 1.5, True):
        with pytest.raises((nr.ArgumentTypeError, nr.ArgumentValueError)):
            nr.check_online_eligibility(
                ["extension_of_period"],
                on=ON,
                role="relative",
                applicant_age=age,  # type: ignore[arg-type]
            )
    with pytest.raises(nr.ValidationError):
        nr.check_online_eligibility(["extension_of_period"], on="tomorrow", role="relative")  # type: ignore[arg-type]


def test_tables_name_known_sources() -> None:
    for row in (
        *ONLINE_OFFERINGS,
        *ROLE_AVAILABILITY,
        *ROLE_RESTRICTIONS,
        *EXCLUDED_STATUSES,
        *STATUS_SCOPE_LIMITS,
    ):
        assert row.source_ids
        assert all(i in nr.SOURCES for i in row.source_ids)
    assert {r.role for r in ROLE_AVAILABILITY} == set(R)


@settings(deadline=None, max_examples=100)
@given(
    st.lists(st.sampled_from(list(K)), min_size=1, max_size=4),
    st.sampled_from(list(R)),
    st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 1, 1)),
    st.one_of(st.none(), st.sampled_from(list(S))),
    st.one_of(st.none(), st.integers(0, 100)),
    st.booleans(),
)
def test_never_raises_for_valid_input(
    kinds: list[nr.ApplicationKind],
    role: nr.ApplicantRole,
    on: date,
    status: nr.StatusOfResidence | None,
    age: int | None,
    agent: bool,
) -> None:
    report = nr.check_online_eligibility(
        kinds, on=on, role=role, status=status, applicant_age=age, registered_agent=agent
    )
    for finding in report:
        assert finding.code in nr.MESSAGES


# --- issue 10: flags accept only bool; dates are read one way ------------------------------


@pytest.mark.parametrize(
    "flag",
    [
        "registered_agent",
        "applicant_cannot_file",
        "meets_agent_requirements",
        "has_my_number_card",
        "specified_residence_card",
        "include_single_source",
    ],
)
@pytest.mark.parametrize("value", ["false", "no", "True", 0, 1, []])
def test_flags_accept_only_bool(flag: str, value: object) -> None:
    """Issue 10: ``registered_agent="false"`` was taken as True."""
    with pytest.raises(nr.ArgumentTypeError, match=f"^{flag} must be True or False"):
        nr.check_online_eligibility(
            ["extension_of_period"],
            on=ON,
            role="organization_staff",
            **{flag: value},  # type: ignore[arg-type]
        )


def test_registered_agent_false_is_still_false() -> None:
    report = nr.check_online_eligibility(
        ["extension_of_period"], on=ON, role="organization_staff", registered_agent=False
    )
    assert "eligibility.agent_not_registered" in report.codes


def test_ages_negative_or_wrong_type() -> None:
    with pytest.raises(nr.ArgumentValueError, match=r"^applicant_age must be at least 0"):
        nr.check_online_eligibility(
            ["extension_of_period"], on=ON, role="relative", applicant_age=-1
        )
    with pytest.raises(nr.ArgumentTypeError, match=r"^applicant_age must be an int, not a str$"):
        nr.check_online_eligibility(
            ["extension_of_period"],
            on=ON,
            role="relative",
            applicant_age="15",  # type: ignore[arg-type]
        )


def test_online_kinds_reads_its_date() -> None:
    """Issue 10: ``online_kinds("2026-11-22")`` took no validation."""
    assert nr.online_kinds("2026-11-22") == nr.online_kinds(ON)  # type: ignore[arg-type]
    for junk in (None, 20261122, ["2026-11-22"]):
        with pytest.raises(nr.ArgumentTypeError):
            nr.online_kinds(junk)  # type: ignore[arg-type]
    with pytest.raises(nr.ValidationError):
        nr.online_kinds("tomorrow")  # type: ignore[arg-type]


@pytest.mark.parametrize("day", [date.min, date.max, date(9999, 12, 31)], ids=str)
def test_calendar_edges_are_answered(day: date) -> None:
    report = nr.check_online_eligibility(
        ["extension_of_period"], on=day, role="foreign_national", expires_on=day
    )
    assert report.codes
    assert isinstance(nr.online_kinds(day), tuple)


# --- audit 2026-11 -------------------------------------------------------------------


def test_relative_coe_for_an_adult_spouse_of_a_japanese_national() -> None:
    """isa-online-users-note-2: a relative's COE is limited by the status applied for
    (note 2), not the applicant's age (note 3).  Was refused as relative_condition."""
    report = check(
        [K.CERTIFICATE_OF_ELIGIBILITY],
        role=R.RELATIVE,
        applicant_age=35,
        desired_status=S.SPOUSE_OR_CHILD_OF_JAPANESE_NATIONAL,
    )
    assert report.ok
    assert report.codes == ()


def test_relative_coe_for_engineer_status_of_a_child_is_refused() -> None:
    """isa-online-users-note-2: 技術・人文知識・国際業務 is not in note 2's list, whatever the
    age.  Passed before (the applicant was 10)."""
    report = check(
        [K.CERTIFICATE_OF_ELIGIBILITY],
        role=R.RELATIVE,
        applicant_age=10,
        desired_status=S.ENGINEER_SPECIALIST_HUMANITIES_INTERNATIONAL,
    )
    assert report.codes == ("eligibility.relative_coe_status",)
    assert report.errors[0].params["status"] is S.ENGINEER_SPECIALIST_HUMANITIES_INTERNATIONAL
    assert "isa-online-users-note-2" in {s.id for s in report.errors[0].sources}


@pytest.mark.parametrize("status", [S.CULTURAL_ACTIVITIES, S.STUDENT, S.DEPENDENT])
def test_relative_coe_statuses_of_note_2(status: nr.StatusOfResidence) -> None:
    """isa-online-users-note-2: the statuses read from the table."""
    report = check([K.CERTIFICATE_OF_ELIGIBILITY], role=R.RELATIVE, desired_status=status)
    assert report.ok


def test_relative_coe_uncaptured_statuses_only_on_request() -> None:
    """isa-online-users-note-2-uncaptured (single): 定住者 probably follows in the list."""
    kw: dict[str, object] = {"role": R.RELATIVE, "desired_status": S.LONG_TERM_RESIDENT}
    assert check([K.CERTIFICATE_OF_ELIGIBILITY], **kw).codes == ("eligibility.relative_coe_status",)
    assert check([K.CERTIFICATE_OF_ELIGIBILITY], include_single_source=True, **kw).ok


def test_relative_coe_without_desired_status_is_a_warning() -> None:
    report = check([K.CERTIFICATE_OF_ELIGIBILITY], role=R.RELATIVE, desired_status=None)
    assert report.ok
    assert "eligibility.relative_coe_status_unknown" in report.codes


def test_organization_staff_meeting_the_requirements_may_file() -> None:
    """isa-online-qa (note 3): approved as 申請等取次者 *or meeting its requirements*."""
    kw: dict[str, object] = {"role": R.ORGANIZATION_STAFF, "registered_agent": False}
    assert check([K.EXTENSION_OF_PERIOD], meets_agent_requirements=True, **kw).ok
    assert check([K.EXTENSION_OF_PERIOD], **kw).codes == ("eligibility.agent_not_registered",)
    # the other staff roles need the approval itself (note 4)
    other = check(
        [K.EXTENSION_OF_PERIOD],
        role=R.REGISTERED_SUPPORT_ORGANIZATION_STAFF,
        registered_agent=False,
        meets_agent_requirements=True,
    )
    assert other.codes == ("eligibility.agent_not_registered",)


@pytest.mark.parametrize("role", [R.FOREIGN_NATIONAL, R.LEGAL_REPRESENTATIVE, R.RELATIVE])
def test_my_number_card_needed_to_file_online(role: nr.ApplicantRole) -> None:
    """isa-online-user-registration (10_00112): the foreign national, legal
    representative and relatives log in with a My Number card."""
    kw: dict[str, object] = {"role": role, "applicant_age": 10}
    assert check([K.EXTENSION_OF_PERIOD], has_my_number_card=True, **kw).ok
    assert check([K.EXTENSION_OF_PERIOD], **kw).ok  # not said: not checked
    without = check([K.EXTENSION_OF_PERIOD], has_my_number_card=False, **kw)
    assert without.codes == ("eligibility.my_number_card_required",)


def test_staff_need_no_my_number_card() -> None:
    assert check([K.EXTENSION_OF_PERIOD], has_my_number_card=False).ok


def test_specified_residence_card_is_counter_only() -> None:
    """isa-specified-residence-card (from 2026-06-14) and specified-card-not-online."""
    report = check([K.EXTENSION_OF_PERIOD], specified_residence_card=True)
    assert report.codes == ("eligibility.specified_card_counter_only",)
    assert {"isa-specified-residence-card", "specified-card-not-online"} <= {
        s.id for s in report.errors[0].sources
    }
    before = check(
        [K.EXTENSION_OF_PERIOD],
        on=date(2026, 6, 13),
        expires_on=date(2026, 8, 1),
        specified_residence_card=True,
    )
    assert before.codes == ("eligibility.specified_card_not_available",)
    assert before.errors[0].params["since"] == "2026-06-14"  # dates kept as JSON keeps them


def test_pledged_organizations_list_from_2026_01_05() -> None:
    """pledged-organizations-list: 利用者別誓約機関一覧表 with each periodic report and request."""
    from nyukan_rules.eligibility import organization_filings

    for role in (R.REGISTERED_SUPPORT_ORGANIZATION_STAFF, R.PUBLIC_INTEREST_CORPORATION_STAFF):
        (row,) = organization_filings(role, on=date(2026, 1, 5))
        assert "利用者別誓約機関一覧表" in row.document_ja
        assert set(row.occasions) == {"new_request", "periodic_report"}
        assert organization_filings(role, on=date(2026, 1, 4)) == ()
    assert organization_filings(R.ORGANIZATION_STAFF, on=date(2026, 11, 22)) == ()
