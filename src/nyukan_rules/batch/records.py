"""HR records: the caller's own fields, validated and normalized row by row.

A :class:`RecordSpec` names the caller's fields and their :class:`FieldKind`;
:data:`DEFAULT_APPLICANT_SPEC` is the one HR exports usually fit.  Records
are mappings of field names to strings, from a CSV export or a database.
"""

from __future__ import annotations

import enum
import functools
import itertools
import operator
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any, Protocol, TypeVar

import attrs

from nyukan_rules._args import ensure_int, ensure_rows, type_name, wrong_type
from nyukan_rules.catalog import PeriodOfStay, StatusOfResidence
from nyukan_rules.dates import ensure_date
from nyukan_rules.errors import ArgumentTypeError, NyukanRulesError
from nyukan_rules.messages import Cap, make_finding
from nyukan_rules.report import BatchReport, Finding, Report
from nyukan_rules.text._columns import normalize_many, suspects
from nyukan_rules.text.fields import (
    NORMALIZERS,
    FieldKind,
    check_field,
    column_rule,
    field_checker,
    normalize,
)

__all__ = [
    "DEFAULT_APPLICANT_SPEC",
    "FieldDomain",
    "FieldSpec",
    "RecordSpec",
    "normalize_records",
    "validate_records",
]

F = FieldKind
T = TypeVar("T")


class FieldDomain(str, enum.Enum):
    """The values a field may take beyond its shape: what the agency accepts.

    Checked by :func:`validate_records` after the field's
    :class:`~nyukan_rules.FieldKind` check, so a value the agency's system
    would refuse is a finding before any upload file is made.
    """

    STATUS = "status"
    """A status of residence :meth:`~nyukan_rules.StatusOfResidence.parse` knows."""
    PERIOD_OF_STAY = "period_of_stay"
    """A period of stay of the bulk workbooks' list (1日 … 5年), or 無期限."""
    SEX = "sex"
    """男 or 女 (or the workbooks' codes 1 and 2, or their full labels)."""
    NATIONALITY = "nationality"
    """A country or region of the bulk workbooks' list (the Japanese name, label or code)."""


@attrs.frozen(cache_hash=True)
class FieldSpec:
    """One field of the caller's records."""

    name: str
    kind: FieldKind
    required: bool = False
    max_length: int | None = None
    """Overrides the kind's own length (UTF-16 units)."""
    label_ja: str = ""
    label_en: str = ""
    domain: FieldDomain | None = None
    """The values the agency accepts, checked on top of ``kind`` (None: any of the kind)."""


@attrs.frozen(cache_hash=True)
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
    domain: FieldDomain | None = None,
) -> FieldSpec:
    return FieldSpec(name, kind, required, max_length, ja, en, domain)


