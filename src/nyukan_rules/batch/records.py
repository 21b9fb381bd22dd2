"""HR records: the caller's own fields, validated and normalized row by row.

A :class:`RecordSpec` names the caller's fields and their :class:`FieldKind`;
:data:`DEFAULT_APPLICANT_SPEC` is the one HR exports usually fit.  Records
are mappings of field names to strings, from a CSV export or a database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import attrs

from nyukan_rules.dates import ensure_date
from nyukan_rules.messages import make_finding
from nyukan_rules.report import BatchReport, Finding
from nyukan_rules.text.fields import FieldKind, check_field, normalize

__all__ = [
    "DEFAULT_APPLICANT_SPEC",
    "FieldSpec",
    "RecordSpec",
    "normalize_records",
    "validate_records",
]

F = FieldKind


@attrs.frozen
class FieldSpec:
    """One field of the caller's records."""

    name: str
    kind: FieldKind
    required: bool = False
    max_length: int | None = None
    """Overrides the kind's own length (UTF-16 units)."""
    label_ja: str = ""
    label_en: str = ""


@attrs.frozen
class RecordSpec:
    """The caller's record layout, and which fields the cross-field rules use."""

    fields: tuple[FieldSpec, ...]
    phone_fields: tuple[str, ...] = ()
    """At least one of these must have a value."""
    birth_field: str | None = None
    passport_expiry_field: str | None = None
    unique_fields: tuple[str, ...] = ()
    """Two rows may not share a value of one of these (passport, residence card)."""

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.name == name), None)


def _f(
    name: str,
    kind: FieldKind,
    ja: str,
    en: str,
    *,
    required: bool = False,
    max_length: int | None = None,
) -> FieldSpec:
    return FieldSpec(name, kind, required, max_length, ja, en)


#: The applicant as an HR export usually holds them, in the online form's shapes.
DEFAULT_APPLICANT_SPEC = RecordSpec(
    fields=(
        _f("employee_id", F.TEXT, "社員番号", "Employee number", required=True),
        _f("name_roman", F.ROMAN_NAME, "氏名（英字）", "Name in Roman letters", required=True),
        _f("name_kana", F.FULLWIDTH_NAME, "氏名（カナ）", "Name in katakana"),
        _f("nationality", F.TEXT, "国籍・地域", "Nationality", required=True),
        _f("sex", F.TEXT, "性別", "Sex", required=True),
        _f("date_of_birth", F.DATE, "生年月日", "Date of birth", required=True),
        _f("postal_code", F.POSTAL_CODE, "郵便番号", "Postal code", required=True),
        _f("address", F.ADDRESS, "住居地", "Address", required=True),
        _f("phone", F.PHONE, "電話番号", "Phone"),
        _f("mobile_phone", F.PHONE, "携帯電話番号", "Mobile phone"),
        _f("email", F.EMAIL, "メールアドレス", "E-mail"),
        _f("passport_number", F.PASSPORT_NUMBER, "旅券番号", "Passport number", required=True),
        _f("passport_expiry", F.DATE, "旅券有効期限", "Passport expiry", required=True),
        _f(
            "residence_card_number",
            F.RESIDENCE_CARD_NUMBER,
            "在留カード番号",
            "Residence card number",
        ),
        _f("status", F.TEXT, "在留資格", "Status of residence", required=True),
        _f("period_of_stay", F.TEXT, "在留期間", "Period of stay", required=True),
        _f("expires_on", F.DATE, "在留期間の満了日", "Expiry of the period of stay", required=True),
        _f("employer", F.FULLWIDTH_TEXT, "所属機関名", "Employer"),
        _f("corporate_number", F.CORPORATE_NUMBER, "法人番号", "Corporate number"),
        _f("monthly_salary", F.DIGITS, "月額給与", "Monthly salary (yen)", max_length=8),
    ),
    phone_fields=("phone", "mobile_phone"),
    birth_field="date_of_birth",
    passport_expiry_field="passport_expiry",
    unique_fields=("passport_number", "residence_card_number"),
)


def _at(row: int, finding: Finding) -> Finding:
    return attrs.evolve(finding, row=row)


def _as_date(text: str) -> date | None:
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


