"""Which documents to attach (issue 14): each test names the source of the rows it checks.

Source ids are those of ``nyukan_rules.sources`` (block "documents"); the
evidence is research-documents.md, seen 2026-11-23.
"""

from __future__ import annotations

import contextlib
import itertools
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nyukan_rules as nr
from nyukan_rules.documents import (
    AFTER_FILING,
    COMMON_DOCUMENTS,
    DOCUMENT_TABLES,
    DOCUMENTS_SEEN,
    NOTICE_EN,
    ORGANIZATION_DOCUMENTS,
    ORGANIZATION_PREREQUISITES,
    Level,
    OnlineDelivery,
    after_filing,
    documents_reference_markdown,
    employer_category,
    organization_request_checklist,
    required_documents,
)
from nyukan_rules.sources import Confidence

ON = date(2026, 11, 23)
GJ = "技術・人文知識・国際業務"
COE, CHG, EXT = "certificate_of_eligibility", "change_of_status", "extension_of_period"


def ids(checklist: nr.documents.Checklist) -> set[str]:
    return set(checklist.ids())


def pending(checklist: nr.documents.Checklist) -> set[str]:
    return {d.id for d in checklist.pending}


# --- the tables ---------------------------------------------------------------


def _all_rows() -> list[object]:
    rows: list[object] = [*COMMON_DOCUMENTS, *ORGANIZATION_DOCUMENTS]
    rows += [*ORGANIZATION_PREREQUISITES, *AFTER_FILING]
    for table in DOCUMENT_TABLES.values():
        rows += table
    return rows


def test_every_row_is_sourced_seen_and_dated() -> None:
    """Every row names resolvable sources, the day they were seen and a confidence."""
    for row in _all_rows():
        assert row.source_ids, row  # type: ignore[attr-defined]
        assert row.sources  # type: ignore[attr-defined]
        assert row.seen == DOCUMENTS_SEEN  # type: ignore[attr-defined]
        assert isinstance(row.confidence, Confidence)  # type: ignore[attr-defined]


def test_no_two_rows_of_one_document_overlap() -> None:
    """A document id has one row per procedure on any day (no gap check: rows may end)."""
    tables = [COMMON_DOCUMENTS, ORGANIZATION_DOCUMENTS, *DOCUMENT_TABLES.values()]
    for table in tables:
        for a, b in itertools.combinations(table, 2):
            if a.id != b.id or (not set(a.kinds) & set(b.kinds) and a.kinds):
                continue
            same_roles = set(getattr(a, "roles", ())) & set(getattr(b, "roles", ()))
            if hasattr(a, "roles") and not same_roles:
                continue
            disjoint = {c.fact for c in a.when} & {c.fact for c in b.when} and any(
                not set(ca.values) & set(cb.values)
                for ca in a.when
                for cb in b.when
                if ca.fact is cb.fact
            )
            assert disjoint or not a.effective.overlaps(b.effective), (a.id, a.kinds)


def test_reference_lists_every_table() -> None:
    text = documents_reference_markdown()
    assert "### 家族滞在 (Dependent)" in text
    assert "docs-tb-jpets" in text
    assert "2026-11-23" in text
    assert "does not prepare documents for a fee" in text


def test_checklist_says_the_lists_are_minimums() -> None:
    c = required_documents(EXT, GJ, on=ON, employer_category=1)
    assert c.notice_en == NOTICE_EN
    assert "may ask for more" in c.notice_en
    assert "for a fee" in c.notice_en
    assert "追加の資料" in c.notice_ja


# --- employer category (docs-category-table, docs-category-2020, docs-category-before-2020)


def test_category_threshold_changed_on_2020_01_06() -> None:
    """docs-category-2020 / docs-category-before-2020: 15 million until 2020-01-05, then 10."""
    before = employer_category(
        withholding_tax_yen=12_000_000, online_approved=False, on="2020-01-05"
    )
    after = employer_category(
        withholding_tax_yen=12_000_000, online_approved=False, on="2020-01-06"
    )
    assert (before.category, before.threshold_yen) == (3, 15_000_000)
    assert (after.category, after.threshold_yen) == (2, 10_000_000)
    assert "docs-category-2020" in {s.id for s in after.sources}
    assert employer_category(withholding_tax_yen=15_000_000, on="2019-06-01").category == 2


