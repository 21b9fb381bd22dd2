"""Junk to every public entry point: an answer or the package's own error, never a crash.

Modelled on python-stdnum's robustness test.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nyukan_rules as nr

JUNK: list[object] = [
    None,
    "",
    " ",
    "⑱",
    "ⅷ",
    "3²",
    "\x00",
    "😀",
    "x" * 10_000,
    "在留" * 5_000,
    "\u0301",
    "\ue000",
    b"\xff\xfe",
    0,
    -1,
    3.5,
    float("nan"),
    [],
    {},
    object(),
]

ON = date(2026, 11, 22)


def _check_field(value: object, *, kind: nr.FieldKind) -> object:
    return nr.check_field(value, kind)


def _normalize(value: object, *, kind: nr.FieldKind) -> object:
    return nr.normalize(value, kind)  # type: ignore[arg-type]


CALLS: dict[str, Callable[[object], object]] = {
    "ApplicationKind.parse": nr.ApplicationKind.parse,
    "Channel.parse": nr.Channel.parse,
    "ApplicantRole.parse": nr.ApplicantRole.parse,
    "StatusOfResidence.parse": nr.StatusOfResidence.parse,
    "Payment.parse": nr.Payment.parse,
    "PeriodOfStay.parse": nr.PeriodOfStay.parse,
    "fee(kind)": lambda x: nr.fee(x, channel="online", accepted_on=ON),  # type: ignore[arg-type]
    "fee(channel)": lambda x: nr.fee("extension_of_period", channel=x, accepted_on=ON),  # type: ignore[arg-type]
    "fee(accepted_on)": lambda x: nr.fee("extension_of_period", channel="online", accepted_on=x),  # type: ignore[arg-type]
    "fee(period)": lambda x: nr.fee(
        "extension_of_period",
        channel="online",
        accepted_on=ON,
        period_of_stay=x,  # type: ignore[arg-type]
    ),
    "fee_range": lambda x: nr.fee_range(x, channel="counter", accepted_on=ON),  # type: ignore[arg-type]
    "total_fee": lambda x: nr.total_fee(x, channel="counter", accepted_on=ON),  # type: ignore[arg-type]
    "eligibility(kinds)": lambda x: nr.check_online_eligibility(x, on=ON, role="relative"),  # type: ignore[arg-type]
    "eligibility(role)": lambda x: nr.check_online_eligibility("change_of_status", on=ON, role=x),  # type: ignore[arg-type]
    "eligibility(status)": lambda x: nr.check_online_eligibility(
        "change_of_status",
        on=ON,
        role="relative",
        status=x,  # type: ignore[arg-type]
    ),
    "eligibility(on)": lambda x: nr.check_online_eligibility(
        "change_of_status", on=x, role="relative"
    ),  # type: ignore[arg-type]
    "renewal_window(expires_on)": lambda x: nr.renewal_window(
        x, period_of_stay="1年", channel="online"
    ),  # type: ignore[arg-type]
    "renewal_window(period)": lambda x: nr.renewal_window(ON, period_of_stay=x, channel="online"),  # type: ignore[arg-type]
    "special_period_end(kind)": lambda x: nr.special_period_end(ON, period_of_stay="1年", kind=x),  # type: ignore[arg-type]
    "organization_id_expiry": lambda x: nr.organization_id_expiry(x),  # type: ignore[arg-type]
    "organization_id_expiry(reports)": lambda x: nr.organization_id_expiry(ON, reports=[x]),  # type: ignore[list-item]
    **{f"check_field({k.value})": functools.partial(_check_field, kind=k) for k in nr.FieldKind},
    **{f"normalize({k.value})": functools.partial(_normalize, kind=k) for k in nr.FieldKind},
    "check_field(kind)": lambda x: nr.check_field("x", x),  # type: ignore[arg-type]
    "unsupported_chars": lambda x: nr.unsupported_chars(x),  # type: ignore[arg-type]
    "check_attachment": lambda x: nr.check_attachment(x, filename="x.pdf"),  # type: ignore[arg-type]
    "check_photo": lambda x: nr.check_photo(x, submitted_on=ON),  # type: ignore[arg-type]
    "bulk_template": lambda x: nr.bulk_template(x),  # type: ignore[arg-type]
    "validate_bulk_rows": lambda x: nr.validate_bulk_rows([x], template="04N2"),
    "validate_bulk_rows(value)": lambda x: nr.validate_bulk_rows([{"txtName": x}], template="04N2"),
    "read_bulk_file": lambda x: nr.read_bulk_file(x),  # type: ignore[arg-type]
    "photo_required(age)": lambda x: nr.photo_required(
        "extension_of_period", on=ON, applicant_age=x
    ),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("name", sorted(CALLS))
@pytest.mark.parametrize("junk", JUNK, ids=lambda j: repr(j)[:20])
def test_junk_gives_an_answer_or_our_error(name: str, junk: object) -> None:
    with contextlib.suppress(nr.NyukanRulesError):
        CALLS[name](junk)


@given(st.text(max_size=60))
def test_random_text_to_every_parse(text: str) -> None:
    for catalog in (nr.ApplicationKind, nr.Channel, nr.ApplicantRole, nr.StatusOfResidence):
        try:
            member = catalog.parse(text)
        except nr.UnknownNameError:
            continue
        assert isinstance(member, catalog)
    with contextlib.suppress(nr.UnknownNameError):
        nr.PeriodOfStay.parse(text)


@given(st.binary(max_size=40))
def test_random_bytes(data: bytes) -> None:
    with pytest.raises(nr.NyukanRulesError):
        nr.ApplicationKind.parse(data)
