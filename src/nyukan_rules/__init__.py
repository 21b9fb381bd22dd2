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

__version__ = "0.1.0.dev0"

__all__ = [
    "MESSAGES",
    "SOURCES",
    "ApplicantRole",
    "ApplicationKind",
    "AttachmentReport",
    "CatalogEnum",
    "Channel",
    "Confidence",
    "DateWindow",
    "EditionLimits",
    "Effective",
    "Fee",
    "FeeSchedule",
    "Finding",
    "IdValidity",
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
    "check_online_eligibility",
    "check_photo",
    "check_submission",
    "civil_period_end",
    "converter",
    "fee",
    "fee_range",
    "fee_schedule",
    "is_office_closed",
    "merge_pdfs",
    "next_office_day",
    "online_kinds",
    "organization_id_expiry",
    "photo_required",
    "prepare_photo",
    "renewal_window",
    "special_period_end",
    "total_fee",
]