def test_certified_companies_are_category_1_from_2020_01_06() -> None:
    """docs-category-2020: the list of category-1 companies was widened on 2020-01-06."""
    assert employer_category(certified=True, on="2020-01-06").category == 1
    old = employer_category(certified=True, filed_withholding_summary=False, on="2020-01-05")
    assert old.category == 4


def test_category_1_2_3_4() -> None:
    """docs-category-table, docs-category-online-approval, docs-category-4-proof."""
    assert employer_category(listed=True, on=ON).category == 1
    assert employer_category(public_body=True, on=ON).category == 1
    approved = employer_category(withholding_tax_yen=1, online_approved=True, on=ON)
    assert approved.category == 2
    assert "docs-category-online-approval" in {s.id for s in approved.sources}
    three = employer_category(filed_withholding_summary=True, withholding_tax_yen=50, on=ON)
    assert three.category is None  # online approval unknown: 2 or 3
    assert employer_category(withholding_tax_yen=50, online_approved=False, on=ON).category == 3
    four = employer_category(filed_withholding_summary=False, on=ON)
    assert four.category == 4
    assert "提出できない理由" in four.proof_ja


def test_missing_category_facts_yield_questions_not_a_guess() -> None:
    """docs-category-table: without the withholding figures the category is not decided."""
    unknown = employer_category(on=ON)
    assert unknown.category is None
    assert {q.parameter for q in unknown.questions} == {
        "withholding_tax_yen",
        "filed_withholding_summary",
    }
    assert all(q.decides == ("employer_category",) for q in unknown.questions)
    partly = employer_category(withholding_tax_yen=3_000_000, on=ON)
    assert partly.category is None
    assert [q.id for q in partly.questions] == ["documents.category.online_approved"]


def test_category_arguments_are_typed() -> None:
    with pytest.raises(nr.ArgumentTypeError):
        employer_category(listed="yes", on=ON)  # type: ignore[arg-type]
    with pytest.raises(nr.ArgumentValueError):
        employer_category(withholding_tax_yen=-1, on=ON)
    with pytest.raises(nr.ArgumentTypeError):
        employer_category(on=None)  # type: ignore[arg-type]


# --- 技術・人文知識・国際業務 ------------------------------------------------------


def test_gijinkoku_extension_category_1_needs_little() -> None:
    """docs-gijinkoku-extension: categories 1-2 give the category proof, little else."""
    c = required_documents(EXT, GJ, on=ON, employer_category=1, applicant_age=30)
    assert c.complete
    assert ids(c) == {
        "common.application_form",
        "common.photo",
        "common.passport_and_card_shown",
        "gijinkoku.category_proof",
    }
    shown = next(d for d in c.documents if d.id == "common.passport_and_card_shown")
    assert shown.online is OnlineDelivery.SHOWN_LATER


def test_gijinkoku_extension_category_3_tax_and_job_change() -> None:
    """docs-gijinkoku-extension, docs-residence-tax: category 3 gives the residence-tax
    certificates; company documents only on the first extension after a job change."""
    same = required_documents(
        EXT,
        GJ,
        on="2026-04-14",
        employer_category=3,
        applicant_age=30,
        first_extension_after_job_change=False,
    )
    assert "gijinkoku.residence_tax" in ids(same)
    assert "gijinkoku.registry" not in ids(same)
    moved = required_documents(
        EXT,
        GJ,
        on="2026-04-14",
        employer_category=3,
        applicant_age=30,
        first_extension_after_job_change=True,
    )
    assert {"gijinkoku.activity", "gijinkoku.registry", "gijinkoku.financials"} <= ids(moved)