#: The applicant as an HR export usually holds them, in the online form's shapes.
DEFAULT_APPLICANT_SPEC = RecordSpec(
    fields=(
        _f("employee_id", F.TEXT, "社員番号", "Employee number", required=True),
        _f("name_roman", F.ROMAN_NAME, "氏名（英字）", "Name in Roman letters", required=True),
        _f("name_kana", F.FULLWIDTH_NAME, "氏名（カナ）", "Name in katakana"),
        _f(
            "nationality",
            F.TEXT,
            "国籍・地域",
            "Nationality",
            required=True,
            domain=FieldDomain.NATIONALITY,
        ),
        _f("sex", F.TEXT, "性別", "Sex", required=True, domain=FieldDomain.SEX),
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
        _f(
            "status",
            F.TEXT,
            "在留資格",
            "Status of residence",
            required=True,
            domain=FieldDomain.STATUS,
        ),
        _f(
            "period_of_stay",
            F.TEXT,
            "在留期間",
            "Period of stay",
            required=True,
            domain=FieldDomain.PERIOD_OF_STAY,
        ),
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


def at_row(row: int, finding: Finding) -> Finding:
    # The constructor, not attrs.evolve: a batch of bad rows makes millions of these.
    f = finding
    return Finding(f.code, f.severity, f.params, f.field, f.sources, row)


# The headers of the workbooks' columns whose code lists a domain is checked against.
_DOMAIN_HEADERS = {
    FieldDomain.NATIONALITY: ("WCCBS010Dto:selNationalityAndRegion",),
    FieldDomain.SEX: ("radSex",),
    FieldDomain.PERIOD_OF_STAY: ("WCCCS020Dto:selZiryPeriod", "WCCCS040Dto:selZiryPeriod"),
}
_INDEFINITE = frozenset({"無期限", "indefinite", "unlimited"})
EXPECTED = {
    FieldDomain.STATUS: ("在留資格の名称", "a status of residence"),
    FieldDomain.PERIOD_OF_STAY: (
        "在留期間（一括申請ファイルの一覧にある期間又は無期限）",
        "a period of stay of the bulk workbooks' list (1日 to 5年) or 無期限",
    ),
    FieldDomain.SEX: ("「男」又は「女」", "男 or 女 (male or female)"),
    FieldDomain.NATIONALITY: (
        "一括申請ファイルの国籍・地域の一覧にある名称",
        "a country or region of the bulk workbooks' list (its Japanese name)",
    ),
}


@functools.cache
def _domain_values(domain: FieldDomain) -> frozenset[str]:
    """Codes, labels and the labels' Japanese part of the workbooks' list for ``domain``.

    Source: the bundled bulk-registration workbooks (isa-bulk-template-tool);
    the three workbooks share these lists.  ``functools.cache`` is thread-safe
    (at worst two threads build the same set).
    """
    from nyukan_rules.batch.templates import header_code_list

    found = header_code_list(_DOMAIN_HEADERS[domain])
    if found is None:  # pragma: no cover - the bundled data has every list
        return frozenset()
    values: set[str] = set()
    for label, value in found.pairs:
        values.update((label, value, label.split(" ")[0]))
    return frozenset(values)


@functools.cache
def _periods() -> frozenset[PeriodOfStay]:
    found: set[PeriodOfStay] = set()
    for value in _domain_values(FieldDomain.PERIOD_OF_STAY):
        try:
            found.add(PeriodOfStay.parse(value))
        except NyukanRulesError:
            continue  # codes, 無期限 and 外交活動の期間
    return frozenset(found)


def accepted_period(period: PeriodOfStay) -> bool:
    """Whether a period of stay is one of the bulk workbooks' list (1日 to 5年), the
    periods :func:`validate_records` accepts (``plan_renewals`` uses the same rule).

    >>> accepted_period(PeriodOfStay.parse("5年")), accepted_period(PeriodOfStay.parse("7年"))
    (True, False)
    """
    return period in _periods()


def _accepted(domain: FieldDomain, value: str) -> bool:
    if domain is FieldDomain.STATUS:
        try:
            StatusOfResidence.parse(value)
        except NyukanRulesError:
            return False
        return True
    if domain is FieldDomain.PERIOD_OF_STAY:
        text = unicodedata.normalize("NFKC", value).strip().casefold()
        if text in _INDEFINITE:
            return True
        try:
            return accepted_period(PeriodOfStay.parse(value))
        except NyukanRulesError:
            return False
    return value in _domain_values(domain)


def _shown(value: str, limit: int = 40) -> str:
    """The value for a message: at most ``limit`` characters, control characters escaped."""
    short = value[:limit] + ("…" if len(value) > limit else "")
    return (
        short.encode("unicode_escape", "backslashreplace").decode("ascii")
        if not (short.isprintable())
        else short
    )


def _domain_findings(fs: FieldSpec, value: object) -> tuple[Finding, ...]:
    """The finding for a value outside the field's :class:`FieldDomain` (none if it is in)."""
    if fs.domain is None or not isinstance(value, str) or not value:
        return ()
    if _accepted(fs.domain, value):
        return ()
    return (
        make_finding(
            "record.value_not_accepted",
            field=fs.name,
            label=fs.label_ja or fs.name,
            value=_shown(value),
            expected=EXPECTED[fs.domain][0],
        ),
    )


#: Statuses granted with no period of stay (入管法 別表第二 永住者; 高度専門職2号 is
#: granted 無期限, 入管法施行規則 別表第二): a roster may leave their period empty.
NO_PERIOD_STATUSES = frozenset(
    {StatusOfResidence.PERMANENT_RESIDENT, StatusOfResidence.HIGHLY_SKILLED_PROFESSIONAL_2}
)


@functools.lru_cache(maxsize=256)
def _status_has_no_period(text: str) -> bool:
    try:
        return StatusOfResidence.parse(text) in NO_PERIOD_STATUSES
    except NyukanRulesError:
        return False


def _period_optional(record: Mapping[Any, Any], spec: RecordSpec) -> bool:
    """True when the record's status has no period of stay (永住者, 高度専門職2号)."""
    status = _domain_field(spec, FieldDomain.STATUS)
    value = record.get(status.name) if status is not None else None
    return isinstance(value, str) and bool(value) and _status_has_no_period(value)


@functools.lru_cache(maxsize=256)
def _domain_field(spec: RecordSpec, domain: FieldDomain) -> FieldSpec | None:
    """The spec's first field of ``domain`` (specs are frozen, their hash kept)."""
    return next((f for f in spec.fields if f.domain is domain), None)


def _checked_fields(
    record: Mapping[Any, Any],
    spec: RecordSpec,
    checks: list[tuple[FieldSpec, bool, bool, _Seen]],
    memo: dict[tuple[str, str | None, bool], tuple[Finding, ...]],
) -> Iterator[tuple[Finding, ...]]:
    """The findings of each field of one record that has any, in the spec's order (the
    row-by-row path; each distinct text of a field checked once per batch)."""
    for fs, required, period, both in checks:
        if period:
            required = _required(fs, record, spec)
        seen_values = both[required]
        value = record.get(fs.name)
        found = seen_values.get(value) if value.__class__ is str else None
        if found is None:
            found = _field_findings(fs, value, memo, required)
            if value.__class__ is str and len(seen_values) < _FIELD_MEMO_LIMIT:
                seen_values[value] = found
        if found:
            yield found


def _checks(spec: RecordSpec) -> list[tuple[FieldSpec, bool, bool, _Seen]]:
    """(field, required, whether that depends on the record's status, the findings of
    the values seen in it when required and when not) for each field.  A batch's
    values repeat (statuses, dates): each distinct text is checked once per batch,
    up to ``_FIELD_MEMO_LIMIT`` per field."""
    return [
        (fs, fs.required, fs.required and fs.domain is FieldDomain.PERIOD_OF_STAY, ({}, {}))
        for fs in spec.fields
    ]


#: Per field: the findings of each text seen, when it is not required and when it is.
_Seen = tuple[dict[str, tuple[Finding, ...]], dict[str, tuple[Finding, ...]]]


def _required(fs: FieldSpec, record: Mapping[Any, Any], spec: RecordSpec) -> bool:
    if fs.required and fs.domain is FieldDomain.PERIOD_OF_STAY:
        return not _period_optional(record, spec)
    return fs.required


def _as_date(text: str) -> date | None:
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


def validate_records(
    records: Iterable[object],
    *,
    spec: RecordSpec = DEFAULT_APPLICANT_SPEC,
    on: date,
    max_findings_per_code: int | None = None,
    workers: int | None = None,
) -> BatchReport:
    """Every problem of every record, each finding with its ``row`` and ``field``.

    Each field gets :func:`~nyukan_rules.check_field` with its spec and its
    :class:`FieldDomain` (a period of stay is not required of a status that
    has none: 永住者, 高度専門職2号); then the cross-field rules: a phone or mobile
    phone, a date of birth not after ``on``, a passport not expired before
    ``on``, and no passport or residence card number on two rows.  Anything
    that is not a mapping is a finding at its row.  ``row`` is the record's
    0-based index; messages count rows from 1.

    Records may come from any iterable; memory grows with the findings
    (about 150 bytes each), plus one entry per distinct unique-field value.
    For untrusted input of any size pass ``max_findings_per_code`` (say
    100): the first that many findings of each code are kept and one
    ``report.more_findings`` note per code counts the rest, so memory stays
    bounded.  A capped report no longer names every row with an error, but
    each note has the severity of the worst finding it counts, so its ``ok``
    is still false.  The cap is at least 1 (0 would leave out every finding).
    ``workers`` processes check blocks of 5,000 records side by side (the
    same report; see :func:`~nyukan_rules.batch.iter_validate_records`, which
    also keeps memory flat).

    >>> report = validate_records([{"name_roman": "Yamada Taro"}], on=date(2026, 11, 22))
    >>> report.by_row(0)[0].code, report.by_row(0)[0].field
    ('field.required', 'employee_id')
    """
    ensure_rows(records, "records")
    ensure_spec(spec)
    on = ensure_date(on, "on")
    limit = (
        None
        if max_findings_per_code is None
        else ensure_int(max_findings_per_code, "max_findings_per_code", minimum=1)
    )
    if workers is not None:
        from nyukan_rules.batch import stream

        count = [0]
        found = list(
            stream._validated(_counted(records, count), spec, on, limit, stream._workers(workers))
        )
        return BatchReport(found, rows=count[0])
    return validated_rows(records, spec, on, limit)


def _counted(records: Iterable[T], count: list[int]) -> Iterator[T]:
    """The records, counted in ``count[0]`` as they go."""
    for record in records:
        count[0] += 1
        yield record


class Kept:
    """A batch's findings, each given its row; with a ``limit``, capped by
    :class:`~nyukan_rules.messages.Cap` (the rest counted, never built), so memory
    stays bounded."""

    def __init__(self, limit: int | None) -> None:
        self._found: list[Finding] = []
        self._cap = Cap(limit) if limit is not None else None

    def add(self, row: int, found: Iterable[Finding]) -> None:
        cap = self._cap
        if cap is None:
            self._found.extend(at_row(row, f) for f in found)
        else:
            self._found.extend(at_row(row, f) for f in found if cap.keeps(f))

    def findings(self) -> list[Finding]:
        return self._found if self._cap is None else self._found + self._cap.notes()


def validated_rows(
    records: Iterable[object],
    spec: RecordSpec,
    on: date,
    limit: int | None,
    *,
    fields: bool = True,
) -> BatchReport:
    """validate_records' findings; without the field checks where ``fields`` is false
    (:func:`~nyukan_rules.batch.stream.iter_roster`, whose normalization made them)."""
    kept = Kept(limit)
    add = kept.add
    seen: dict[tuple[str, str], int] = {}
    memo: dict[tuple[str, str | None, bool], tuple[Finding, ...]] = {}
    known = set(spec.names)
    checks = _checks(spec) if fields else []
    count = 0
    for chunk in _chunks(records, COLUMN_BLOCK):
        start = count
        count += len(chunk)
        per_row = validate_columns(chunk, spec, on, memo, fields=fields)
        if per_row is not None:  # plain records: a column at a time
            for row, record in enumerate(chunk, start):
                said = per_row.get(row - start)
                if said:
                    add(row, said)
                if spec.unique_fields:
                    add(row, duplicate_findings(record, spec, row, seen))  # type: ignore[arg-type]
            continue
        for row, record in enumerate(chunk, start):
            if not isinstance(record, Mapping):
                add(row, [make_finding("batch.not_a_row", row=row + 1, type=type_name(record))])
                continue
            for name in record:
                if name not in known:
                    add(
                        row,
                        [
                            make_finding(
                                "record.unknown_field", field=str(name), name=_shown(str(name))
                            )
                        ],
                    )
            for found in _checked_fields(record, spec, checks, memo):
                add(row, found)
            add(row, cross_field_findings(record, spec, on, row, seen))
    return BatchReport(kept.findings(), rows=count)


def ensure_spec(spec: object) -> None:
    if not isinstance(spec, RecordSpec):
        raise ArgumentTypeError(
            f"spec must be a RecordSpec, not {type_name(spec)}",
            **wrong_type("spec", spec, "RecordSpec"),
        )


_MEMO_LIMIT = 100_000
#: Distinct texts remembered per field and batch (statuses, nationalities and dates
#: repeat; names and numbers do not, and must not fill memory).
_FIELD_MEMO_LIMIT = 16_384


@functools.lru_cache(maxsize=1024)
def _checker(fs: FieldSpec, required: bool) -> Callable[[object], Report]:
    """The field's check, its arguments read once (specs are frozen: lru_cache is
    thread-safe and bounded)."""
    return field_checker(
        fs.kind,
        required=required,
        max_length=fs.max_length,
        field=fs.name,
        label=fs.label_ja or None,
    )


def _field_findings(
    fs: FieldSpec,
    value: object,
    memo: dict[tuple[str, str | None, bool], tuple[Finding, ...]],
    required: bool,
) -> tuple[Finding, ...]:
    """The field's findings; remembered per batch, since HR data repeats its values.

    A value that passes a field without a domain costs the check's own cache
    and no entry here: distinct values (names, numbers) do not fill the memo."""
    if value is not None and value.__class__ is not str:
        if not isinstance(value, str):
            return check_field(value, fs.kind, field=fs.name, label=fs.label_ja or None).findings
        value = str(value)  # a str subclass is judged as the plain text it holds
    key = (fs.name, value, required)
    known = memo.get(key)  # a value that fails, or any of a domain, seen before
    if known is not None:
        return known
    if fs.domain is None and value:
        known = _checker(fs, required)(value).findings
        if not known:
            return known  # a value that passes is not remembered here
        if len(memo) < _MEMO_LIMIT:
            memo[key] = known
        return known
    known = _checker(fs, required)(value).findings + _domain_findings(fs, value)
    if len(memo) < _MEMO_LIMIT:
        memo[key] = known
    return known


def _text(record: Mapping[Any, Any], name: str | None) -> str:
    value = record.get(name) if name else None
    return value if isinstance(value, str) else ""


@functools.lru_cache(maxsize=64)
def _phone_required(field: str) -> Finding:
    return make_finding("record.phone_required", field=field)


def _indefinite_for_a_period_status(record: Mapping[Any, Any], spec: RecordSpec) -> Finding | None:
    """無期限 is the period of a status that has none (永住者, 高度専門職2号); for any
    other status it is a value the agency refuses (plan_renewals says the same)."""
    period = _domain_field(spec, FieldDomain.PERIOD_OF_STAY)
    status = _domain_field(spec, FieldDomain.STATUS)
    if period is None or status is None:
        return None
    value, status_text = _text(record, period.name), _text(record, status.name)
    if not value or not status_text:
        return None
    if unicodedata.normalize("NFKC", value).strip().casefold() not in _INDEFINITE:
        return None
    try:
        parsed = StatusOfResidence.parse(status_text)
    except NyukanRulesError:
        return None  # the status's own finding says what is wrong
    if parsed in NO_PERIOD_STATUSES:
        return None
    return make_finding(
        "record.indefinite_period",
        field=period.name,
        label=period.label_ja or period.name,
        value=_shown(value),
        status=parsed,
    )


def cross_field_findings(
    record: Mapping[Any, Any],
    spec: RecordSpec,
    on: date,
    row: int,
    seen: dict[tuple[str, str], int],
) -> list[Finding]:
    found: list[Finding] = []
    if spec.phone_fields and not any(_text(record, n) for n in spec.phone_fields):
        found.append(_phone_required(spec.phone_fields[0]))
    indefinite = _indefinite_for_a_period_status(record, spec)
    if indefinite is not None:
        found.append(indefinite)
    born = _as_date(_text(record, spec.birth_field))
    if born is not None and born > on:
        found.append(
            make_finding(
                "record.born_in_future",
                field=spec.birth_field,
                value=born,
                on=on,
            )
        )
    expiry = _as_date(_text(record, spec.passport_expiry_field))
    if expiry is not None and expiry < on:
        found.append(
            make_finding(
                "record.passport_expired",
                field=spec.passport_expiry_field,
                value=expiry,
                on=on,
            )
        )
    found.extend(duplicate_findings(record, spec, row, seen))
    return found


class FirstRows(Protocol):
    """What the duplicate check remembers: (field, value) to the first row (a dict, or
    the streams' :class:`~nyukan_rules.batch.SeenNumbers`)."""

    def setdefault(self, key: Any, row: int, /) -> int: ...


def duplicate_findings(
    record: Mapping[Any, Any], spec: RecordSpec, row: int, seen: FirstRows
) -> list[Finding]:
    """``record.duplicate`` for each unique field whose value an earlier row had (``seen``
    maps (field, value) to its first row and learns this row's values)."""
    found: list[Finding] = []
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
                    label=fs.label_ja if fs and fs.label_ja else name,
                    value=_shown(value),
                    first=first + 1,
                )
            )
    return found


