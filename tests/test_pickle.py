"""Issue 10: every exception the package raises pickles and crosses a process boundary.

``pickle.loads(pickle.dumps(UnknownNameError("kind", "x")))`` raised ``TypeError``,
so one misspelt name in a ``ProcessPoolExecutor`` broke the pool.  Every class of
:mod:`nyukan_rules.errors` is pickled here with its arguments, one raised by a real
call, and one raised inside a worker of a process pool that must stay usable.
"""

from __future__ import annotations

import inspect
import pickle
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from typing import Any

import pytest

import nyukan_rules as nr
from nyukan_rules import errors


def _samples() -> dict[type[BaseException], BaseException]:
    report = nr.check_field("東京都1-1", "address")
    return {
        errors.NyukanRulesError: errors.NyukanRulesError("base"),
        errors.ArgumentTypeError: errors.ArgumentTypeError("flag must be True or False"),
        errors.ArgumentValueError: errors.ArgumentValueError("months must be at least 1"),
        errors.UnknownNameError: errors.UnknownNameError("kind", "x", choices=("a", "b")),
        errors.AmbiguousNameError: errors.AmbiguousNameError(
            "status", "高度専門職", candidates=("a", "b"), choices=("a", "b", "c")
        ),
        errors.MissingExtraError: errors.MissingExtraError("openpyxl", extra="xlsm"),
        errors.ConversionError: errors.ConversionError("Fee", ["required field missing @ $.x"]),
        errors.NotOfferedError: errors.NotOfferedError("not offered"),
        errors.MissingInputError: errors.MissingInputError("missing"),
        errors.NoRuleError: errors.NoRuleError("no rule"),
        errors.ValidationError: errors.ValidationError("1 error(s)", report),
        errors.InvalidFormatError: errors.InvalidFormatError("bad format"),
        errors.InvalidLengthError: errors.InvalidLengthError("bad length", report),
        errors.InvalidChecksumError: errors.InvalidChecksumError(
            "bad check digit", code="id.checksum", params={"on": date(2026, 11, 23)}
        ),
    }


def _error_classes() -> list[type[BaseException]]:
    return [
        obj
        for _, obj in inspect.getmembers(errors, inspect.isclass)
        if issubclass(obj, errors.NyukanRulesError)
    ]


def test_every_error_class_has_a_sample() -> None:
    assert set(_error_classes()) == set(_samples())


def _same(a: BaseException, b: BaseException) -> None:
    assert type(a) is type(b)
    assert a.args == b.args
    assert str(a) == str(b)
    assert vars(a) == vars(b)


@pytest.mark.parametrize("cls", _error_classes(), ids=lambda c: c.__name__)
def test_every_error_round_trips(cls: type[BaseException]) -> None:
    error = _samples()[cls]
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        _same(pickle.loads(pickle.dumps(error, protocol=protocol)), error)


def test_validation_error_keeps_its_report() -> None:
    with pytest.raises(nr.ValidationError) as info:
        nr.check_field("東京都1-1", "address").raise_for_errors()
    again = pickle.loads(pickle.dumps(info.value))
    assert again.report == info.value.report
    assert again.report is not None
    assert again.report.codes == info.value.report.codes  # type: ignore[union-attr]


def test_an_error_from_a_real_call_round_trips() -> None:
    with pytest.raises(nr.UnknownNameError) as info:
        nr.fee("renewal please", channel="online", accepted_on=date(2026, 11, 22))
    again = pickle.loads(pickle.dumps(info.value))
    _same(again, info.value)
    assert again.catalog == "ApplicationKind"
    assert again.text == "renewal please"
    with pytest.raises(nr.ArgumentTypeError) as type_info:
        nr.fee("extension_of_period", channel="online", accepted_on=date(2026, 11, 22),
               payment_charge="no")  # type: ignore[arg-type]  # fmt: skip
    again_type = pickle.loads(pickle.dumps(type_info.value))
    _same(again_type, type_info.value)
    assert isinstance(again_type, TypeError)


def test_an_unpicklable_text_travels_as_its_description() -> None:
    error = errors.UnknownNameError("kind", lambda: None)
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error)
    assert " at 0x" not in str(again)


def _fee_of(kind: str) -> int:
    return nr.fee(kind, channel="counter", accepted_on=date(2026, 11, 22), period_of_stay="1年").yen


def _raise_in_worker(name: str) -> Any:
    return nr.ApplicationKind.parse(name)


def test_a_process_pool_survives_our_errors() -> None:
    """A task raising UnknownNameError comes back as that error; the pool goes on."""
    with ProcessPoolExecutor(max_workers=2) as pool:
        failing = pool.submit(_fee_of, "no such procedure")
        with pytest.raises(nr.UnknownNameError) as info:
            failing.result(timeout=120)
        assert info.value.text == "no such procedure"
        with pytest.raises(nr.ArgumentTypeError):
            pool.submit(nr.add_months, 20260101, 1).result(timeout=120)
        # the pool is still usable, with both workers
        answers = list(pool.map(_fee_of, ["extension_of_period"] * 4, timeout=120))
        assert answers == [_fee_of("extension_of_period")] * 4
        assert pool.submit(_raise_in_worker, "永住許可").result(timeout=120) is (
            nr.ApplicationKind.PERMANENT_RESIDENCE
        )