def test_gijinkoku_2026_04_15_additions() -> None:
    """docs-gijinkoku-2026-representative, docs-gijinkoku-2026-language: from 2026-04-15,
    categories 3-4 add the representative declaration and, for interpersonal language
    work, CEFR B2 evidence."""
    facts = {"employer_category": 4, "applicant_age": 30, "language_interpersonal_work": True}
    before = required_documents(COE, GJ, on="2026-04-14", nationality="US", **facts)
    after = required_documents(COE, GJ, on="2026-04-15", nationality="US", **facts)
    new = {"gijinkoku.representative_declaration", "gijinkoku.language_b2"}
    assert not new & ids(before)
    assert new <= ids(after)
    cat2 = required_documents(COE, GJ, on="2026-04-15", **dict(facts, employer_category=2))
    assert not new & (ids(cat2) | pending(cat2))


def test_gijinkoku_b2_not_needed_when_the_same_work_continues() -> None:
    """docs-gijinkoku-2026-language: an extension for the same kind of work needs no B2."""
    facts = {"employer_category": 3, "applicant_age": 30, "language_interpersonal_work": True}
    same = required_documents(EXT, GJ, on=ON, same_work_continues=True, **facts)
    new = required_documents(EXT, GJ, on=ON, same_work_continues=False, **facts)
    assert "gijinkoku.language_b2" not in ids(same) | pending(same)
    assert "gijinkoku.language_b2" in ids(new)


def test_gijinkoku_missing_category_is_a_question() -> None:
    """docs-gijinkoku-coe: the category decides most documents; without it, ask."""
    c = required_documents(COE, GJ, on=ON, applicant_age=30, nationality="US", channel="online")
    q = c.question("employer_category")
    assert q is not None
    assert q.id == "documents.employer_category"
    assert {"gijinkoku.category_proof", "gijinkoku.registry"} <= set(q.decides)
    assert "gijinkoku.registry" not in ids(c)
    assert not c.complete
    # An EmployerCategory answer is accepted as it is.
    cat = employer_category(filed_withholding_summary=False, on=ON)
    c4 = required_documents(COE, GJ, on=ON, employer_category=cat, applicant_age=30)
    assert "gijinkoku.category_4_reason" in ids(c4)


def test_gijinkoku_dispatch_and_senmonshi() -> None:
    """docs-gijinkoku-dispatch, docs-gijinkoku-coe."""
    c = required_documents(
        CHG, GJ, on=ON, employer_category=1, dispatched=True, senmonshi_route=True
    )
    assert {
        "gijinkoku.dispatch_pledge",
        "gijinkoku.dispatch_activity",
        "gijinkoku.senmonshi",
    } <= ids(c)


# --- cross-cutting: TB certificate, return envelope, photo --------------------------


@pytest.mark.parametrize(
    ("nationality", "last_without", "first_with"),
    [
        ("PH", "2025-06-22", "2025-06-23"),
        ("フィリピン", "2025-06-22", "2025-06-23"),
        ("NPL", "2025-06-22", "2025-06-23"),
        ("VN", "2025-08-31", "2025-09-01"),
    ],
)
def test_tb_certificate_by_nationality_and_date(
    nationality: str, last_without: str, first_with: str
) -> None:
    """docs-tb-jpets, docs-tb-mofa: PH and NP from 2025-06-23, VN from 2025-09-01."""
    facts = {"employer_category": 1, "applicant_age": 30, "channel": "online"}
    before = required_documents(COE, GJ, on=last_without, nationality=nationality, **facts)
    after = required_documents(COE, GJ, on=first_with, nationality=nationality, **facts)
    assert "common.tb_certificate" not in ids(before) | pending(before)
    assert "common.tb_certificate" in ids(after)


def test_tb_certificate_not_for_china_yet_nor_extensions_nor_ssw() -> None:
    """docs-tb-jpets (China: start not set), docs-tb-ssw-exempt (特定技能 excluded)."""
    assert "common.tb_certificate" not in ids(
        required_documents(COE, GJ, on=ON, nationality="CN", employer_category=1)
    )
    assert "common.tb_certificate" not in ids(
        required_documents(EXT, GJ, on=ON, nationality="VN", employer_category=1)
    )
    ssw = required_documents(COE, "特定技能1号", on=ON, nationality="VN")
    assert "common.tb_certificate" not in ids(ssw) | pending(ssw)