def _left_out(name: str, value: object) -> Finding:
    return make_finding(
        "record.value_left_out", field=name, name=_shown(name), type=type_name(value)
    )


def normalize_records(
    records: Iterable[object],
    *,
    spec: RecordSpec = DEFAULT_APPLICANT_SPEC,
    workers: int | None = None,
    max_findings_per_code: int | None = None,
) -> tuple[list[dict[str, str]], BatchReport]:
    """Each record with :func:`~nyukan_rules.normalize` applied field by field.

    Returns one output record per input record, in order (a record that is
    not a mapping gives an empty one, and a finding), and a report of what
    normalization could not fix: the field checks on the normalized values.
    Fields the spec does not name are kept as they are; ``None`` is kept as
    an empty value (``""``), so no field disappears; any other value that is
    not text is left out of the output and reported (``field.not_text`` for
    a field of the spec, ``record.value_left_out`` for any other field).
    ``workers`` processes normalize blocks of 5,000 records side by side (the
    same result; see :func:`~nyukan_rules.batch.iter_normalize_records`).
    ``max_findings_per_code`` keeps the first that many findings of each code
    and counts the rest in one ``report.more_findings`` note a code, as
    :func:`validate_records` does: for untrusted input, memory stays bounded.
    """
    ensure_rows(records, "records")
    ensure_spec(spec)
    limit = (
        None
        if max_findings_per_code is None
        else ensure_int(max_findings_per_code, "max_findings_per_code", minimum=1)
    )
    kept = Kept(limit)
    out: list[dict[str, str]] = []
    if workers is not None:
        from nyukan_rules.batch import stream

        for record, row_findings in stream._normalized(records, spec, stream._workers(workers)):
            if row_findings:
                kept.add(len(out), row_findings)
            out.append(record)
        return out, BatchReport(kept.findings(), rows=len(out))
    state = _RowState(spec)
    for block in _chunks(records, COLUMN_BLOCK):
        base = len(out)
        columnar = normalize_columns(block, spec, state.memo)
        if columnar is None:
            found: list[Finding] = []
            _normalize_rows(block, state, out, found)
            for finding in found:
                assert finding.row is not None
                kept.add(finding.row, [finding])
            continue
        clean, per_row, _ = columnar
        out.extend(clean)
        for i in sorted(per_row):
            kept.add(base + i, per_row[i])
    return out, BatchReport(kept.findings(), rows=len(out))


