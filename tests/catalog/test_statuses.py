"""StatusOfResidence: the 29 statuses, their sub-categories, work and dates.

Sources: statuses-of-residence, status-work-categories, status-reform-2027.
"""

from __future__ import annotations

from datetime import date

import pytest

import nyukan_rules as nr

S = nr.StatusOfResidence

LAW_2026 = [
    "外交", "公用", "教授", "芸術", "宗教", "報道",
    "高度専門職", "経営・管理", "法律・会計業務", "医療", "研究", "教育",
    "技術・人文知識・国際業務", "企業内転勤", "介護", "興行", "技能", "特定技能", "技能実習",
    "文化活動", "短期滞在", "留学", "研修", "家族滞在", "特定活動",
    "永住者", "日本人の配偶者等", "永住者の配偶者等", "定住者",
]  # fmt: skip


def test_the_law_has_29_statuses_in_2026() -> None:
    assert sorted(S.legal_statuses(date(2026, 11, 22))) == sorted(LAW_2026)
    assert len(LAW_2026) == 29


def test_ikusei_shuro_and_ict_sub_categories_from_2027_04_01() -> None:
    # status-reform-2027: 令和6年法律第60号, in force 2027-04-01.
    for status in (
        S.EMPLOYMENT_FOR_SKILL_DEVELOPMENT,
        S.INTRA_COMPANY_TRANSFEREE_1,
        S.INTRA_COMPANY_TRANSFEREE_2,
    ):
        assert not status.exists_on(date(2027, 3, 31))
        assert status.exists_on(date(2027, 4, 1))
        assert status.effective.since == date(2027, 4, 1)
    assert "育成就労" in S.legal_statuses(date(2027, 4, 1))
    assert len(S.legal_statuses(date(2027, 4, 1))) == 30


@pytest.mark.parametrize(
    ("text", "member"),
    [
        ("高度専門職1号イ", S.HIGHLY_SKILLED_PROFESSIONAL_1_A),
        ("高度専門職（１号イ）", S.HIGHLY_SKILLED_PROFESSIONAL_1_A),
        ("高度専門職(1号ﾛ)", S.HIGHLY_SKILLED_PROFESSIONAL_1_B),
        ("特定技能1号", S.SPECIFIED_SKILLED_WORKER_1),
        ("特定技能（２号）", S.SPECIFIED_SKILLED_WORKER_2),
        ("技能実習2号ロ", S.TECHNICAL_INTERN_TRAINING_2_B),
        ("技術・人文知識・国際業務", S.ENGINEER_SPECIALIST_HUMANITIES_INTERNATIONAL),
        ("技術人文知識国際業務", S.ENGINEER_SPECIALIST_HUMANITIES_INTERNATIONAL),
        ("技人国", S.ENGINEER_SPECIALIST_HUMANITIES_INTERNATIONAL),
        ("特定活動（出国準備期間）", S.DESIGNATED_ACTIVITIES_DEPARTURE_PREPARATION),
        ("特定活動(出国準備期間)", S.DESIGNATED_ACTIVITIES_DEPARTURE_PREPARATION),
        ("Designated Activities", S.DESIGNATED_ACTIVITIES),
        ("permanent resident", S.PERMANENT_RESIDENT),
    ],
)
def test_parse_residence_card_forms(text: str, member: nr.StatusOfResidence) -> None:
    assert S.parse(text) is member


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        (S.PERMANENT_RESIDENT, True),
        (S.SPOUSE_OR_CHILD_OF_JAPANESE_NATIONAL, True),
        (S.ENGINEER_SPECIALIST_HUMANITIES_INTERNATIONAL, True),
        (S.SPECIFIED_SKILLED_WORKER_1, True),
        (S.STUDENT, False),
        (S.DEPENDENT, False),
        (S.TEMPORARY_VISITOR, False),
        (S.CULTURAL_ACTIVITIES, False),
        (S.DESIGNATED_ACTIVITIES, None),
    ],
)
def test_work_allowed(status: nr.StatusOfResidence, allowed: bool | None) -> None:
    # status-work-categories (ISA grouping): 就労可 / 就労不可 / 指定書による.
    assert status.work_allowed is allowed


def test_every_status_has_sources() -> None:
    for status in S:
        assert {s.id for s in status.sources} >= {"statuses-of-residence"}