def test_missing_nationality_is_a_question_for_a_coe() -> None:
    """docs-tb-jpets: the TB certificate depends on the nationality; ask, do not guess."""
    c = required_documents(COE, GJ, on=ON, employer_category=1, applicant_age=30)
    q = c.question("nationality")
    assert q is not None
    assert q.decides == ("common.tb_certificate",)
    assert "common.tb_certificate" in pending(c)


def test_nationality_must_be_a_code_or_a_known_name() -> None:
    with pytest.raises(nr.UnknownNameError):
        required_documents(COE, GJ, on=ON, nationality="Republic of Nowhere")
    with pytest.raises(nr.ArgumentTypeError):
        required_documents(COE, GJ, on=ON, nationality=608)  # type: ignore[arg-type]


def test_return_envelope_only_for_a_paper_coe() -> None:
    """docs-coe-return-envelope: a paper COE needs it; an online one comes by e-mail."""
    paper = required_documents(COE, GJ, on=ON, employer_category=1, channel="counter")
    online = required_documents(COE, GJ, on=ON, employer_category=1, channel="online")
    assert "common.return_envelope" in ids(paper)
    assert "common.return_envelope" not in ids(online)


def test_photo_follows_photo_required() -> None:
    """isa-photo-standard, photo-under-16: a child under 16 gave no photo for an extension
    until 2026-06-13."""
    child = required_documents(
        EXT, "家族滞在", on="2026-06-13", applicant_age=10, sponsor_working=True
    )
    assert "common.photo" not in ids(child)
    adult = required_documents(
        EXT, "家族滞在", on="2026-06-13", applicant_age=30, sponsor_working=True
    )
    assert "common.photo" in ids(adult)


# --- 特定技能1号 ------------------------------------------------------------------

SSW = "特定技能1号"


def test_ssw_organization_documents_only_at_first_acceptance_from_2025_04_01() -> None:
    """docs-ssw-2025, docs-ssw-first-acceptance: from 2025-04-01 extensions and later
    workers need only the applicant's documents."""
    facts = {"ssw_field": "外食業", "applicant_age": 30}
    before = required_documents(EXT, SSW, on="2025-03-31", **facts)
    after = required_documents(EXT, SSW, on="2025-04-01", **facts)
    assert "ssw.org_overview" in ids(before)
    assert "ssw.org_overview" not in ids(after) | pending(after)
    first = required_documents(COE, SSW, on="2025-04-01", first_ssw_acceptance=True, **facts)
    later = required_documents(COE, SSW, on="2025-04-01", first_ssw_acceptance=False, **facts)
    assert {"ssw.org_overview", "ssw.cooperation_confirmation"} <= ids(first)
    assert "ssw.org_overview" not in ids(later)
    confirmation = next(d for d in first.documents if d.id == "ssw.cooperation_confirmation")
    assert confirmation.online is OnlineDelivery.ELSEWHERE
    unknown = required_documents(COE, SSW, on="2025-04-01", **facts)
    q = unknown.question("first_ssw_acceptance")
    assert q is not None
    assert "ssw.org_overview" in q.decides


def test_ssw_council_certificate_by_field_until_2024_06_14() -> None:
    """docs-ssw-council: construction and manufacturing joined first; all fields give the
    certificate from 2024-06-15."""
    care = required_documents(
        CHG, SSW, on="2024-06-14", ssw_field="介護", first_ssw_acceptance=False
    )
    build = required_documents(CHG, SSW, on="2024-06-14", ssw_field="建設")
    assert "ssw.council_pledge" in ids(care)
    assert "ssw.council_certificate" not in ids(care)
    assert {"ssw.council_certificate", "ssw.construction_plan"} <= ids(build)
    later = required_documents(CHG, SSW, on="2024-06-15", ssw_field="介護")
    assert "ssw.council_certificate" in ids(later)
    unknown = required_documents(CHG, SSW, on="2024-06-14")
    assert {"ssw.council_pledge", "ssw.council_certificate"} <= set(
        unknown.question("ssw_field").decides  # type: ignore[union-attr]
    )


def test_ssw_applicant_parts() -> None:
    """docs-ssw-list: tax certificates on change/extension; insurance only when enrolled."""
    c = required_documents(
        EXT, SSW, on=ON, ssw_field="建設", national_health_insurance=True, national_pension=False
    )
    assert {"ssw.applicant_tax", "ssw.health_insurance"} <= ids(c)
    assert "ssw.pension" not in ids(c) | pending(c)
    leave = next(d for d in c.documents if d.id == "ssw.leave_or_extra_stay")
    assert leave.level is Level.CONDITIONAL