class _RowState:
    """What normalizing row by row remembers across a batch's blocks."""

    def __init__(self, spec: RecordSpec) -> None:
        self.spec = spec
        self.kinds = {f.name: f for f in spec.fields}
        # HR data repeats its values (statuses, nationalities, dates): each distinct
        # value is normalized and checked once per batch, up to _MEMO_LIMIT of them.
        self.norms: dict[str, dict[str, str]] = {f.name: {} for f in spec.fields}
        self.size = [0]  # values in `norms`
        self.memo: dict[tuple[str, str | None, bool], tuple[Finding, ...]] = {}
        self.checks = _checks(spec)


def _normalize_rows(
    block: list[object], state: _RowState, out: list[dict[str, str]], findings: list[Finding]
) -> None:
    """normalize_records row by row: for records that are not plain dicts of text."""
    spec, kinds, norms, size, memo, checks = (
        state.spec,
        state.kinds,
        state.norms,
        state.size,
        state.memo,
        state.checks,
    )
    for row, record in enumerate(block, len(out)):
        if not isinstance(record, Mapping):
            out.append({})
            findings.append(
                at_row(row, make_finding("batch.not_a_row", row=row + 1, type=type_name(record)))
            )
            continue
        clean: dict[str, str] = {}
        for name, value in record.items():
            fs = kinds.get(name)
            if fs is not None and value.__class__ is str and name.__class__ is str:  # most cells
                done = norms[fs.name].get(value)
                if done is None:
                    done = NORMALIZERS[fs.kind](value)  # normalize(), its arguments known
                    if size[0] < _MEMO_LIMIT:
                        norms[fs.name][value] = done
                        size[0] += 1
                clean[name] = done
                continue
            if not isinstance(name, str):
                key = str(name)
                if key in record or key in clean:  # two names that read the same
                    findings.append(at_row(row, _left_out(key, value if value is not None else "")))
                    continue
                findings.append(
                    at_row(
                        row,
                        make_finding(
                            "record.field_name_not_text",
                            field=key,
                            name=_shown(key),
                            type=type_name(name),
                        ),
                    )
                )
                name, fs = key, kinds.get(key)
            if value is None:
                clean[str(name)] = ""
                continue
            if not isinstance(value, str):
                if fs is not None:
                    findings.append(
                        at_row(
                            row,
                            check_field(
                                value, fs.kind, field=fs.name, label=fs.label_ja or None
                            ).findings[0],
                        )
                    )
                else:
                    findings.append(at_row(row, _left_out(str(name), value)))
                continue
            if fs is None:
                clean[str(name)] = value
                continue
            done = norms[fs.name].get(value)
            if done is None:
                done = normalize(value, fs.kind)
                if size[0] < _MEMO_LIMIT:
                    norms[fs.name][value] = done
                    size[0] += 1
            clean[name] = done
        for found in _checked_fields(clean, spec, checks, memo):
            findings.extend(at_row(row, f) for f in found)
        out.append(clean)


