"""nyukan_rules: the rules of Japan's residence-application online system.

Dated, sourced answers as pure functions: which procedures can be filed
online and by whom, what they cost on which channel and date, and when they
must be filed.  Nothing here reads the clock, a file or the network.

>>> import nyukan_rules as nr
>>> from datetime import date
>>> nr.fee("extension_of_period", channel="online", accepted_on=date(2025, 6, 1)).yen
5500
"""

import importlib
from typing import TYPE_CHECKING, Any

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
    AmbiguousNameError,
    ArgumentTypeError,
    ArgumentValueError,
    ConversionError,
    InvalidChecksumError,
    InvalidFormatError,
    InvalidLengthError,
    MissingExtraError,
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
from nyukan_rules.messages import MESSAGES
from nyukan_rules.report import BatchReport, Finding, Report, Severity
from nyukan_rules.sources import SOURCES, Confidence, Source

if TYPE_CHECKING:
    from nyukan_rules.batch import (
        BULK_MAPPING,
        DEFAULT_APPLICANT_SPEC,
        MAX_ROWS_PER_FILE,
        BulkColumn,
        BulkFile,
        BulkFiles,
        BulkTemplate,
        CodeList,
        CsvTable,
        FieldDomain,
        FieldSpec,
        Person,
        RecordSpec,
        Renewal,
        RenewalPlan,
        RenewalSchedule,
        RequiredColumn,
        Urgency,
        bulk_row,
        bulk_row_with_findings,
        bulk_template,
        bulk_template_codes,
        bulk_template_for,
        normalize_records,
        plan_renewals,
        read_bulk_file,
        read_bulk_template,
        read_csv,
        records_to_bulk_files,
        validate_bulk_rows,
        validate_records,
        write_bulk_files,
        write_csv,
    )
    from nyukan_rules.convert import converter
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