def test_single_source_rows_only_on_request() -> None:
    """docs-ssw-bilateral and docs-spouse-permanent-questionnaire rest on one source."""
    plain = required_documents(COE, SSW, on=ON, nationality="KH")
    assert "ssw.bilateral" not in ids(plain)
    opted = required_documents(COE, SSW, on=ON, nationality="KH", include_single_source=True)
    assert "ssw.bilateral" in ids(opted)
    assert opted.confidence is Confidence.SINGLE
    spouse = {"relationship": "spouse"}
    assert "spouse_pr.questionnaire" not in ids(
        required_documents(CHG, "永住者の配偶者等", on=ON, **spouse)
    )
    assert "spouse_pr.questionnaire" in ids(
        required_documents(CHG, "永住者の配偶者等", on=ON, include_single_source=True, **spouse)
    )


def test_spouse_of_permanent_resident_coe() -> None:
    """docs-spouse-permanent (marriage certificates, the payer's tax certificates),
    docs-tb-jpets (a Nepalese applicant's COE from 2025-06-23)."""
    c = required_documents(
        COE, "永住者の配偶者等", on=ON, relationship="spouse", nationality="NP", channel="online"
    )
    assert {"spouse_pr.marriage", "spouse_pr.payer_tax", "common.tb_certificate"} <= ids(c)
    assert "spouse_pr.guarantee" not in ids(c)  # listed for extensions


# --- family statuses and 留学 --------------------------------------------------------


def test_dependent_sponsor_working_or_not() -> None:
    """docs-dependent (施行規則 別表第三: relationship, card copy, job and income)."""
    working = required_documents(EXT, "家族滞在", on=ON, sponsor_working=True)
    student = required_documents(EXT, "家族滞在", on=ON, sponsor_working=False)
    assert {"dependent.relationship", "dependent.sponsor_card", "dependent.sponsor_income"} <= ids(
        working
    )
    assert "dependent.sponsor_funds" in ids(student)
    assert "dependent.sponsor_income" not in ids(student)
    unknown = required_documents(EXT, "家族滞在", on=ON)
    assert set(unknown.question("sponsor_working").decides) == {  # type: ignore[union-attr]
        "dependent.sponsor_income",
        "dependent.sponsor_funds",
    }


def test_spouse_of_japanese_spouse_or_child() -> None:
    """docs-spouse-japanese, docs-spouse-japanese-change."""
    spouse = required_documents(CHG, "日本人の配偶者等", on=ON, relationship="配偶者")
    assert {"spouse_jp.family_register", "spouse_jp.questionnaire", "spouse_jp.guarantee"} <= ids(
        spouse
    )
    child = required_documents(EXT, "日本人の配偶者等", on=ON, relationship="child")
    assert "spouse_jp.child_relationship" in ids(child)
    assert "spouse_jp.family_register" not in ids(child)
    unknown = required_documents(EXT, "日本人の配偶者等", on=ON)
    assert unknown.question("relationship") is not None


def test_student_extension_and_uncovered_pairs() -> None:
    """docs-student: 留学 extensions; a pair the tables do not cover is refused."""
    c = required_documents(EXT, "留学", on=ON)
    assert {"student.enrolment", "student.grades"} <= ids(c)
    assert next(d for d in c.documents if d.id == "student.reason").level is Level.CONDITIONAL
    with pytest.raises(nr.NoRuleError):
        required_documents(COE, "留学", on=ON)
    with pytest.raises(nr.NoRuleError):
        required_documents("permanent_residence", GJ, on=ON)
    with pytest.raises(nr.NoRuleError):
        required_documents(EXT, "経営・管理", on=ON)


# --- the organization's own request ---------------------------------------------------