# --- column by column ---------------------------------------------------------------

#: Records a batch function takes at a time column by column (the streams' block).
COLUMN_BLOCK = 5_000


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while block := list(itertools.islice(it, size)):
        yield block


def regular_columns(
    block: Sequence[object],
) -> tuple[tuple[str, ...], list[tuple[str, ...]]] | None:
    """The field names and the columns of a block of plain records: each a ``dict`` with
    the same text names and text values (what a CSV reader gives).  None for any other
    block, which goes row by row."""
    if not block:
        return None
    first = block[0]
    if first.__class__ is not dict:
        return None
    keys = tuple(first)
    if not keys or any(k.__class__ is not str for k in keys):
        return None
    count = len(block)
    if list(map(type, block)).count(dict) != count:
        return None
    # The same number of names, each of the first record's in every record: the same
    # names (their order may differ, which only the unknown fields' findings show:
    # validate_columns says those in each record's own order).
    if list(map(len, block)).count(len(keys)) != count:  # type: ignore[arg-type]
        return None
    try:
        if len(keys) == 1:
            rows: list[tuple[Any, ...]] = [(r[keys[0]],) for r in block]  # type: ignore[index]
        else:
            rows = list(map(operator.itemgetter(*keys), block))  # type: ignore[arg-type]
    except KeyError:
        return None
    if list(map(type, itertools.chain.from_iterable(rows))).count(str) != count * len(keys):
        return None  # (a count in C: half the time of a set of the types)
    return keys, list(zip(*rows, strict=True))