# The files and text capabilities, and the cattrs converter, load on first use
# (PEP 562): ``import nyukan_rules`` then costs only the rules core.  This map
# is the one table of lazy names: tests/test_package.py checks that the
# TYPE_CHECKING imports above name exactly these (from these modules) and that
# __all__ is exactly the names imported here plus these.
_LAZY: dict[str, str] = {
    "BULK_MAPPING": "nyukan_rules.batch",
    "CsvTable": "nyukan_rules.batch",
    "DEFAULT_APPLICANT_SPEC": "nyukan_rules.batch",
    "FieldDomain": "nyukan_rules.batch",
    "FieldSpec": "nyukan_rules.batch",
    "Person": "nyukan_rules.batch",
    "RecordSpec": "nyukan_rules.batch",
    "Renewal": "nyukan_rules.batch",
    "RenewalPlan": "nyukan_rules.batch",
    "RenewalSchedule": "nyukan_rules.batch",
    "Urgency": "nyukan_rules.batch",
    "bulk_row": "nyukan_rules.batch",
    "bulk_row_with_findings": "nyukan_rules.batch",
    "BulkFiles": "nyukan_rules.batch",
    "RequiredColumn": "nyukan_rules.batch",
    "normalize_records": "nyukan_rules.batch",
    "plan_renewals": "nyukan_rules.batch",
    "read_csv": "nyukan_rules.batch",
    "records_to_bulk_files": "nyukan_rules.batch",
    "validate_records": "nyukan_rules.batch",
    "write_csv": "nyukan_rules.batch",
    "MAX_ROWS_PER_FILE": "nyukan_rules.batch",
    "BulkColumn": "nyukan_rules.batch",
    "BulkFile": "nyukan_rules.batch",
    "BulkTemplate": "nyukan_rules.batch",
    "CodeList": "nyukan_rules.batch",
    "bulk_template": "nyukan_rules.batch",
    "bulk_template_codes": "nyukan_rules.batch",
    "bulk_template_for": "nyukan_rules.batch",
    "read_bulk_file": "nyukan_rules.batch",
    "read_bulk_template": "nyukan_rules.batch",
    "validate_bulk_rows": "nyukan_rules.batch",
    "write_bulk_files": "nyukan_rules.batch",
    "AttachmentReport": "nyukan_rules.files",
    "CharClass": "nyukan_rules.text",
    "CharIssue": "nyukan_rules.text",
    "EditionLimits": "nyukan_rules.files",
    "FIELD_RULES": "nyukan_rules.text",
    "FieldKind": "nyukan_rules.text",
    "FieldRule": "nyukan_rules.text",
    "IssueKind": "nyukan_rules.text",
    "PhotoPolicy": "nyukan_rules.files",
    "PhotoReport": "nyukan_rules.files",
    "SubmissionReport": "nyukan_rules.files",
    "SystemEdition": "nyukan_rules.files",
    "check_attachment": "nyukan_rules.files",
    "check_field": "nyukan_rules.text",
    "check_photo": "nyukan_rules.files",
    "check_submission": "nyukan_rules.files",
    "converter": "nyukan_rules.convert",
    "ids": "nyukan_rules.text.ids",
    "is_jis_x0208": "nyukan_rules.text",
    "merge_pdfs": "nyukan_rules.files",
    "normalize": "nyukan_rules.text",
    "photo_required": "nyukan_rules.files",
    "prepare_photo": "nyukan_rules.files",
    "unsupported_chars": "nyukan_rules.text",
    "utf16_length": "nyukan_rules.text",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'nyukan_rules' has no attribute {name!r}")
    loaded = importlib.import_module(module)
    value = loaded if module.endswith("." + name) else getattr(loaded, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "BULK_MAPPING",
    "DEFAULT_APPLICANT_SPEC",
    "FIELD_RULES",
    "MAX_ROWS_PER_FILE",
    "MESSAGES",
    "SOURCES",
    "AmbiguousNameError",
    "ApplicantRole",
    "ApplicationKind",
    "ArgumentTypeError",
    "ArgumentValueError",
    "AttachmentReport",
    "BatchReport",
    "BulkColumn",
    "BulkFile",
    "BulkFiles",
    "BulkTemplate",
    "CatalogEnum",
    "Channel",
    "CharClass",
    "CharIssue",
    "CodeList",
    "Confidence",
    "ConversionError",
    "CsvTable",
    "DateWindow",
    "EditionLimits",
    "Effective",
    "Fee",
    "FeeSchedule",
    "FieldDomain",
    "FieldKind",
    "FieldRule",
    "FieldSpec",
    "Finding",
    "IdValidity",
    "InvalidChecksumError",
    "InvalidFormatError",
    "InvalidLengthError",
    "IssueKind",
    "MissingExtraError",
    "MissingInputError",
    "NoRuleError",
    "NotOfferedError",
    "NyukanRulesError",
    "Payment",
    "PeriodOfStay",
    "Person",
    "PhotoPolicy",
    "PhotoReport",
    "RecordSpec",
    "Renewal",
    "RenewalPlan",
    "RenewalSchedule",
    "Report",
    "RequiredColumn",
    "Severity",
    "Source",
    "StatusOfResidence",
    "StayBand",
    "SubmissionReport",
    "SystemEdition",
    "UnknownNameError",
    "Urgency",
    "ValidationError",
    "WorkPermission",
    "__version__",
    "add_months",
    "bulk_row",
    "bulk_row_with_findings",
    "bulk_template",
    "bulk_template_codes",
    "bulk_template_for",
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
    "normalize_records",
    "online_kinds",
    "organization_id_expiry",
    "photo_required",
    "plan_renewals",
    "prepare_photo",
    "read_bulk_file",
    "read_bulk_template",
    "read_csv",
    "records_to_bulk_files",
    "renewal_window",
    "special_period_end",
    "total_fee",
    "unsupported_chars",
    "utf16_length",
    "validate_bulk_rows",
    "validate_records",
    "write_bulk_files",
    "write_csv",
]
