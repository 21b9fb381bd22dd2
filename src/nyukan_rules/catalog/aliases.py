"""The names HR data uses for catalog members, beside the official ones.

A row names one member (an alias) or several (a name that is ambiguous:
parsing it raises :class:`~nyukan_rules.AmbiguousNameError` naming the
candidates).  Names are compared as :func:`~nyukan_rules.catalog._base.lookup_key`
compares them, so full-width and half-width letters and digits, case,
spaces, middle dots and a trailing 申請 do not matter and need no row.

A status's legal name (its ``legal_status``: 特定技能, 高度専門職, 技能実習)
is read without a row: it names the member when only one member has it, and
is ambiguous otherwise.

Sources: the official names are those of the application forms and of
出入国管理及び難民認定法 別表第一・第二 (isa-online-procedures, isa-status-list);
the other names are those HR rosters and staff use (research-hr-data), with
the row's ``note`` saying which.
"""

from __future__ import annotations

import attrs

__all__ = ["ALIASES", "Alias"]


@attrs.frozen
class Alias:
    """A name that stands for one member (``codes`` of length 1) or is ambiguous."""

    name: str
    codes: tuple[str, ...]
    note: str = ""


def _rows(codes: str | tuple[str, ...], note: str, *names: str) -> tuple[Alias, ...]:
    found = (codes,) if isinstance(codes, str) else codes
    return tuple(Alias(name, found, note) for name in names)


_SHORT = "the procedure's name without 許可 or 申請, as rosters and staff write it"
_KIND_ALIASES: tuple[Alias, ...] = (
    *_rows(
        "extension_of_period",
        _SHORT,
        "在留期間更新",
        "期間更新",
        "更新",
        "在留期間の更新",
        "ビザ更新",
    ),
    *_rows(
        "change_of_status",
        _SHORT,
        "在留資格変更",
        "資格変更",
        "変更",
        "在留資格の変更",
        "ビザ変更",
        "change of status",
    ),
    *_rows(
        "certificate_of_eligibility",
        _SHORT,
        "在留資格認定証明書",
        "在留資格認定",
        "認定証明書",
        "認定",
        "COE",
    ),
    *_rows("acquisition_of_status", _SHORT, "在留資格取得", "取得"),
    *_rows("permanent_residence", _SHORT + " (the application, not the status)", "永住"),
    *_rows("permission_for_activity", _SHORT, "資格外活動", "資格外"),
    *_rows("employment_certificate", _SHORT, "就労資格証明"),
    *_rows(
        ("reentry_permit_single", "reentry_permit_multiple"),
        "single or multiple: the roster must say which",
        "再入国",
        "再入国許可",
        "reentry permit",
        "re-entry permit",
    ),
)

_STATUS_ALIASES: tuple[Alias, ...] = (
    *_rows(
        "engineer_specialist_humanities_international",
        "the common abbreviation and the English short forms",
        "技人国",
        "技術人文知識国際業務",
        "Engineer/Specialist in Humanities/International Services",
    ),
    *_rows("specified_skilled_worker_1", "abbreviation (SSW)", "SSW1", "SSW(i)"),
    *_rows("specified_skilled_worker_2", "abbreviation (SSW)", "SSW2", "SSW(ii)"),
    *_rows(
        (
            "highly_skilled_professional_1_a",
            "highly_skilled_professional_1_b",
            "highly_skilled_professional_1_c",
        ),
        "1号 without イ, ロ or ハ: the card names which",
        "高度専門職1号",
        "Highly Skilled Professional (i)",
    ),
    *_rows(
        ("technical_intern_training_1_a", "technical_intern_training_1_b"),
        "1号 without イ or ロ: the card names which",
        "技能実習1号",
    ),
    *_rows(
        ("technical_intern_training_2_a", "technical_intern_training_2_b"),
        "2号 without イ or ロ: the card names which",
        "技能実習2号",
    ),
    *_rows(
        ("technical_intern_training_3_a", "technical_intern_training_3_b"),
        "3号 without イ or ロ: the card names which",
        "技能実習3号",
    ),
    *_rows("student", "as rosters write it", "留学生"),
    *_rows("permanent_resident", "as rosters write it", "永住"),
    *_rows("spouse_or_child_of_japanese_national", "as rosters write it", "日本人の配偶者"),
    *_rows("spouse_or_child_of_permanent_resident", "as rosters write it", "永住者の配偶者"),
    *_rows(
        ("spouse_or_child_of_japanese_national", "spouse_or_child_of_permanent_resident"),
        "of a Japanese national or of a permanent resident: the roster must say which",
        "配偶者",
        "配偶者ビザ",
    ),
)

#: The alias rows of each catalog, by the catalog's class name.
ALIASES: dict[str, tuple[Alias, ...]] = {
    "ApplicationKind": _KIND_ALIASES,
    "StatusOfResidence": _STATUS_ALIASES,
}
