"""Statuses of residence (在留資格) as they are written on a residence card."""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

from nyukan_rules.catalog._base import CatalogEnum
from nyukan_rules.dates import Effective
from nyukan_rules.milestones import STATUS_REFORM_2027
from nyukan_rules.sources import Source, sources

__all__ = ["StatusOfResidence", "WorkPermission"]


class WorkPermission(str, enum.Enum):
    """What a status allows in the way of work (ISA's grouping)."""

    UNRESTRICTED = "unrestricted"
    """Any work (the status-based statuses of 別表第二)."""
    WITHIN_STATUS = "within_status"
    """Work within the activities of the status."""
    NOT_ALLOWED = "not_allowed"
    """No work without a permission for activity (資格外活動許可)."""
    DESIGNATION = "designation"
    """Set by the designation (指定書) of 特定活動."""


_U = WorkPermission.UNRESTRICTED
_W = WorkPermission.WITHIN_STATUS
_N = WorkPermission.NOT_ALLOWED
_D = WorkPermission.DESIGNATION
_REFORM_2027 = STATUS_REFORM_2027


class StatusOfResidence(CatalogEnum):
    """A status of residence, with its sub-category where it has one.

    ``legal_status`` is the status as the law names it (29 statuses until
    2027-03-31; 育成就労 adds one from 2027-04-01); members such as
    ``HIGHLY_SKILLED_PROFESSIONAL_1_A`` are the sub-categories shown on a
    residence card.  ``effective`` is when the status exists.

    >>> StatusOfResidence.parse("高度専門職（1号イ）").legal_status
    '高度専門職'
    """

    legal_status: str
    work: WorkPermission
    effective: Effective

    def __new__(
        cls,
        code: str,
        ja: str,
        en: str,
        legal_status: str,
        work: WorkPermission,
        since: date | None = None,
        *rest: Any,
    ) -> StatusOfResidence:
        # Enum replaces CatalogEnum.__new__ once the class exists, so the
        # member is built here the same way CatalogEnum builds its own.
        member = str.__new__(cls, code)
        member._value_ = code
        member.ja = ja
        member.en = en
        member.aliases = ()
        member.legal_status = legal_status
        member.work = work
        member.effective = Effective(since=since)
        return member

    # 別表第一の一
    DIPLOMAT = ("diplomat", "外交", "Diplomat", "外交", _W)
    OFFICIAL = ("official", "公用", "Official", "公用", _W)
    PROFESSOR = ("professor", "教授", "Professor", "教授", _W)
    ARTIST = ("artist", "芸術", "Artist", "芸術", _W)
    RELIGIOUS_ACTIVITIES = ("religious_activities", "宗教", "Religious Activities", "宗教", _W)
    JOURNALIST = ("journalist", "報道", "Journalist", "報道", _W)
    # 別表第一の二
    HIGHLY_SKILLED_PROFESSIONAL_1_A = (
        "highly_skilled_professional_1_a",
        "高度専門職1号イ",
        "Highly Skilled Professional (i)(a)",
        "高度専門職",
        _W,
    )
    HIGHLY_SKILLED_PROFESSIONAL_1_B = (
        "highly_skilled_professional_1_b",
        "高度専門職1号ロ",
        "Highly Skilled Professional (i)(b)",
        "高度専門職",
        _W,
    )
    HIGHLY_SKILLED_PROFESSIONAL_1_C = (
        "highly_skilled_professional_1_c",
        "高度専門職1号ハ",
        "Highly Skilled Professional (i)(c)",
        "高度専門職",
        _W,
    )
    HIGHLY_SKILLED_PROFESSIONAL_2 = (
        "highly_skilled_professional_2",
        "高度専門職2号",
        "Highly Skilled Professional (ii)",
        "高度専門職",
        _W,
    )
    BUSINESS_MANAGER = ("business_manager", "経営・管理", "Business Manager", "経営・管理", _W)
    LEGAL_ACCOUNTING_SERVICES = (
        "legal_accounting_services",
        "法律・会計業務",
        "Legal / Accounting Services",
        "法律・会計業務",
        _W,
    )
    MEDICAL_SERVICES = ("medical_services", "医療", "Medical Services", "医療", _W)
    RESEARCHER = ("researcher", "研究", "Researcher", "研究", _W)
    INSTRUCTOR = ("instructor", "教育", "Instructor", "教育", _W)
    ENGINEER_SPECIALIST_HUMANITIES_INTERNATIONAL = (
        "engineer_specialist_humanities_international",
        "技術・人文知識・国際業務",
        "Engineer / Specialist in Humanities / International Services",
        "技術・人文知識・国際業務",
        _W,
    )
    INTRA_COMPANY_TRANSFEREE = (
        "intra_company_transferee",
        "企業内転勤",
        "Intra-company Transferee",
        "企業内転勤",
        _W,
    )
    INTRA_COMPANY_TRANSFEREE_1 = (
        "intra_company_transferee_1",
        "企業内転勤1号",
        "Intra-company Transferee (i)",
        "企業内転勤",
        _W,
        _REFORM_2027,
    )
    INTRA_COMPANY_TRANSFEREE_2 = (
        "intra_company_transferee_2",
        "企業内転勤2号",
        "Intra-company Transferee (ii)",
        "企業内転勤",
        _W,
        _REFORM_2027,
    )
    NURSING_CARE = ("nursing_care", "介護", "Nursing Care", "介護", _W)
    ENTERTAINER = ("entertainer", "興行", "Entertainer", "興行", _W)
    SKILLED_LABOR = ("skilled_labor", "技能", "Skilled Labor", "技能", _W)
    SPECIFIED_SKILLED_WORKER_1 = (
        "specified_skilled_worker_1",
        "特定技能1号",
        "Specified Skilled Worker (i)",
        "特定技能",
        _W,
    )
    SPECIFIED_SKILLED_WORKER_2 = (
        "specified_skilled_worker_2",
        "特定技能2号",
        "Specified Skilled Worker (ii)",
        "特定技能",
        _W,
    )
    TECHNICAL_INTERN_TRAINING_1_A = (
        "technical_intern_training_1_a",
        "技能実習1号イ",
        "Technical Intern Training (i)(a)",
        "技能実習",
        _W,
    )
    TECHNICAL_INTERN_TRAINING_1_B = (
        "technical_intern_training_1_b",
        "技能実習1号ロ",
        "Technical Intern Training (i)(b)",
        "技能実習",
        _W,
    )
    TECHNICAL_INTERN_TRAINING_2_A = (
        "technical_intern_training_2_a",
        "技能実習2号イ",
        "Technical Intern Training (ii)(a)",
        "技能実習",
        _W,
    )
    TECHNICAL_INTERN_TRAINING_2_B = (
        "technical_intern_training_2_b",
        "技能実習2号ロ",
        "Technical Intern Training (ii)(b)",
        "技能実習",
        _W,
    )
    TECHNICAL_INTERN_TRAINING_3_A = (
        "technical_intern_training_3_a",
        "技能実習3号イ",
        "Technical Intern Training (iii)(a)",
        "技能実習",
        _W,
    )
    TECHNICAL_INTERN_TRAINING_3_B = (
        "technical_intern_training_3_b",
        "技能実習3号ロ",
        "Technical Intern Training (iii)(b)",
        "技能実習",
        _W,
    )
    EMPLOYMENT_FOR_SKILL_DEVELOPMENT = (
        "employment_for_skill_development",
        "育成就労",
        "Employment for Skill Development",
        "育成就労",
        _W,
        _REFORM_2027,
    )
    # 別表第一の三, 第一の四
    CULTURAL_ACTIVITIES = ("cultural_activities", "文化活動", "Cultural Activities", "文化活動", _N)
    TEMPORARY_VISITOR = ("temporary_visitor", "短期滞在", "Temporary Visitor", "短期滞在", _N)
    STUDENT = ("student", "留学", "Student", "留学", _N)
    TRAINEE = ("trainee", "研修", "Trainee", "研修", _N)
    DEPENDENT = ("dependent", "家族滞在", "Dependent", "家族滞在", _N)
    # 別表第一の五
    DESIGNATED_ACTIVITIES = (
        "designated_activities",
        "特定活動",
        "Designated Activities",
        "特定活動",
        _D,
    )
    DESIGNATED_ACTIVITIES_DEPARTURE_PREPARATION = (
        "designated_activities_departure_preparation",
        "特定活動（出国準備期間）",
        "Designated Activities (preparation for departure)",
        "特定活動",
        _D,
    )
    # 別表第二
    PERMANENT_RESIDENT = ("permanent_resident", "永住者", "Permanent Resident", "永住者", _U)
    SPOUSE_OR_CHILD_OF_JAPANESE_NATIONAL = (
        "spouse_or_child_of_japanese_national",
        "日本人の配偶者等",
        "Spouse or Child of Japanese National",
        "日本人の配偶者等",
        _U,
    )
    SPOUSE_OR_CHILD_OF_PERMANENT_RESIDENT = (
        "spouse_or_child_of_permanent_resident",
        "永住者の配偶者等",
        "Spouse or Child of Permanent Resident",
        "永住者の配偶者等",
        _U,
    )
    LONG_TERM_RESIDENT = ("long_term_resident", "定住者", "Long-Term Resident", "定住者", _U)

    @property
    def work_allowed(self) -> bool | None:
        """True if the status allows work, False if not, None if its designation decides."""
        if self.work is WorkPermission.DESIGNATION:
            return None
        return self.work is not WorkPermission.NOT_ALLOWED

    def exists_on(self, day: date) -> bool:
        """True when this status exists on ``day``."""
        return self.effective.contains(day)

    @property
    def sources(self) -> tuple[Source, ...]:
        """Where the status, its work category and its dates come from."""
        ids = ["statuses-of-residence", "status-work-categories"]
        if self.effective.since is not None:
            ids.append("status-reform-2027")
        return sources(*ids)

    @classmethod
    def legal_statuses(cls, on: date) -> tuple[str, ...]:
        """The statuses of residence the law has on ``on``, in the law's order.

        >>> len(StatusOfResidence.legal_statuses(date(2026, 11, 22)))
        29
        """
        seen: dict[str, None] = {}
        for member in cls:
            if member.exists_on(on):
                seen.setdefault(member.legal_status, None)
        return tuple(seen)


StatusOfResidence.ENGINEER_SPECIALIST_HUMANITIES_INTERNATIONAL.aliases = ("技人国",)
StatusOfResidence.DESIGNATED_ACTIVITIES_DEPARTURE_PREPARATION.aliases = (
    "特定活動（出国準備）",
    "出国準備期間",
)
StatusOfResidence.TECHNICAL_INTERN_TRAINING_1_A.aliases = ("技能実習1号イ（企業単独型）",)
StatusOfResidence.TECHNICAL_INTERN_TRAINING_1_B.aliases = ("技能実習1号ロ（団体監理型）",)
