"""From HR records to bulk upload rows: the documented mapping, and one call to files.

:data:`BULK_MAPPING` says which template column each field of
:data:`~nyukan_rules.DEFAULT_APPLICANT_SPEC` fills.  The applicant's own
columns have the same names in the three procedures' templates, except the
residence card number and the period of stay, whose names carry the form
they belong to; a field with several candidate names fills the first the
template has.  Everything else a template needs (the reason for the
application, the employer's details, the simultaneous-application choice …)
comes from ``defaults``: values shared by the batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from nyukan_rules.batch.bulk import write_bulk_files
from nyukan_rules.batch.records import DEFAULT_APPLICANT_SPEC, RecordSpec, normalize_records
from nyukan_rules.batch.templates import BulkTemplate, bulk_template
from nyukan_rules.catalog import PeriodOfStay, StatusOfResidence
from nyukan_rules.errors import NyukanRulesError, ValidationError

__all__ = ["BULK_MAPPING", "bulk_row", "records_to_bulk_files"]

_BIRTH = "selDateOfBirthYear(4),selDateOfBirthMonth(2),selDateOfBirthDay(2)"
_PASSPORT_EXPIRY = (
    "selPassportExpirationYear(4),selPassportExpirationMonth(2),selPassportExpirationDay(2)"
)
_EXPIRY = "selExpirationDateYear(4),selExpirationDateMonth(2),selExpirationDateDay(2)"

#: Record field -> the template column(s) it fills (the first the template has).
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
}
#: 在留カードの有無: 1 when a residence card number is given, else 0 (list A045).
_CARD_FLAG = "zrteCardUmFlg"


def _coded(template: BulkTemplate, header: str, value: str) -> str:
    """A code of the column's list for HR wording: the code, the label, or the label's
    Japanese part (``男`` for ``男 male``, ``技術・人文知識・国際業務``)."""
    column = template.by_header[header][-1]
    found = template.code_list(column.code_list) if column.code_list else None
    if found is None or found.code_for(value) is not None:
        return value
    for label, code in found.pairs:
        if label.split(" ")[0] == value:
            return code
    return value  # left as given: validation reports it


def _status_code(template: BulkTemplate, header: str, value: str) -> str:
    try:
        status = StatusOfResidence.parse(value)
    except NyukanRulesError:
        return _coded(template, header, value)
    return _coded(template, header, status.legal_status) if status else value


def _period_code(value: str) -> str:
    """在留期間 in the bulk file's YYMMDDD code (``0100000`` for 1年)."""
    try:
        period = PeriodOfStay.parse(value)
    except NyukanRulesError:
        return value
    return f"{period.years:02d}{period.months:02d}{period.days:03d}"


def bulk_row(
    record: Mapping[str, str],
    template: BulkTemplate | str,
    *,
    mapping: Mapping[str, tuple[str, ...]] = BULK_MAPPING,
) -> dict[str, str]:
    """The template row one (normalized) record fills, by :data:`BULK_MAPPING`.

    HR wording is turned into the template's codes where it is unambiguous:
    ``男`` / ``女`` for sex, a status of residence's name, a period of stay
    (``1年`` becomes ``0100000``); 在留カードの有無 follows the card number.
    """
    the_template = template if isinstance(template, BulkTemplate) else bulk_template(template)
    headers = the_template.by_header
    row: dict[str, str] = {}
    for name, candidates in mapping.items():
        value = record.get(name)
        if not isinstance(value, str) or not value:
            continue
        header = next((h for h in candidates if h in headers), None)
        if header is None:
            continue
        if name == "status":
            value = _status_code(the_template, header, value)
        elif name == "period_of_stay":
            value = _period_code(value)
        elif headers[header][-1].code_list:
            value = _coded(the_template, header, value)
        row[header] = value
    if _CARD_FLAG in headers:
        row[_CARD_FLAG] = "1" if record.get("residence_card_number") else "0"
    return row


def records_to_bulk_files(
    records: Iterable[object],
    *,
    template: BulkTemplate | str,
    defaults: Mapping[str, str] | None = None,
    spec: RecordSpec = DEFAULT_APPLICANT_SPEC,
    mapping: Mapping[str, tuple[str, ...]] = BULK_MAPPING,
) -> list[tuple[str, bytes]]:
    """HR records to the agency's upload files, in one call.

    The records are normalized (:func:`~nyukan_rules.normalize_records`);
    anything normalization could not fix raises
    :class:`~nyukan_rules.ValidationError` carrying the records' report.
    Each record then fills a row (:func:`bulk_row`) over ``defaults``, and
    :func:`~nyukan_rules.write_bulk_files` checks the rows and writes the
    files, or raises with the rows' report.
    """
    normalized, report = normalize_records(records, spec=spec)
    if not report.ok:
        raise ValidationError(
            f"{len(report.errors)} error(s) in the HR records: fix them first", report=report
        )
    the_template = template if isinstance(template, BulkTemplate) else bulk_template(template)
    rows = [
        {**dict(defaults or {}), **bulk_row(r, the_template, mapping=mapping)} for r in normalized
    ]
    return write_bulk_files(rows, template=the_template)
