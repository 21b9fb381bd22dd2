"""Catalog names HR data uses (issue 11): aliases as data, ambiguity as an error.

Sources: the official names of the application forms and of 出入国管理及び難民認定法
別表第一・第二 (isa-online-procedures, isa-status-list); the alias rows of
``nyukan_rules.catalog.aliases`` (each with its note).
"""

from __future__ import annotations

import pickle

import pytest

import nyukan_rules as nr
from nyukan_rules.catalog._base import lookup_key
from nyukan_rules.catalog.aliases import ALIASES

K = nr.ApplicationKind
S = nr.StatusOfResidence


@pytest.mark.parametrize(
    ("text", "member"),
    [
        ("在留期間更新", K.EXTENSION_OF_PERIOD),
        ("更新", K.EXTENSION_OF_PERIOD),
        ("期間更新", K.EXTENSION_OF_PERIOD),
        ("更新申請", K.EXTENSION_OF_PERIOD),
        ("在留資格変更", K.CHANGE_OF_STATUS),
        ("変更", K.CHANGE_OF_STATUS),
        ("認定", K.CERTIFICATE_OF_ELIGIBILITY),
        ("在留資格認定証明書交付", K.CERTIFICATE_OF_ELIGIBILITY),
        ("永住", K.PERMANENT_RESIDENCE),
        ("資格外活動", K.PERMISSION_FOR_ACTIVITY),
        ("就労資格証明書", K.EMPLOYMENT_CERTIFICATE),
        ("ＥＸＴＥＮＳＩＯＮ ＯＦ ＰＥＲＩＯＤ ＯＦ ＳＴＡＹ", K.EXTENSION_OF_PERIOD),
    ],
)
def test_application_kind_reads_hr_names(text: str, member: nr.ApplicationKind) -> None:
    assert K.parse(text) is member


@pytest.mark.parametrize(
    ("text", "member"),
    [
        ("技人国", S.ENGINEER_SPECIALIST_HUMANITIES_INTERNATIONAL),
        ("技術人文知識国際業務", S.ENGINEER_SPECIALIST_HUMANITIES_INTERNATIONAL),
        ("技術・人文知識・国際業務", S.ENGINEER_SPECIALIST_HUMANITIES_INTERNATIONAL),
        ("特定技能１号", S.SPECIFIED_SKILLED_WORKER_1),
        ("特定技能 2号", S.SPECIFIED_SKILLED_WORKER_2),
        ("高度専門職（１号イ）", S.HIGHLY_SKILLED_PROFESSIONAL_1_A),
        ("student", S.STUDENT),
        ("STUDENT", S.STUDENT),
        ("Ｓｔｕｄｅｎｔ", S.STUDENT),
        ("permanent resident", S.PERMANENT_RESIDENT),
    ],
)
def test_status_reads_hr_names(text: str, member: nr.StatusOfResidence) -> None:
    assert S.parse(text) is member


@pytest.mark.parametrize(
    ("catalog", "text", "candidates"),
    [
        (S, "特定技能", {"特定技能1号", "特定技能2号"}),
        (
            S,
            "高度専門職",
            {"高度専門職1号イ", "高度専門職1号ロ", "高度専門職1号ハ", "高度専門職2号"},
        ),
        (S, "高度専門職1号", {"高度専門職1号イ", "高度専門職1号ロ", "高度専門職1号ハ"}),
        (S, "技能実習", {m.ja for m in S if m.legal_status == "技能実習"}),
        (K, "再入国", {"再入国許可申請（1回限り）", "再入国許可申請（数次）"}),
    ],
)
def test_an_ambiguous_name_raises_naming_the_candidates(
    catalog: type[nr.CatalogEnum], text: str, candidates: set[str]
) -> None:
    with pytest.raises(nr.AmbiguousNameError) as info:
        catalog.parse(text)
    assert set(info.value.candidates) == candidates
    assert all(name in str(info.value) for name in candidates)
    assert isinstance(info.value, nr.UnknownNameError)  # callers that make findings still catch it
    assert info.value.code == "catalog.ambiguous_name"
    again = pickle.loads(pickle.dumps(info.value))
    assert (str(again), again.candidates) == (str(info.value), info.value.candidates)


def test_a_legal_name_one_member_has_names_it() -> None:
    # 企業内転勤 is a member's own name; 特定技能 would be too with one 特定技能 member.
    assert S.parse("企業内転勤") is S.INTRA_COMPANY_TRANSFEREE
    assert S.parse("育成就労") is S.EMPLOYMENT_FOR_SKILL_DEVELOPMENT


@pytest.mark.parametrize("catalog_name", sorted(ALIASES))
def test_every_alias_row_names_members_that_exist(catalog_name: str) -> None:
    catalog = getattr(nr, catalog_name)
    codes = {m.value for m in catalog}
    for alias in ALIASES[catalog_name]:
        assert set(alias.codes) <= codes, alias
        assert alias.note, alias
        if len(alias.codes) == 1:
            assert catalog.parse(alias.name).value == alias.codes[0]
        else:
            with pytest.raises(nr.AmbiguousNameError):
                catalog.parse(alias.name)


def test_no_alias_is_another_members_official_name() -> None:
    for catalog_name, rows in ALIASES.items():
        catalog = getattr(nr, catalog_name)
        official = {lookup_key(n): m for m in catalog for n in (m.value, m.ja, m.en)}
        for alias in rows:
            member = official.get(lookup_key(alias.name))
            assert member is None or alias.codes == (member.value,), alias
