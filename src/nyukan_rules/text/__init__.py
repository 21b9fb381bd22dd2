"""Text: character classes, the JIS X 0208 repertoire, field kinds and identifiers."""

from nyukan_rules.text.charclass import CharClass, disallowed
from nyukan_rules.text.charset import CharIssue, IssueKind, is_jis_x0208, unsupported_chars
from nyukan_rules.text.fields import (
    FIELD_RULES,
    FieldKind,
    FieldRule,
    check_field,
    field_checker,
    normalize,
    utf16_length,
)

__all__ = [
    "FIELD_RULES",
    "CharClass",
    "CharIssue",
    "FieldKind",
    "FieldRule",
    "IssueKind",
    "check_field",
    "disallowed",
    "field_checker",
    "is_jis_x0208",
    "normalize",
    "unsupported_chars",
    "utf16_length",
]