def test_new_request_documents() -> None:
    """docs-org-new-request: checklist, form (not when online), ID, certificate or training
    certificate, employment certificate, pledge."""
    c = organization_request_checklist(
        role="所属機関の職員",
        on=ON,
        holds_agent_certificate=False,
        meets_agent_requirements=True,
        request_online=False,
    )
    assert ids(c) == {
        "org.checklist_new",
        "org.request_form",
        "org.identity",
        "org.training_certificate",
        "org.employment_certificate",
        "org.pledge",
    }
    online = organization_request_checklist(role="organization_staff", on=ON, request_online=True)
    assert "org.request_form" not in ids(online)
    q = online.question("holds_agent_certificate")
    assert q is not None
    assert {"org.agent_certificate", "org.training_certificate"} <= set(q.decides)


def test_request_form_always_before_the_2026_system() -> None:
    """docs-org-new-request, online-system-2026: online requests came with 2026-01-05."""
    c = organization_request_checklist(
        role="organization_staff", on="2026-01-04", request_online=True
    )
    assert "org.request_form" in ids(c)


def test_support_organization_documents_by_date() -> None:
    """docs-org-request-2025 (no 依頼書 from 2025-04-01), docs-org-pledged-list (from
    2026-01-05)."""
    role = "registered_support_organization_staff"
    old = organization_request_checklist(role=role, on="2025-03-31")
    mid = organization_request_checklist(role=role, on="2026-01-04")
    new = organization_request_checklist(role=role, on="2026-01-05")
    assert "org.request_letter" in ids(old)
    assert not {"org.request_letter", "org.pledged_organizations"} & ids(mid)
    assert "org.pledged_organizations" in ids(new)
    report = organization_request_checklist(role=role, on=ON, request="periodic_report")
    assert {"org.checklist_report", "org.pledged_organizations"} <= ids(report)


def test_prerequisites_are_questions_until_answered() -> None:
    """isa-online-qa, docs-org-notifications: the staff member is an application agent; the
    organization has filed its notifications with the agency and Hello Work."""
    asked = organization_request_checklist(role="organization_staff", on=ON)
    assert {p.parameter for p in asked.prerequisites} == {
        "holds_agent_certificate",
        "acceptance_notifications_filed",
        "hello_work_notification_filed",
    }
    assert all(p.met is None for p in asked.prerequisites)
    assert {"acceptance_notifications_filed", "hello_work_notification_filed"} <= {
        q.parameter for q in asked.questions
    }
    answered = organization_request_checklist(
        role="organization_staff",
        on=ON,
        holds_agent_certificate=True,
        acceptance_notifications_filed=True,
        hello_work_notification_filed=False,
        request_online=True,
    )
    met = {p.parameter: p.met for p in answered.prerequisites}
    assert met == {
        "holds_agent_certificate": True,
        "acceptance_notifications_filed": True,
        "hello_work_notification_filed": False,
    }
    assert answered.complete
    no_cert = organization_request_checklist(
        role="organization_staff", on=ON, holds_agent_certificate=False
    )
    assert no_cert.question("meets_agent_requirements") is not None


def test_roles_that_register_themselves_have_no_request() -> None:
    with pytest.raises(nr.ArgumentValueError):
        organization_request_checklist(role="foreign_national", on=ON)
    with pytest.raises(nr.ArgumentValueError):
        organization_request_checklist(role="organization_staff", on=ON, request="renewal")


# --- after filing ------------------------------------------------------------------------


def test_after_an_online_extension() -> None:
    """docs-online-pending-proof, docs-passport-card-shown, isa-fee-2026-payment."""
    steps = {s.id: s for s in after_filing(EXT, on="2026-09-30", channel="online")}
    assert "申請中" in steps["after.pending_proof"].ja
    assert "翌日" in steps["after.pending_proof"].ja
    assert "収入印紙" in steps["after.card_by_mail"].ja
    assert "レターパック" in steps["after.card_by_mail"].ja
    later = {s.id: s for s in after_filing(EXT, on="2026-10-01", channel="online")}
    assert "ペイジー" in later["after.card_by_mail"].ja
    counter = {s.id for s in after_filing(EXT, on=ON, channel="counter")}
    assert "after.pending_proof" not in counter
    assert "after.card_at_counter" in counter


