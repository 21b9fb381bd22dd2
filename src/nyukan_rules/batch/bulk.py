"""Bulk rows, kept for compatibility: the checks are :mod:`nyukan_rules.batch.checks`, the
upload file :mod:`nyukan_rules.batch.upload_format`, the templates
:mod:`nyukan_rules.batch.templates`."""

from nyukan_rules.batch.checks import validate_bulk_rows
from nyukan_rules.batch.upload_format import BulkFile, read_bulk_file, write_bulk_files

__all__ = ["BulkFile", "read_bulk_file", "validate_bulk_rows", "write_bulk_files"]
