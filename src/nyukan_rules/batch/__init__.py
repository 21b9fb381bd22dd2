"""Bulk filing: the agency's templates as data, batch validation, the upload file."""

from nyukan_rules.batch.bulk import BulkFile, read_bulk_file, validate_bulk_rows, write_bulk_files
from nyukan_rules.batch.templates import (
    MAX_ROWS_PER_FILE,
    BulkColumn,
    BulkTemplate,
    CodeList,
    bulk_template,
    bulk_template_codes,
    read_bulk_template,
)

__all__ = [
    "MAX_ROWS_PER_FILE",
    "BulkColumn",
    "BulkFile",
    "BulkTemplate",
    "CodeList",
    "bulk_template",
    "bulk_template_codes",
    "read_bulk_file",
    "read_bulk_template",
    "validate_bulk_rows",
    "write_bulk_files",
]
