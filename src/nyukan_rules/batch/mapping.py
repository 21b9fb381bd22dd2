"""From HR records to bulk upload rows: the documented mapping, and one call to files.

:data:`BULK_MAPPING` says which template column each field of
:data:`~nyukan_rules.DEFAULT_APPLICANT_SPEC` fills.  The applicant's own
columns have the same names in the three procedures' templates, except the
residence card number and the period of stay, whose names carry the form
they belong to; a field with several candidate names fills the first the
template has.  A record may also give any column under the template's own
header name: that is the person's own answer (spouse, education …) and is
written over ``defaults``.  Everything else a template needs (the reason
for the application, the employer's details, the simultaneous-application
choice …) comes from ``defaults``: values shared by the batch, or given per
template code; :meth:`~nyukan_rules.BulkTemplate.required_for` lists what is
still needed for a row.  A record field that is neither mapped nor a header
of the template is noted (``batch.field_not_in_template``), never dropped
silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import attrs

from nyukan_rules._args import ensure_rows, ensure_str, type_name, wrong_type
from nyukan_rules.batch.checks import bulk_findings, column_applies
from nyukan_rules.batch.records import DEFAULT_APPLICANT_SPEC, RecordSpec, normalize_records
from nyukan_rules.batch.templates import (
    MAX_ROWS_PER_FILE,
    BulkTemplate,
    _book_of,
    as_template,
    bulk_template_for,
)
from nyukan_rules.batch.upload_format import write_validated_bulk_files
from nyukan_rules.catalog import PeriodOfStay, StatusOfResidence
from nyukan_rules.catalog._base import lookup_key
from nyukan_rules.dates import ensure_date
from nyukan_rules.errors import ArgumentTypeError, NotOfferedError, NyukanRulesError
from nyukan_rules.messages import about_record, make_finding
from nyukan_rules.report import BatchReport, Finding

__all__ = [
    "BULK_MAPPING",
    "BulkFiles",
    "bulk_row",
    "bulk_row_with_findings",
    "records_to_bulk_files",
]

_BIRTH = "selDateOfBirthYear(4),selDateOfBirthMonth(2),selDateOfBirthDay(2)"
_PASSPORT_EXPIRY = (
    "selPassportExpirationYear(4),selPassportExpirationMonth(2),selPassportExpirationDay(2)"
)
_EXPIRY = "selExpirationDateYear(4),selExpirationDateMonth(2),selExpirationDateDay(2)"

BULK_MAPPING: dict[str, tuple[str, ...]] = {
    "name_roman": ("txtName",),
    "nationality": ("WCCBS010Dto:selNationalityAndRegion",),
    "sex": ("radSex",),
    "date_of_birth": (_BIRTH,),
    "postal_code": ("kjyuPostNo",),
    "address": ("txtDetailHomeAddress",),
    "phone": ("txtTelNum",),
    "mobile_phone": ("txtCelPhoneNum",),
    "email": ("txtMailAddress",),
    "passport_number": ("txtPassportNum",),
    "passport_expiry": (_PASSPORT_EXPIRY,),
    "residence_card_number": ("WCCCS020Dto:txtZiryCardNum", "WCCCS040Dto:txtZiryCardNum"),
    "status": ("selCurrentZirySkk",),
    "period_of_stay": ("WCCCS020Dto:selZiryPeriod", "WCCCS040Dto:selZiryPeriod"),
    "expires_on": (_EXPIRY,),
    "employer": ("txtShzkKknKiykSkName", "txtTtgnSzknName"),
    "monthly_salary": ("txtAllowancesAndSalary", "txtKykyMonthHoshKngk"),
}
"""Record field -> the template column(s) it fills (the first the template has).

The default ``mapping`` of :func:`bulk_row` and :func:`records_to_bulk_files`:
keys are field names of :data:`DEFAULT_APPLICANT_SPEC`, values the template
headers a field may fill, in order of preference.  A date's column is
the one whose header names its year, month and day
(``selDateOfBirthYear(4),selDateOfBirthMonth(2),selDateOfBirthDay(2)``);
it takes ``YYYYMMDD``.