def test_after_an_online_coe_and_oversized_files() -> None:
    """isa-online-qa (COE by e-mail), docs-attachment-declaration (参考様式9, legacy),
    current-attachment-rules (25 MB from 2026-01-05)."""
    old = {s.id: s for s in after_filing(COE, on="2026-01-04", channel="online")}
    new = {s.id: s for s in after_filing(COE, on="2026-01-05", channel="online")}
    assert "after.coe_by_email" in old
    assert "参考様式9" in old["after.attachment_over_limit"].ja
    assert "10MB" in old["after.attachment_over_limit"].ja
    assert "25MB" in new["after.attachment_over_limit"].ja
    assert all(s.sources and s.seen == DOCUMENTS_SEEN for s in new.values())


# --- for an HR team filing for many --------------------------------------------------------


def test_rows_and_groups_for_a_spreadsheet() -> None:
    """docs-gijinkoku-coe: the employer's documents are grouped apart; pending rows name
    the question that decides them."""
    c = required_documents(COE, GJ, on=ON, employer_category=3, applicant_age=30)
    groups = c.by_preparer()
    assert "gijinkoku.registry" in {d.id for d in groups[nr.Preparer.EMPLOYER]}
    assert "gijinkoku.education_career" in {d.id for d in groups[nr.Preparer.APPLICANT]}
    rows = c.rows()
    assert len(rows) == len(c.documents) + len(c.pending)
    tb = next(r for r in rows if r["id"] == "common.tb_certificate")
    assert tb["state"] == "pending"
    assert "documents.nationality" in tb["decided_by"]
    assert all(r["seen"] == "2026-11-23" and r["sources"] for r in rows)


# --- junk: an answer or the package's own error ------------------------------------------

ANY = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["1", "3", "VN", "PH", "建設", "spouse", "online", "new", "x" * 300]),
    st.sampled_from([date.min, date.max, "2026-11-23", "令和0年1月1日"]),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=True),
    st.binary(max_size=5),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.text(max_size=2), max_size=1),
)

_ARGS = [
    "employer_category",
    "nationality",
    "channel",
    "applicant_age",
    "dispatched",
    "language_interpersonal_work",
    "first_ssw_acceptance",
    "ssw_field",
    "sponsor_working",
    "relationship",
    "include_single_source",
]


@settings(deadline=None, max_examples=150)
@given(kind=ANY, status=ANY, on=ANY, name=st.sampled_from(_ARGS), value=ANY)
def test_junk_to_required_documents(
    kind: object, status: object, on: object, name: str, value: object
) -> None:
    """Issue 10 rule: any value in any argument gives an answer or the package's own error."""
    for args in ((kind, status, on), (COE, GJ, on), (EXT, SSW, ON)):
        with contextlib.suppress(nr.NyukanRulesError):
            required_documents(args[0], args[1], on=args[2], **{name: value})  # type: ignore[arg-type]


@settings(deadline=None, max_examples=150)
@given(a=ANY, b=ANY, c=ANY, d=ANY)
def test_junk_to_the_other_functions(a: object, b: object, c: object, d: object) -> None:
    calls = [
        lambda: employer_category(listed=a, withholding_tax_yen=b, online_approved=c, on=d),  # type: ignore[arg-type]
        lambda: employer_category(withholding_tax_yen=a, filed_withholding_summary=b, on=ON),  # type: ignore[arg-type]
        lambda: organization_request_checklist(role=a, on=b, request=c, request_online=d),  # type: ignore[arg-type]
        lambda: organization_request_checklist(
            role="organization_staff", on=ON, holds_agent_certificate=a, meets_agent_requirements=b
        ),  # type: ignore[arg-type]
        lambda: after_filing(a, on=b, channel=c, include_single_source=d),  # type: ignore[arg-type]
    ]
    for call in calls:
        with contextlib.suppress(nr.NyukanRulesError):
            call()


def test_after_filing_says_when_a_procedure_is_not_covered() -> None:
    """Review: an empty answer read as "nothing to know" for acquisition of status."""
    with pytest.raises(nr.NoRuleError) as info:
        nr.after_filing("acquisition_of_status", on=date(2026, 11, 23), channel="online")
    assert info.value.code == "documents.not_covered"
    assert "在留資格取得" in info.value.message("ja")
