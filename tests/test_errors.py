"""The error hierarchy (issue 11): stdnum's tree, codes and params, missing extras.

Sources: python-stdnum ``stdnum/exceptions.py`` (InvalidLength is an
InvalidFormat; both and InvalidChecksum are a ValidationError); STYLE.md.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Iterator
from datetime import date

import pytest

import nyukan_rules as nr
from nyukan_rules import errors
from nyukan_rules._extras import require_extra


def test_the_identifier_errors_are_stdnums_tree() -> None:
    assert issubclass(nr.InvalidLengthError, nr.InvalidFormatError)
    assert issubclass(nr.InvalidFormatError, nr.ValidationError)
    assert issubclass(nr.InvalidChecksumError, nr.ValidationError)
    assert not issubclass(nr.InvalidChecksumError, nr.InvalidFormatError)
    with pytest.raises(nr.InvalidFormatError) as info:
        nr.ids.residence_card.validate("AB1234567")  # one character short
    assert type(info.value) is nr.InvalidLengthError


def test_every_error_has_a_code_and_params_that_pickle() -> None:
    error = nr.ValidationError("x", code="date.not_a_date", params={"on": date(2026, 11, 23)})
    again = pickle.loads(pickle.dumps(error))
    assert (again.code, again.params, str(again)) == ("date.not_a_date", error.params, "x")
    plain = nr.NoRuleError("no rule")
    assert (plain.code, plain.params) == (None, {})
    with pytest.raises(nr.ValidationError) as info:
        nr.add_months("平成31年5月1日", 1)
    assert info.value.code == "date.outside_era"
    assert pickle.loads(pickle.dumps(info.value)).params == info.value.params


def test_a_param_that_does_not_pickle_travels_as_its_description() -> None:
    error = nr.NoRuleError("x", code="c", params={"what": lambda: None})
    again = pickle.loads(pickle.dumps(error))
    assert again.params == {"what": "(a function, not text)"}


def test_unknown_name_names_the_closest_choices() -> None:
    error = nr.UnknownNameError("status", "Studnt", choices=("Student", "Dependent"))
    assert error.choices == ("Student", "Dependent")
    assert error.closest == ("Student",)
    assert "did you mean 'Student'" in str(error)


def test_unknown_name_lists_the_choices_when_none_is_close() -> None:
    error = nr.UnknownNameError("role", "boss", choices=[f"name{i}" for i in range(20)])
    assert error.closest == ()
    assert "valid names: 'name0'" in str(error)
    assert str(error).endswith("and 8 more")


def test_a_catalog_error_names_valid_choices() -> None:
    """Issue 11: ``UnknownNameError`` named no valid choice."""
    with pytest.raises(nr.UnknownNameError) as info:
        nr.ApplicationKind.parse("ビザ延長してください")
    assert "在留期間更新許可申請" in info.value.choices
    assert "valid names" in str(info.value) or "did you mean" in str(info.value)
    with pytest.raises(nr.UnknownNameError) as info:
        nr.StatusOfResidence.parse("技術人文")
    assert info.value.closest[0] == "技術・人文知識・国際業務"
    assert "did you mean '技術・人文知識・国際業務'" in str(info.value)
    again = pickle.loads(pickle.dumps(info.value))
    assert (str(again), again.closest, again.choices) == (
        str(info.value),
        info.value.closest,
        info.value.choices,
    )


@pytest.fixture
def no_openpyxl() -> Iterator[None]:
    """openpyxl as if not installed: a None entry in sys.modules, restored after."""
    saved = sys.modules.get("openpyxl", ...)
    sys.modules["openpyxl"] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if saved is ...:
            del sys.modules["openpyxl"]
        else:
            sys.modules["openpyxl"] = saved  # type: ignore[assignment]


@pytest.mark.usefixtures("no_openpyxl")
def test_a_missing_extra_is_an_import_error_naming_the_extra() -> None:
    with pytest.raises(ImportError, match=r'pip install "nyukan-rules\[xlsm\]"') as info:
        require_extra("openpyxl", needed_for="reading a workbook")
    error = info.value
    assert isinstance(error, nr.MissingExtraError)
    assert isinstance(error, nr.NyukanRulesError)
    assert (error.name, error.extra, error.code) == ("openpyxl", "xlsm", "extra.missing")
    again = pickle.loads(pickle.dumps(error))
    assert isinstance(again, ImportError)
    assert again.name == "openpyxl"
    assert str(again) == str(error)


@pytest.mark.usefixtures("no_openpyxl")
def test_read_bulk_template_without_openpyxl_names_the_extra() -> None:
    with pytest.raises(ImportError, match=r"nyukan-rules\[xlsm\]"):
        nr.read_bulk_template(b"PK\x03\x04")


def test_every_error_class_is_exported() -> None:
    for name in errors.__all__:
        assert getattr(nr, name) is getattr(errors, name)
        assert name in nr.__all__