``employer`` fills the employer's name where a template has one column for
it (所属機関等契約先 (1)名称 of the 技術・人文知識・国際業務 family,
特定技能所属機関 (1)氏名又は名称 of 特定技能); ``monthly_salary`` the
applicant's own monthly pay (月額給与・月額報酬 ``txtAllowancesAndSalary``,
特定技能雇用契約 (4)月額報酬 ``txtKykyMonthHoshKngk``), thousands separators
and a trailing 円 removed.  ``corporate_number`` is left unmapped: each 法人番号
column is taken only with its own 有無 choice, so it comes from ``defaults``
or the record (under the column's name).  A record field no column takes is
noted once (``batch.field_not_in_template``).
"""
#: 在留カードの有無: 1 when a residence card number is given, else 0 (list A045).
_CARD_FLAG = "zrteCardUmFlg"
#: (landline, mobile) record fields of one party: the template takes one of them.
_PHONES = (("phone", "mobile_phone"),)
_PHONE_TERMS = {"phone": "phone.phone", "mobile_phone": "phone.mobile_phone"}
#: Record fields that are dates: written as the template's YYYYMMDD.
_DATE_FIELDS = frozenset({"date_of_birth", "passport_expiry", "expires_on"})
_SEX = {
    "1": ("m", "male", "man", "男", "男性"),
    "2": ("f", "female", "woman", "女", "女性"),
}
_AMOUNT = re.compile(r"[0-9]{1,3}(?:[,，][0-9]{3})+|[0-9]+", re.ASCII)
_DATE = re.compile(
    r"([0-9]{4})\s*[-/.年]?\s*([0-9]{1,2})\s*[-/.月]?\s*([0-9]{1,2})\s*日?", re.ASCII
)


def _coded(template: BulkTemplate, header: str, value: str) -> str:
    """A code of the column's list for HR wording: the code, the label, or the label's
    Japanese or English part, widths and case aside (``男``, ``Viet Nam``, ``特定技能1号``)."""
    column = template.by_header[header][-1]
    found = template.code_list(column.code_list) if column.code_list else None
    if found is None or found.code_for(value) is not None:
        return value
    return found.by_key.get(lookup_key(value), value)  # else as given: validation reports it


def _status_code(template: BulkTemplate, header: str, value: str) -> str:
    """The list's code of a status: its own numbered label first (特定技能１号 T71,
    高度専門職１号ロ T82, 技能実習２号ロ T24), then the status as the law names it."""
    try:
        status = StatusOfResidence.parse(value)
    except NyukanRulesError:
        return _coded(template, header, value)
    for name in (status.ja, status.legal_status):
        code = _coded(template, header, name)
        if code != name:
            return code
    return value


def _sex_code(template: BulkTemplate, header: str, value: str) -> str:
    key = lookup_key(value)
    for code, names in _SEX.items():
        if key in names:
            return code
    return _coded(template, header, value)


def _date_code(value: str) -> str:
    """``1990-01-31``, ``1990/1/31``, ``1990年1月31日`` -> ``19900131``; else as given."""
    match = _DATE.fullmatch(value.strip())
    if match is None:
        return value
    year, month, day = match.groups()
    return f"{year}{int(month):02d}{int(day):02d}"


def _period_code(value: str) -> str:
    """在留期間 in the bulk file's YYMMDDD code (``0100000`` for 1年)."""
    try:
        period = PeriodOfStay.parse(value)
    except NyukanRulesError:
        return value
    return f"{period.years:02d}{period.months:02d}{period.days:03d}"


def _amount_code(value: str) -> str:
    """``287,000`` or ``287000円`` -> ``287000``; else as given."""
    text = value.strip().removesuffix("円").strip()
    return re.sub("[,，]", "", text) if _AMOUNT.fullmatch(text) else value


