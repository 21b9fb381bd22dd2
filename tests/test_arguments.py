"""Argument checks (issue 10, "Safe to embed anywhere"): wrong types raise the
package's own ``ArgumentTypeError`` (a ``TypeError`` too), values out of range
its ``ArgumentValueError``; messages name the argument, never a value's repr.

Source: issue 10, "Every public function validates its arguments' types and
ranges and raises the package's own error ... flags accept only bool".
"""

from __future__ import annotations

import pickle

import pytest

import nyukan_rules as nr
from nyukan_rules import _args
from nyukan_rules.errors import ArgumentTypeError, ArgumentValueError, NyukanRulesError


def test_argument_type_error_is_both_type_error_and_package_error() -> None:
    assert issubclass(ArgumentTypeError, TypeError)
    assert issubclass(ArgumentTypeError, NyukanRulesError)
    assert issubclass(ArgumentValueError, NyukanRulesError)
    assert not issubclass(ArgumentValueError, TypeError)
    assert nr.ArgumentTypeError is ArgumentTypeError
    assert "ArgumentTypeError" in nr.__all__
    assert "ArgumentValueError" in nr.__all__


@pytest.mark.parametrize("value", ["false", "no", 0, 1, None, [], "True"])
def test_ensure_bool_refuses_everything_but_bool(value: object) -> None:
    with pytest.raises(ArgumentTypeError, match=r"^flag must be True or False"):
        _args.ensure_bool(value, "flag")


@pytest.mark.parametrize("value", [True, False])
def test_ensure_bool_keeps_bool(value: bool) -> None:
    assert _args.ensure_bool(value, "flag") is value


@pytest.mark.parametrize("value", ["5", 5.0, True, None, b"5"])
def test_ensure_int_refuses_non_int(value: object) -> None:
    with pytest.raises(ArgumentTypeError, match=r"^max_length must be an int"):
        _args.ensure_int(value, "max_length")


def test_ensure_int_bounds() -> None:
    assert _args.ensure_int(5, "n", minimum=5, maximum=5) == 5
    with pytest.raises(ArgumentValueError, match=r"^n must be at least 1, not 0$"):
        _args.ensure_int(0, "n", minimum=1)
    with pytest.raises(ArgumentValueError, match=r"^n must be at most 9, not 10$"):
        _args.ensure_int(10, "n", maximum=9)
    with pytest.raises(ArgumentValueError, match=r"bits$"):
        _args.ensure_int(10**400, "n", maximum=9)


def test_ensure_str_and_bytes() -> None:
    assert _args.ensure_str("x", "text") == "x"
    assert _args.ensure_optional_str(None, "text") is None
    with pytest.raises(ArgumentTypeError, match=r"^text must be a str, not an int$"):
        _args.ensure_str(1, "text")
    assert _args.ensure_bytes(memoryview(b"ab"), "data") == b"ab"
    assert _args.ensure_bytes(bytearray(b"ab"), "data") == b"ab"
    with pytest.raises(ArgumentTypeError, match=r"^data must be bytes, not a str$"):
        _args.ensure_bytes("ab", "data")


@pytest.mark.parametrize("value", ["x" * 10, b"xy", {"a": 1}, 42, None])
def test_ensure_rows_refuses_text_mappings_and_scalars(value: object) -> None:
    with pytest.raises(ArgumentTypeError, match=r"^records must be an iterable of rows"):
        _args.ensure_rows(value, "records")


def test_ensure_rows_returns_iterable_unconsumed() -> None:
    rows = iter([{"a": "1"}])
    assert _args.ensure_rows(rows, "records") is rows
    assert list(rows) == [{"a": "1"}]


def test_messages_never_contain_an_object_repr() -> None:
    class Odd:
        pass

    for check in (_args.ensure_bool, _args.ensure_int, _args.ensure_str, _args.ensure_bytes):
        with pytest.raises(ArgumentTypeError) as caught:
            check(Odd(), "arg")
        assert " at 0x" not in str(caught.value)
        assert str(caught.value).startswith("arg must be")
        again = pickle.loads(pickle.dumps(caught.value))
        assert type(again) is ArgumentTypeError
        assert str(again) == str(caught.value)


def test_argument_errors_carry_a_code_and_params() -> None:
    """Issue 11: every error has a code and language-neutral params (never the value)."""
    with pytest.raises(ArgumentTypeError) as info:
        _args.ensure_bool("yes", "flag")
    assert info.value.code == "argument.type"
    assert info.value.params == {"name": "flag", "expected": "bool", "given": "str"}
    with pytest.raises(ArgumentValueError) as value_info:
        _args.ensure_int(0, "months", minimum=1)
    assert value_info.value.code == "argument.too_small"
    assert value_info.value.params == {"name": "months", "minimum": 1}
    with pytest.raises(ArgumentTypeError) as date_info:
        nr.add_months(20260101, 1)  # type: ignore[arg-type]
    assert date_info.value.params == {"name": "day", "expected": "date", "given": "int"}
    again = pickle.loads(pickle.dumps(date_info.value))
    assert (again.code, again.params) == (date_info.value.code, date_info.value.params)
