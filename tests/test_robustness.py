"""Junk to every public entry point: an answer or the package's own error, never a crash.

Modelled on python-stdnum's robustness test.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given, settings
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


@settings(deadline=None, max_examples=100)
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


@settings(deadline=None, max_examples=100)
@given(st.binary(max_size=40))
def test_random_bytes(data: bytes) -> None:
    with pytest.raises(nr.NyukanRulesError):
        nr.ApplicationKind.parse(data)


# --- issue 10: any value in any argument of the core, only the package's own errors -------------

ANY_VALUE = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["extension_of_period", "online", "counter", "1年", "3月", "留学", "relative"]),
    st.sampled_from(["2026-11-22", "20261122", "9999-12-31", "0001-01-01", "令和0年4月1日"]),
    st.dates(),
    st.datetimes(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.booleans(),
    st.none(),
    st.binary(max_size=10),
    st.floats(allow_nan=True),
    st.lists(st.sampled_from(["extension_of_period", "x", date(2026, 1, 5)]), max_size=3),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
)

CORE_CALLS: dict[str, Callable[..., object]] = {
    "fee": lambda a, b, c, d, e, f: nr.fee(
        a, channel=b, accepted_on=c, period_of_stay=d, payment_charge=e, hardship_reduction=f
    ),
    "fee_range": lambda a, b, c, *_: nr.fee_range(a, channel=b, accepted_on=c),
    "fee_schedule": lambda a, *_: nr.fee_schedule(a),
    "total_fee": lambda a, b, c, d, *_: nr.total_fee(a, channel=b, accepted_on=c, period_of_stay=d),
    "check_online_eligibility": lambda a, b, c, d, e, f: nr.check_online_eligibility(
        a, on=b, role=c, status=d, desired_status=e, applicant_age=f
    ),
    "check_online_eligibility(flags)": lambda a, b, c, d, e, f: nr.check_online_eligibility(
        "extension_of_period",
        on=date(2026, 11, 22),
        role="organization_staff",
        applicant_cannot_file=a,
        registered_agent=b,
        expires_on=c,
    ),
    "online_kinds": lambda a, *_: nr.online_kinds(a),
    "renewal_window": lambda a, b, c, *_: nr.renewal_window(a, period_of_stay=b, channel=c),
    "special_period_end": lambda a, b, c, *_: nr.special_period_end(a, period_of_stay=b, kind=c),
    "organization_id_expiry": lambda a, b, c, *_: nr.organization_id_expiry(
        a, reports=b, include_single_source=c
    ),
    "add_months": lambda a, b, *_: nr.add_months(a, b),
    "civil_period_end": lambda a, b, *_: nr.civil_period_end(a, months=b),
    "is_office_closed": lambda a, *_: nr.is_office_closed(a),
    "next_office_day": lambda a, *_: nr.next_office_day(a),
    "PeriodOfStay.parse": lambda a, *_: nr.PeriodOfStay.parse(a),
    "ApplicationKind.parse_all": lambda a, *_: nr.ApplicationKind.parse_all(a),
    "StatusOfResidence.parse": lambda a, *_: nr.StatusOfResidence.parse(a),
}


@pytest.mark.parametrize("name", sorted(CORE_CALLS))
@settings(deadline=None, max_examples=60)
@given(args=st.tuples(*[ANY_VALUE] * 6))
def test_any_value_to_the_core_raises_only_our_errors(name: str, args: tuple[object, ...]) -> None:
    """Issue 10: every argument of every core function, any value: an answer or our error."""
    with contextlib.suppress(nr.NyukanRulesError):
        CORE_CALLS[name](*args)


@pytest.mark.parametrize("name", sorted(CORE_CALLS))
@settings(deadline=None, max_examples=30)
@given(day=st.sampled_from([date.min, date.max, date(9999, 12, 31), date(1, 1, 1)]))
def test_calendar_edges_to_the_core(name: str, day: date) -> None:
    """Issue 10: dates near date.min/date.max raised OverflowError/ValueError."""
    with contextlib.suppress(nr.NyukanRulesError):
        CORE_CALLS[name](day, "1年", "extension_of_period", None, False, False)
    with contextlib.suppress(nr.NyukanRulesError):
        CORE_CALLS[name]("extension_of_period", "counter", day, "1年", False, False)
    with contextlib.suppress(nr.NyukanRulesError):
        CORE_CALLS[name](day, 1, False, None, False, False)
