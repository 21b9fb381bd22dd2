"""ApplicationKind, Channel, ApplicantRole: codes, names and parse()."""

from __future__ import annotations

import pytest

import nyukan_rules as nr
from nyukan_rules.catalog import CatalogEnum

CATALOGS: list[type[CatalogEnum]] = [
    nr.ApplicationKind,
    nr.Channel,
    nr.ApplicantRole,
    nr.StatusOfResidence,
    nr.Payment,
]


@pytest.mark.parametrize("catalog", CATALOGS)
def test_code_is_the_lower_case_member_name(catalog: type[CatalogEnum]) -> None:
    for member in catalog:
        assert member.value == member.name.lower() == member.code == str(member)
        assert member.ja
        assert member.en


@pytest.mark.parametrize("catalog", CATALOGS)
def test_every_name_parses_back_to_its_member(catalog: type[CatalogEnum]) -> None:
    for member in catalog:
        for text in (member.value, member.name, member.ja, member.en, *member.aliases):
            assert catalog.parse(text) is member
        assert catalog.parse(member) is member


def test_issue_example_value() -> None:
    assert nr.ApplicationKind.EXTENSION_OF_PERIOD.value == "extension_of_period"


# The official names (RULES.md §2; source isa-online-qa).
@pytest.mark.parametrize(
    ("member", "ja"),
    [
        ("CERTIFICATE_OF_ELIGIBILITY", "在留資格認定証明書交付申請"),
        ("CHANGE_OF_STATUS", "在留資格変更許可申請"),
        ("EXTENSION_OF_PERIOD", "在留期間更新許可申請"),
        ("ACQUISITION_OF_STATUS", "在留資格取得許可申請"),
        ("EMPLOYMENT_CERTIFICATE", "就労資格証明書交付申請"),
        ("REENTRY_PERMIT_SINGLE", "再入国許可申請（1回限り）"),
        ("REENTRY_PERMIT_MULTIPLE", "再入国許可申請（数次）"),
        ("PERMISSION_FOR_ACTIVITY", "資格外活動許可申請"),
        ("PERMANENT_RESIDENCE", "永住許可申請"),
    ],
)
def test_official_japanese_names(member: str, ja: str) -> None:
    assert nr.ApplicationKind[member].ja == ja


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在留期間更新許可", nr.ApplicationKind.EXTENSION_OF_PERIOD),
        ("在留期間更新許可申請", nr.ApplicationKind.EXTENSION_OF_PERIOD),
        ("  Extension of Period of Stay ", nr.ApplicationKind.EXTENSION_OF_PERIOD),
        ("EXTENSION-OF-PERIOD", nr.ApplicationKind.EXTENSION_OF_PERIOD),
        ("ｅｘｔｅｎｓｉｏｎ＿ｏｆ＿ｐｅｒｉｏｄ", nr.ApplicationKind.EXTENSION_OF_PERIOD),
        ("再入国許可申請(1回限り)", nr.ApplicationKind.REENTRY_PERMIT_SINGLE),
        ("再入国許可申請（１回限り）", nr.ApplicationKind.REENTRY_PERMIT_SINGLE),
        ("再入国許可（数次）", nr.ApplicationKind.REENTRY_PERMIT_MULTIPLE),
        ("数次再入国許可", nr.ApplicationKind.REENTRY_PERMIT_MULTIPLE),
        ("就労資格証明書", nr.ApplicationKind.EMPLOYMENT_CERTIFICATE),
        ("オンライン", nr.Channel.ONLINE),
        ("窓口", nr.Channel.COUNTER),
        ("行政書士", nr.ApplicantRole.LAWYER_OR_SCRIVENER),
        ("弁護士・行政書士", nr.ApplicantRole.LAWYER_OR_SCRIVENER),
        ("登録支援機関の職員", nr.ApplicantRole.REGISTERED_SUPPORT_ORGANIZATION_STAFF),
    ],
)
def test_parse_variants(text: str, expected: CatalogEnum) -> None:
    assert type(expected).parse(text) is expected


@pytest.mark.parametrize("catalog", CATALOGS)
@pytest.mark.parametrize(
    "junk",
    [
        None,
        "",
        "   ",
        "申請",
        "⑱",
        "ⅷ",
        "3²",
        "😀",
        "\x00",
        "x" * 10_000,
        42,
        4.2,
        b"online",
        [],
        object(),
    ],
)
def test_junk_raises_the_packages_own_error(catalog: type[CatalogEnum], junk: object) -> None:
    with pytest.raises(nr.UnknownNameError) as info:
        catalog.parse(junk)
    assert isinstance(info.value, nr.NyukanRulesError)
    assert isinstance(info.value, ValueError)


def test_a_member_of_another_catalog_is_not_accepted() -> None:
    with pytest.raises(nr.UnknownNameError):
        nr.ApplicationKind.parse(nr.Channel.ONLINE)


def test_parse_all_takes_one_or_many() -> None:
    kinds = nr.ApplicationKind.parse_all(["change_of_status", "資格外活動許可申請"])
    assert kinds == (
        nr.ApplicationKind.CHANGE_OF_STATUS,
        nr.ApplicationKind.PERMISSION_FOR_ACTIVITY,
    )
    assert nr.ApplicationKind.parse_all("永住許可") == (nr.ApplicationKind.PERMANENT_RESIDENCE,)
    with pytest.raises(nr.UnknownNameError):
        nr.ApplicationKind.parse_all(3)