def validate_records(
    records: Iterable[object], *, spec: RecordSpec = DEFAULT_APPLICANT_SPEC, on: date
) -> BatchReport:
    """Every problem of every record, each finding with its ``row`` and ``field``.

    Each field gets :func:`~nyukan_rules.check_field` with its spec; then the
    cross-field rules: a phone or mobile phone, a date of birth not after
    ``on``, a passport not expired before ``on``, and no passport or residence
    card number on two rows.  Anything that is not a mapping is a finding at
    its row.  Records may come from any iterable; memory grows with the
    findings, plus one entry per distinct unique-field value.

    >>> report = validate_records([{"name_roman": "Yamada Taro"}], on=date(2026, 11, 22))
    >>> report.by_row(0)[0].code, report.by_row(0)[0].field
    ('field.required', 'employee_id')
    """
    on = ensure_date(on, "on")
    findings: list[Finding] = []
    seen: dict[tuple[str, str], int] = {}
    memo: dict[tuple[str, str | None], tuple[Finding, ...]] = {}
    known = set(spec.names)
    count = 0
    for row, record in enumerate(records):
        count += 1
        if not isinstance(record, Mapping):
            findings.append(
                _at(row, make_finding("batch.not_a_row", row=row, type=type(record).__name__))
            )
            continue
        for name in record:
            if name not in known:
                findings.append(
                    _at(row, make_finding("record.unknown_field", field=str(name), name=name))
                )
        for fs in spec.fields:
            found = _field_findings(fs, record.get(fs.name), memo)
            if found:
                findings.extend(_at(row, f) for f in found)
        findings.extend(_at(row, f) for f in _cross(record, spec, on, row, seen))
    return BatchReport(findings, rows=count)


_MEMO_LIMIT = 100_000


def _field_findings(
    fs: FieldSpec, value: object, memo: dict[tuple[str, str | None], tuple[Finding, ...]]
) -> tuple[Finding, ...]:
    """The field's findings; remembered per batch, since HR data repeats its values."""
    if value is not None and not isinstance(value, str):
        return check_field(value, fs.kind, field=fs.name).findings
    key = (fs.name, value)
    found = memo.get(key)
    if found is None:
        found = check_field(
            value, fs.kind, required=fs.required, max_length=fs.max_length, field=fs.name
        ).findings
        if len(memo) < _MEMO_LIMIT:
            memo[key] = found
    return found


def _text(record: Mapping[Any, Any], name: str | None) -> str:
    value = record.get(name) if name else None
    return value if isinstance(value, str) else ""


def _cross(
    record: Mapping[Any, Any],
    spec: RecordSpec,
    on: date,
    row: int,
    seen: dict[tuple[str, str], int],
) -> list[Finding]:
    found: list[Finding] = []
    if spec.phone_fields and not any(_text(record, n) for n in spec.phone_fields):
        found.append(make_finding("record.phone_required", field=spec.phone_fields[0]))
    born = _as_date(_text(record, spec.birth_field))
    if born is not None and born > on:
        found.append(
            make_finding(
                "record.born_in_future",
                field=spec.birth_field,
                value=born.isoformat(),
                on=on.isoformat(),
            )
        )
    expiry = _as_date(_text(record, spec.passport_expiry_field))
    if expiry is not None and expiry < on:
        found.append(
            make_finding(
                "record.passport_expired",
                field=spec.passport_expiry_field,
                value=expiry.isoformat(),
                on=on.isoformat(),
            )
        )
    for name in spec.unique_fields:
        value = _text(record, name)
        if not value:
            continue
        first = seen.setdefault((name, value), row)
        if first != row:
            fs = spec.field(name)
            found.append(
                make_finding(
                    "record.duplicate",
                    field=name,
                    label=fs.label_ja if fs else name,
                    label_en=fs.label_en if fs else name,
                    value=value,
                    first=first,
                )
            )
    return found


def normalize_records(
    records: Iterable[object], *, spec: RecordSpec = DEFAULT_APPLICANT_SPEC
) -> tuple[list[dict[str, str]], BatchReport]:
    """Each record with :func:`~nyukan_rules.normalize` applied field by field.

    Returns one output record per input record, in order (a record that is
    not a mapping gives an empty one, and a finding), and a report of what
    normalization could not fix: the field checks on the normalized values.
    Fields the spec does not name are kept as they are; a value that is not
    text is left out of the output and reported.
    """
    out: list[dict[str, str]] = []
    findings: list[Finding] = []
    kinds = {f.name: f for f in spec.fields}
    for row, record in enumerate(records):
        if not isinstance(record, Mapping):
            out.append({})
            findings.append(
                _at(row, make_finding("batch.not_a_row", row=row, type=type(record).__name__))
            )
            continue
        clean: dict[str, str] = {}
        for name, value in record.items():
            fs = kinds.get(name)
            if not isinstance(value, str):
                if value is not None and fs is not None:
                    findings.append(
                        _at(row, check_field(value, fs.kind, field=fs.name).findings[0])
                    )
                continue
            clean[str(name)] = normalize(value, fs.kind) if fs is not None else value
        for fs in spec.fields:
            report = check_field(
                clean.get(fs.name), fs.kind, required=fs.required, max_length=fs.max_length,
                field=fs.name,
            )  # fmt: skip
            findings.extend(_at(row, f) for f in report.findings)
        out.append(clean)
    return out, BatchReport(findings, rows=len(out))
