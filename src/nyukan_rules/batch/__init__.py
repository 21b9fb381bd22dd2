"""Bulk filing: the agency's templates as data, batch validation, the upload file."""

from nyukan_rules.batch.bulk import BulkFile, read_bulk_file, validate_bulk_rows, write_bulk_files
from nyukan_rules.batch.csvio import MAX_CSV_ROWS, CsvTable, read_csv, write_csv
from nyukan_rules.batch.mapping import (
    BULK_MAPPING,
    BulkFiles,
    bulk_row,
    bulk_row_with_findings,
    records_to_bulk_files,
)
from nyukan_rules.batch.records import (
    DEFAULT_APPLICANT_SPEC,
    FieldDomain,
    FieldSpec,
    RecordSpec,
    normalize_records,
    validate_records,
)
from nyukan_rules.batch.roster import (
    Person,
    Renewal,
    RenewalPlan,
    RenewalSchedule,
    Urgency,
    plan_renewals,
)
from nyukan_rules.batch.templates import (
    MAX_ROWS_PER_FILE,
    BulkColumn,
    BulkTemplate,
    CodeList,
    RequiredColumn,
    bulk_template,
    bulk_template_codes,
    bulk_template_for,
    read_bulk_template,
)

__all__ = [
    "BULK_MAPPING",
    "DEFAULT_APPLICANT_SPEC",
    "MAX_CSV_ROWS",
    "MAX_ROWS_PER_FILE",
    "BulkColumn",
    "BulkFile",
    "BulkFiles",
    "BulkTemplate",
    "CodeList",
    "CsvTable",
    "FieldDomain",
    "FieldSpec",
    "Person",
    "RecordSpec",
    "Renewal",
    "RenewalPlan",
    "RenewalSchedule",
    "RequiredColumn",
    "Urgency",
    "bulk_row",
    "bulk_row_with_findings",
    "bulk_template",
    "bulk_template_codes",
    "bulk_template_for",
    "normalize_records",
    "plan_renewals",
    "read_bulk_file",
    "read_bulk_template",
    "read_csv",
    "records_to_bulk_files",
    "validate_bulk_rows",
    "validate_records",
    "write_bulk_files",
    "write_csv",
]
