"""nyukan_rules: the rules of Japan's residence-application online system.

Dated, sourced answers as pure functions: which procedures can be filed
online and by whom, what they cost on which channel and date, and when they
must be filed.  Nothing here reads the clock, a file or the network.

>>> import nyukan_rules as nr
>>> from datetime import date
>>> nr.fee("extension_of_period", channel="online", accepted_on=date(2025, 6, 1)).yen
5500
"""

from nyukan_rules.catalog import (
    ApplicantRole,
    ApplicationKind,
    CatalogEnum,
    Channel,
    PeriodOfStay,
    StatusOfResidence,
    StayBand,
    WorkPermission,
)
from nyukan_rules.convert import converter
from nyukan_rules.dates import (
    Effective,
    add_months,
    civil_period_end,
    is_office_closed,
    next_office_day,
)
from nyukan_rules.deadlines import (
    DateWindow,
    IdValidity,
    organization_id_expiry,
    renewal_window,
    special_period_end,
)
from nyukan_rules.eligibility import check_online_eligibility, online_kinds
from nyukan_rules.errors import (
    InvalidChecksumError,
    InvalidFormatError,
    InvalidLengthError,
    MissingInputError,
    NoRuleError,
    NotOfferedError,
    NyukanRulesError,
    UnknownNameError,
    ValidationError,
)
from nyukan_rules.fees import (
    Fee,
    FeeSchedule,
    Payment,
    fee,
    fee_range,
    fee_schedule,
    total_fee,
)
from nyukan_rules.files import (
    AttachmentReport,
    EditionLimits,
    PhotoPolicy,
    PhotoReport,
    SubmissionReport,
    SystemEdition,
    check_attachment,
    check_photo,
    check_submission,
    merge_pdfs,
    photo_required,
    prepare_photo,
)
from nyukan_rules.messages import MESSAGES
from nyukan_rules.report import Finding, Report, Severity
from nyukan_rules.sources import SOURCES, Confidence, Source
from nyukan_rules.text import (
    FIELD_RULES,
    CharClass,
    CharIssue,
    FieldKind,
    FieldRule,
    IssueKind,
    check_field,
    ids,
    is_jis_x0208,
    normalize,
    unsupported_chars,
    utf16_length,
)

__version__ = "0.1.0.dev0"

__all__ = [
    "FIELD_RULES",
    "MESSAGES",
    "SOURCES",
    "ApplicantRole",
    "ApplicationKind",
    "AttachmentReport",
    "CatalogEnum",
    "Channel",
    "CharClass",
    "CharIssue",
    "Confidence",
    "DateWindow",
    "EditionLimits",
    "Effective",
    "Fee",
    "FeeSchedule",
    "FieldKind",
    "FieldRule",
    "Finding",
    "IdValidity",
    "InvalidChecksumError",
    "InvalidFormatError",
    "InvalidLengthError",
    "IssueKind",
    "MissingInputError",
    "NoRuleError",
    "NotOfferedError",
    "NyukanRulesError",
    "Payment",
    "PeriodOfStay",
    "PhotoPolicy",
    "PhotoReport",
    "Report",
    "Severity",
    "Source",
    "StatusOfResidence",
    "StayBand",
    "SubmissionReport",
    "SystemEdition",
    "UnknownNameError",
    "ValidationError",
    "WorkPermission",
    "__version__",
    "add_months",
    "check_attachment",
    "check_field",
    "check_online_eligibility",
    "check_photo",
    "check_submission",
    "civil_period_end",
    "converter",
    "fee",
    "fee_range",
    "fee_schedule",
    "ids",
    "is_jis_x0208",
    "is_office_closed",
    "merge_pdfs",
    "next_office_day",
    "normalize",
    "online_kinds",
    "organization_id_expiry",
    "photo_required",
    "prepare_photo",
    "renewal_window",
    "special_period_end",
    "total_fee",
    "unsupported_chars",
    "utf16_length",
]