def _checked_mapping(mapping: object) -> Mapping[str, tuple[str, ...]]:
    """``mapping`` if each value is a tuple or list of header names (a str is refused:
    it would be read letter by letter)."""
    if not isinstance(mapping, Mapping):
        raise ArgumentTypeError(
            f"mapping must be a mapping, not {type_name(mapping)}",
            **wrong_type("mapping", mapping, "mapping"),
        )
    for name, candidates in mapping.items():
        if not isinstance(candidates, (tuple, list)) or not all(
            isinstance(header, str) for header in candidates
        ):
            raise ArgumentTypeError(
                "mapping values must be tuples or lists of header names, not"
                f" {type_name(candidates)} (for {str(name)[:40]})",
                **wrong_type(f"mapping[{str(name)[:40]!r}]", candidates, "tuple or list of str"),
            )
    return mapping


def _not_text(header: str | None, name: str, value: object, template: BulkTemplate) -> Finding:
    label = template.by_header[header][-1].label if header is not None else name
    return make_finding(
        "batch.not_text",
        field=header or name,
        type=type(value).__name__,
        label=label,
    )


def _unused_note(name: str, template: BulkTemplate, count: int) -> Finding:
    return make_finding(
        "batch.field_not_in_template", field=name, name=name, template=template.code, count=count
    )


def bulk_row_with_findings(
    record: Mapping[str, str],
    template: BulkTemplate | str,
    *,
    mapping: Mapping[str, tuple[str, ...]] = BULK_MAPPING,
) -> tuple[dict[str, str], list[Finding]]:
    """:func:`bulk_row`, with the notes on what it chose and what it could not write.

    ``batch.phone_kept`` (one phone of two), ``batch.not_text`` (a value
    that is not a str: not written), ``batch.value_overridden`` (a field and
    the record's own value for the same column), ``batch.field_not_in_template``
    (a record field that is neither mapped to a column of the template nor
    one of its headers: not written; empty values are not noted).
    """
    the_template = as_template(template)
    row, findings, unused = _row_of(record, the_template, _checked_mapping(mapping))
    return row, [*findings, *(_unused_note(name, the_template, 1) for name in unused)]


def _row_of(
    record: Mapping[str, str], the_template: BulkTemplate, mapping: Mapping[str, tuple[str, ...]]
) -> tuple[dict[str, str], list[Finding], list[str]]:
    """(row, findings, names of the record's fields that no column takes)."""
    if not isinstance(record, Mapping):
        raise ArgumentTypeError(
            f"record must be a mapping, not {type_name(record)}",
            **wrong_type("record", record, "mapping"),
        )
    headers = the_template.by_header
    row: dict[str, str] = {}
    findings: list[Finding] = []
    unused: list[str] = []
    filled: dict[str, str] = {}  # record field -> header
    for name, candidates in mapping.items():
        value = record.get(name)
        if value is None or value == "":
            continue
        header = next((h for h in candidates if h in headers), None)
        if not isinstance(value, str):
            findings.append(_not_text(header, name, value, the_template))
            continue
        if header is None:
            unused.append(name)
            continue
        if name == "status":
            value = _status_code(the_template, header, value)
        elif name == "sex":
            value = _sex_code(the_template, header, value)
        elif name == "period_of_stay":
            value = _period_code(value)
        elif headers[header][-1].code_list:
            value = _coded(the_template, header, value)
        elif name in _DATE_FIELDS or "Year(4)" in header:
            value = _date_code(value)
        elif name == "monthly_salary":
            value = _amount_code(value)
        row[header] = value
        filled[name] = header
    own: set[str] = set()
    for key, value in record.items():
        if key in mapping:
            continue
        if value is None or value == "":
            continue  # an empty cell: nothing to write (the defaults' value stands)
        if not isinstance(key, str) or key not in headers:
            unused.append(key if isinstance(key, str) else f"<{type(key).__name__}>")
            continue
        if not isinstance(value, str):
            findings.append(_not_text(key, key, value, the_template))
            continue
        previous = row.get(key)
        if previous is not None and previous != value:
            name = next(n for n, h in filled.items() if h == key)
            label = headers[key][-1].label
            findings.append(
                make_finding(
                    "batch.value_overridden",
                    field=key,
                    label=label,
                    name=name,
                    dropped=previous[:40],
                )
            )
        row[key] = value
        own.add(key)
    if _CARD_FLAG in headers and _CARD_FLAG not in own:
        row[_CARD_FLAG] = "1" if record.get("residence_card_number") else "0"
    findings.extend(_one_phone(the_template, row, filled))
    return row, findings, unused