def normalize_columns(
    block: Sequence[object],
    spec: RecordSpec,
    memo: dict[tuple[str, str | None, bool], tuple[Finding, ...]],
    regular: tuple[tuple[str, ...], Sequence[Sequence[str]]] | None = None,
    *,
    records: bool = True,
) -> (
    tuple[
        list[dict[str, str]],
        dict[int, list[Finding]],
        tuple[tuple[str, ...], list[Sequence[str]]],
    ]
    | None
):
    """normalize_records of a block of plain records, a column at a time: the records,
    each row's findings (rows of the block, findings without their row) and the
    records' names and normalized columns; None when the block is not plain
    (:func:`regular_columns`).  ``regular``: what regular_columns gives of the block,
    where the caller knows it (the records of a CSV it read); ``records=False``: the
    columns are all the caller needs, and no record is made (the list is empty)."""
    if regular is None:
        regular = regular_columns(block)
        if regular is None:
            return None
    keys, columns = regular
    kinds = {f.name: f for f in spec.fields}
    out: list[Sequence[str]] = list(columns)
    named: dict[str, Sequence[str]] = {}
    # Each record copied and only the values that change set (most do not): a third of
    # the time of building every record again from the columns.
    clean: list[dict[str, str]] = list(map(dict.copy, block)) if records else []  # type: ignore[arg-type]
    every = range(len(block))
    for i, name in enumerate(keys):
        fs = kinds.get(name)
        if fs is None:
            continue
        column = columns[i]
        out[i] = named[name] = done = normalize_many(NORMALIZERS[fs.kind], column)
        if records and done is not column:
            for row in itertools.compress(every, map(operator.ne, column, done)):
                clean[row][name] = done[row]
    return clean, column_findings(named, len(block), spec, memo), (keys, out)


