"""Application kinds (申請種別), channels and the roles of who files (利用者区分)."""

from __future__ import annotations

from nyukan_rules.catalog._base import CatalogEnum

__all__ = ["ApplicantRole", "ApplicationKind", "Channel"]


class ApplicationKind(CatalogEnum):
    """A procedure an application can ask for.

    >>> ApplicationKind.parse("在留期間更新許可") is ApplicationKind.EXTENSION_OF_PERIOD
    True
    """

    CERTIFICATE_OF_ELIGIBILITY = (
        "certificate_of_eligibility",
        "在留資格認定証明書交付申請",
        "Certificate of Eligibility",
    )
    CHANGE_OF_STATUS = (
        "change_of_status",
        "在留資格変更許可申請",
        "Change of Status of Residence",
    )
    EXTENSION_OF_PERIOD = (
        "extension_of_period",
        "在留期間更新許可申請",
        "Extension of Period of Stay",
    )
    ACQUISITION_OF_STATUS = (
        "acquisition_of_status",
        "在留資格取得許可申請",
        "Acquisition of Status of Residence",
    )
    EMPLOYMENT_CERTIFICATE = (
        "employment_certificate",
        "就労資格証明書交付申請",
        "Certificate of Authorized Employment",
    )
    REENTRY_PERMIT_SINGLE = (
        "reentry_permit_single",
        "再入国許可申請（1回限り）",
        "Re-entry Permit (single)",
    )
    REENTRY_PERMIT_MULTIPLE = (
        "reentry_permit_multiple",
        "再入国許可申請（数次）",
        "Re-entry Permit (multiple)",
    )
    PERMISSION_FOR_ACTIVITY = (
        "permission_for_activity",
        "資格外活動許可申請",
        "Permission to Engage in Activity Other Than That Permitted",
    )
    PERMANENT_RESIDENCE = (
        "permanent_residence",
        "永住許可申請",
        "Permanent Residence",
    )
    # Counter-only procedures the fee table has (not filed online).
    TRUSTED_TRAVELLER_CARD = (
        "trusted_traveller_card",
        "特定登録者カード交付申請",
        "Trusted Traveller Card (特定登録者カード)",
    )
    TRUSTED_TRAVELLER_CARD_REISSUE = (
        "trusted_traveller_card_reissue",
        "特定登録者カード再交付申請",
        "Trusted Traveller Card, reissue",
    )
    REFUGEE_TRAVEL_DOCUMENT = (
        "refugee_travel_document",
        "難民旅行証明書交付申請",
        "Refugee Travel Document",
    )


ApplicationKind.REENTRY_PERMIT_SINGLE.aliases = ("再入国許可（1回限り）", "1回限りの再入国許可")
ApplicationKind.REENTRY_PERMIT_MULTIPLE.aliases = ("数次再入国許可", "再入国許可（数次有効）")
ApplicationKind.EMPLOYMENT_CERTIFICATE.aliases = ("就労資格証明書",)


class Channel(CatalogEnum):
    """Where an application is filed."""

    COUNTER = ("counter", "窓口", "Counter")
    ONLINE = ("online", "オンライン", "Online")


Channel.COUNTER.aliases = ("窓口申請", "地方出入国在留管理官署")
Channel.ONLINE.aliases = ("在留申請オンラインシステム", "オンライン申請")


class ApplicantRole(CatalogEnum):
    """Who files an online application (利用者区分 1 to 7)."""

    FOREIGN_NATIONAL = ("foreign_national", "外国人本人", "Foreign national (the applicant)")
    LEGAL_REPRESENTATIVE = ("legal_representative", "法定代理人", "Legal representative")
    RELATIVE = ("relative", "親族", "Relative")
    LAWYER_OR_SCRIVENER = (
        "lawyer_or_scrivener",
        "弁護士又は行政書士",
        "Lawyer or gyoseishoshi",
    )
    ORGANIZATION_STAFF = (
        "organization_staff",
        "所属機関の職員",
        "Staff of the receiving organization",
    )
    PUBLIC_INTEREST_CORPORATION_STAFF = (
        "public_interest_corporation_staff",
        "公益法人の職員",
        "Staff of a public-interest corporation",
    )
    REGISTERED_SUPPORT_ORGANIZATION_STAFF = (
        "registered_support_organization_staff",
        "登録支援機関の職員",
        "Staff of a registered support organization",
    )


ApplicantRole.FOREIGN_NATIONAL.aliases = ("本人", "申請人本人")
ApplicantRole.LAWYER_OR_SCRIVENER.aliases = ("弁護士・行政書士", "行政書士", "弁護士")