def _one_phone(
    template: BulkTemplate, row: dict[str, str], filled: dict[str, str]
) -> list[Finding]:
    """Where the template takes one of a party's two numbers, keep that one and say so."""
    findings = []
    columns = template.checks.column_of
    for landline, mobile in _PHONES:
        if landline not in filled or mobile not in filled:
            continue
        for kept, dropped in ((landline, mobile), (mobile, landline)):
            column = columns.get(filled[dropped])
            if column is None or not column_applies(template, row, column)[1]:
                continue
            value = row.pop(filled[dropped])
            findings.append(
                make_finding(
                    "batch.phone_kept",
                    field=filled[dropped],
                    kept_phone=_PHONE_TERMS[kept],
                    dropped_phone=_PHONE_TERMS[dropped],
                    dropped=value,
                )
            )
            break
    return findings


def bulk_row(
    record: Mapping[str, str],
    template: BulkTemplate | str,
    *,
    mapping: Mapping[str, tuple[str, ...]] = BULK_MAPPING,
) -> dict[str, str]:
    """The template row one (normalized) record fills, by :data:`BULK_MAPPING`.

    HR wording is turned into the template's codes where it is unambiguous:
    a status of residence's name (the numbered label where the list has one:
    ``特定技能1号`` is ``T71``, 特定技能１号), sex (``M``, ``male``, ``男`` …),
    a nationality's Japanese or English name, a period of stay (``1年``
    becomes ``0100000``), dates (``1990-01-31`` becomes ``19900131``);
    在留カードの有無 follows the card number.  Where the template takes one
    phone number of a party (the mobile only when the landline is empty), one
    is kept: :func:`bulk_row_with_findings` says which.  A record key that is
    a header of the template is written as given (empty values aside); what
    is not written (a field no column takes, a value that is not a str) is
    said by :func:`bulk_row_with_findings`.  ``mapping`` values must be
    tuples or lists of header names (a str raises
    :class:`~nyukan_rules.ArgumentTypeError`).

    >>> row = bulk_row({"status": "特定技能1号", "sex": "F", "phone": "0311112222",
    ...                 "mobile_phone": "09011112222"}, "04V1")
    >>> row["selCurrentZirySkk"], row["radSex"], "txtCelPhoneNum" in row
    ('T71', '2', False)
    """
    return bulk_row_with_findings(record, template, mapping=mapping)[0]


@attrs.frozen
class BulkFiles:
    """The upload files of a batch of records, and everything said about the records.

    ``files`` are (name, bytes), at most 300 applicants each, in the order
    the templates first appear in the records; ``report`` has one finding
    or more for every record that is in no file, each with the record's
    ``row`` (0-based, as given) and its id in the message; ``placed`` maps
    each record's row to (file name, 1-based line number in that file).
    """

    files: tuple[tuple[str, bytes], ...]
    report: BatchReport
    placed: dict[int, tuple[str, int]] = attrs.field(eq=False)


def _with_record(finding: Finding, row: int, label: str) -> Finding:
    if not label:
        return attrs.evolve(finding, row=row)
    return attrs.evolve(about_record(finding, label), row=row)