def _rows_of(column: Sequence[object], value: object) -> Iterator[int]:
    """The indexes where ``value`` is in ``column`` (the search itself in C)."""
    start = 0
    while True:
        try:
            start = column.index(value, start) + 1
        except ValueError:
            return
        yield start - 1


def _rows_by_value(column: Sequence[T], wanted: Iterable[T]) -> dict[T, list[int]]:
    """The rows of each of the ``wanted`` values in ``column``: a search in C a value
    for a few of them, one pass over the column for many (never the column again for
    each of many values)."""
    wanted = list(wanted)
    if len(wanted) <= 8:
        return {value: list(_rows_of(column, value)) for value in wanted}
    keep = set(wanted)
    found: dict[T, list[int]] = {}
    for i, value in enumerate(column):
        if value in keep:
            found.setdefault(value, []).append(i)
    return found


def column_findings(
    named: Mapping[str, Sequence[str]],
    count: int,
    spec: RecordSpec,
    memo: dict[tuple[str, str | None, bool], tuple[Finding, ...]],
) -> dict[int, list[Finding]]:
    """The field checks of ``count`` rows given as columns (a field of the spec no record
    has is None in each), each row's findings in the spec's order of fields: what the
    row-by-row checks give.  Each distinct value is checked once, and the values that
    pass a field without a domain are found over the whole column at once
    (:func:`~nyukan_rules.text._columns.suspects`)."""
    per_row: dict[int, list[Finding]] = {}
    status = _domain_field(spec, FieldDomain.STATUS)
    statuses = named.get(status.name) if status is not None else None
    for fs in spec.fields:
        column = named.get(fs.name)
        period = fs.required and fs.domain is FieldDomain.PERIOD_OF_STAY
        if column is None:
            if period:
                for i in range(count):
                    found = _field_findings(fs, None, memo, _required_by(statuses, i))
                    if found:
                        per_row.setdefault(i, []).extend(found)
                continue
            found = _field_findings(fs, None, memo, fs.required)
            if found:
                for i in range(count):
                    per_row.setdefault(i, []).extend(found)
            continue
        bad: dict[str, tuple[Finding, ...]] = {}
        if fs.domain is None:
            # A name or a number is seldom twice in a column: the whole column is
            # scanned at once, and only what may fail is checked value by value.
            for i in suspects(column, column_rule(fs.kind, fs.max_length)):
                found = _field_findings(fs, column[i], memo, fs.required)
                if found:
                    per_row.setdefault(i, []).extend(found)
        else:
            for value in dict.fromkeys(column):
                if value:
                    found = _field_findings(fs, value, memo, fs.required)
                    if found:
                        bad[value] = found
        if "" in column:
            if period:
                for i in _rows_of(column, ""):
                    found = _field_findings(fs, "", memo, _required_by(statuses, i))
                    if found:
                        per_row.setdefault(i, []).extend(found)
            else:
                found = _field_findings(fs, "", memo, fs.required)
                if found:
                    bad[""] = found
        for value, rows in _rows_by_value(column, bad).items():
            for i in rows:
                per_row.setdefault(i, []).extend(bad[value])
    return per_row