def _defaults_for(defaults: Mapping[str, Any], template: BulkTemplate) -> dict[str, str]:
    """Shared defaults the template has a column for, then its own (keyed by its code)."""
    shared = {
        k: v for k, v in defaults.items() if not isinstance(v, Mapping) and k in template.by_header
    }
    own = defaults.get(template.code)
    return {**shared, **(dict(own) if isinstance(own, Mapping) else {})}


def records_to_bulk_files(
    records: Iterable[object],
    *,
    kind: object = None,
    on: date | str | None = None,
    template: BulkTemplate | str | None = None,
    defaults: Mapping[str, Any] | None = None,
    spec: RecordSpec = DEFAULT_APPLICANT_SPEC,
    mapping: Mapping[str, tuple[str, ...]] = BULK_MAPPING,
    id_field: str = "employee_id",
) -> BulkFiles:
    """HR records to the agency's upload files, in one call, nothing left out silently.

    Each record is normalized (:func:`~nyukan_rules.normalize_records`),
    given its template by its ``status`` (and ``activity`` for 高度専門職)
    with :func:`~nyukan_rules.bulk_template_for` for the procedure ``kind``
    (or the one ``template`` for all), filled (:func:`bulk_row`) over
    ``defaults`` (values for every template that has the column, and values
    per template code: ``{"04N2": {...}}``; a record's own value under a
    column's header wins), checked, and written: every
    template's files, split at 300 applicants.  ``on``, where given, is the
    day the files are made: a workbook not yet published then is refused.

    A record is left out of the files only with a finding that says why, at
    its ``row`` (0-based, as given) with its ``id_field`` value in the
    message: its own problems (``field.*``, ``batch.*``), no template for its
    status (``batch.unplaced``), or the same passport or residence card
    number as an earlier record of the batch (``batch.duplicate_applicant``,
    across all the files).  Record fields no column of a template takes are
    one ``batch.field_not_in_template`` note per field and template, with
    the count of records.  ``kind`` is resolved once: a misspelt one raises
    :class:`~nyukan_rules.UnknownNameError`.

    >>> result = records_to_bulk_files(
    ...     [{"employee_id": "E1", "status": "永住者"}], kind="extension_of_period")
    >>> [(f.code, f.row) for f in result.report.by_code("batch.unplaced")], result.files
    ([('batch.unplaced', 0)], ())
    """
    ensure_rows(records, "records")
    ensure_str(id_field, "id_field")
    if template is None and kind is None:
        raise ArgumentTypeError(
            "records_to_bulk_files needs kind (or one template for all)",
            code="bulk.kind_needed",
            params={"name": "kind"},
        )
    if defaults is not None and not isinstance(defaults, Mapping):
        raise ArgumentTypeError(
            f"defaults must be a mapping, not {type_name(defaults)}",
            **wrong_type("defaults", defaults, "mapping or None"),
        )
    mapping = _checked_mapping(mapping)
    day = ensure_date(on, "on") if on is not None else None
    fixed = as_template(template) if template is not None else None
    # The procedure is resolved once: a wrong kind raises here, not per record.
    the_kind = _book_of(kind)[0] if fixed is None else None
    materialized = list(records)
    normalized, checked = normalize_records(materialized, spec=spec)
    labels = [
        f"{id_field} {str(r.get(id_field, ''))[:40]}" if r.get(id_field) else "" for r in normalized
    ]
    findings: list[Finding] = [
        _with_record(f, f.row, labels[f.row]) if f.row is not None else f for f in checked.findings
    ]
    bad = set(checked.rows_with_errors)

    def unplaced(row: int, reason: str, **params: Any) -> None:
        findings.append(
            attrs.evolve(
                make_finding(
                    "batch.unplaced",
                    row=row + 1,
                    record=labels[row] or "―",
                    reason=reason,
                    **params,
                ),
                row=row,
            )
        )

    groups: dict[str, tuple[BulkTemplate, list[int]]] = {}
    chosen: dict[tuple[str, str], BulkTemplate | NyukanRulesError] = {}  # HR data repeats
    seen: dict[tuple[str, str], int] = {}
    for row, record in enumerate(normalized):
        if row in bad:
            unplaced(row, "unplaced.record_errors")
            continue
        duplicate = _duplicate(record, row, seen)
        if duplicate is not None:
            findings.append(_with_record(duplicate, row, labels[row]))
            continue
        if fixed is not None:
            the_template = fixed
        else:
            key = (record.get("status", ""), record.get("activity", ""))
            if key not in chosen:
                try:
                    chosen[key] = bulk_template_for(the_kind, key[0], activity=key[1] or None)
                except NyukanRulesError as exc:  # said by the unplaced finding
                    chosen[key] = exc
            found = chosen[key]
            if isinstance(found, NyukanRulesError):
                unplaced(
                    row,
                    "unplaced.no_template_activity" if key[1] else "unplaced.no_template",
                    status=key[0][:40],
                    activity=key[1][:40],
                )
                continue
            the_template = found
        if day is not None and the_template.workbook_version > day.isoformat():
            raise NotOfferedError(
                f"the workbook of {the_template.workbook_version} is not yet out on {day}",
                code="bulk.workbook_not_out",
                params={"version": the_template.workbook_version, "on": day},
            )
        groups.setdefault(the_template.code, (the_template, []))[1].append(row)

    files: list[tuple[str, bytes]] = []
    placed: dict[int, tuple[str, int]] = {}
    for the_template, rows in groups.values():
        extra = _defaults_for(defaults or {}, the_template)
        good: list[int] = []
        bulk_rows: list[dict[str, str]] = []
        unused: dict[str, int] = {}  # field no column takes -> records that have it
        for row in rows:
            values, notes, names = _row_of(normalized[row], the_template, mapping)
            findings.extend(_with_record(f, row, labels[row]) for f in notes)
            for name in names:
                if name != "activity" or fixed is not None:  # else it chose the template
                    unused[name] = unused.get(name, 0) + 1
            bulk_rows.append({**extra, **values})
        findings.extend(_unused_note(name, the_template, n) for name, n in unused.items())
        errors: set[int] = set()
        counter = [0]
        for finding in bulk_findings(bulk_rows, the_template.checks, counter, rows):
            assert finding.row is not None
            row = rows[finding.row]
            findings.append(_with_record(finding, row, labels[row]))
            if finding.is_error:
                errors.add(finding.row)
        for index, row in enumerate(rows):
            if index in errors:
                unplaced(row, "unplaced.row_errors", template=the_template.code)
            else:
                good.append(index)
        if not good:
            continue
        written = write_validated_bulk_files([bulk_rows[i] for i in good], the_template)
        files.extend(written)
        for number, index in enumerate(good):
            name = written[number // MAX_ROWS_PER_FILE][0]
            placed[rows[index]] = (name, number % MAX_ROWS_PER_FILE + 1)
    findings.sort(key=lambda f: f.row if f.row is not None else -1)
    return BulkFiles(tuple(files), BatchReport(findings, rows=len(materialized)), placed)


_IDS = (
    ("passport_number", "id.passport"),
    ("residence_card_number", "id.residence_card"),
)


def _duplicate(
    record: Mapping[str, str], row: int, seen: dict[tuple[str, str], int]
) -> Finding | None:
    """The same passport or residence card as an earlier record of the batch."""
    found = None
    for name, what in _IDS:
        value = record.get(name)
        if not isinstance(value, str) or not value.strip():
            continue
        key = (name, value.strip().upper() if value.isascii() else value.strip())
        first = seen.get(key)
        if first is None:
            seen[key] = row
        elif found is None:
            found = attrs.evolve(
                make_finding(
                    "batch.duplicate_applicant",
                    field=name,
                    row=row + 1,
                    first=first + 1,
                    what=what,
                    value=value[:40],
                ),
                row=row,
            )
    return found