def _required_by(statuses: Sequence[str] | None, row: int) -> bool:
    """Whether the period of stay is required of the row: unless its status has none."""
    value = statuses[row] if statuses is not None else ""
    return not (bool(value) and _status_has_no_period(value))


def validate_columns(
    block: Sequence[object],
    spec: RecordSpec,
    on: date,
    memo: dict[tuple[str, str | None, bool], tuple[Finding, ...]],
    *,
    fields: bool = True,
    regular: tuple[tuple[str, ...], Sequence[Sequence[str]]] | None = None,
) -> dict[int, list[Finding]] | None:
    """validate_records' findings of a block of plain records but the duplicates (rows of
    the block, findings without their row), a column at a time; None when the block
    is not plain.  ``regular``: its names and columns, when the caller has them."""
    if regular is None:
        regular = regular_columns(block)
        if regular is None:
            return None
    keys, columns = regular
    named = dict(zip(keys, columns, strict=True))
    count = len(columns[0]) if columns else len(block)
    per_row: dict[int, list[Finding]] = {}
    known = set(spec.names)
    unknown = [
        make_finding("record.unknown_field", field=name, name=_shown(name))
        for name in keys
        if name not in known
    ]
    if unknown:
        if list(map(tuple, block)).count(keys) == count:  # type: ignore[arg-type]
            for i in range(count):
                per_row[i] = list(unknown)
        else:  # the same names in another order: each record's own
            said: dict[tuple[str, ...], list[Finding]] = {}
            for i, record in enumerate(block):
                order: tuple[str, ...] = tuple(record)  # type: ignore[arg-type]
                found = said.get(order)
                if found is None:
                    found = said[order] = [
                        make_finding("record.unknown_field", field=name, name=_shown(name))
                        for name in order
                        if name not in known
                    ]
                per_row[i] = list(found)
    if fields:
        for i, found in column_findings(named, count, spec, memo).items():
            per_row.setdefault(i, []).extend(found)
    for i, found in cross_columns(named, count, spec, on).items():
        per_row.setdefault(i, []).extend(found)
    return per_row


def cross_columns(
    named: Mapping[str, Sequence[str]], count: int, spec: RecordSpec, on: date
) -> dict[int, list[Finding]]:
    """:func:`cross_field_findings` but the duplicates, of ``count`` rows given as
    columns (a field no record has counts as empty), each distinct value once."""
    per_row: dict[int, list[Finding]] = {}
    if spec.phone_fields:
        phones = [named[n] for n in spec.phone_fields if n in named]
        rows: Iterable[int] = (
            (i for i in _rows_of(phones[0], "") if not any(p[i] for p in phones[1:]))
            if phones
            else range(count)
        )
        found = _phone_required(spec.phone_fields[0])
        for i in rows:
            per_row.setdefault(i, []).append(found)
    period = _domain_field(spec, FieldDomain.PERIOD_OF_STAY)
    status = _domain_field(spec, FieldDomain.STATUS)
    if period is not None and status is not None and period.name in named:
        periods, statuses = named[period.name], named.get(status.name)
        words = [
            value
            for value in dict.fromkeys(periods)
            if value and unicodedata.normalize("NFKC", value).strip().casefold() in _INDEFINITE
        ]
        for value, rows in _rows_by_value(periods, words).items():
            for i in rows:
                record = {period.name: value, status.name: statuses[i] if statuses else ""}
                indefinite = _indefinite_for_a_period_status(record, spec)
                if indefinite is not None:
                    per_row.setdefault(i, []).append(indefinite)
    today = f"{on.year:04d}{on.month:02d}{on.day:02d}"
    births = named.get(spec.birth_field) if spec.birth_field else None
    if births is not None and births and max(births) > today:
        future: dict[str, Finding] = {}
        for value in dict.fromkeys(births):
            born = _as_date(value) if value > today else None
            if born is not None and born > on:
                future[value] = make_finding(
                    "record.born_in_future", field=spec.birth_field, value=born, on=on
                )
        for value, rows in _rows_by_value(births, future).items():
            for i in rows:
                per_row.setdefault(i, []).append(future[value])
    expiries = named.get(spec.passport_expiry_field) if spec.passport_expiry_field else None
    if expiries is not None:
        expired: dict[str, Finding] = {}
        for value in dict.fromkeys(expiries):
            expiry = _as_date(value) if value < today else None
            if expiry is not None and expiry < on:
                expired[value] = make_finding(
                    "record.passport_expired",
                    field=spec.passport_expiry_field,
                    value=expiry,
                    on=on,
                )
        for value, rows in _rows_by_value(expiries, expired).items():
            for i in rows:
                per_row.setdefault(i, []).append(expired[value])
    return per_row
