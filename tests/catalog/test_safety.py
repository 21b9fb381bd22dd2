"""Issue 10: catalog parse() on untrusted text: the package's own error, bounded cost, no repr."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nyukan_rules as nr
from nyukan_rules.catalog._base import _LONGEST_NAME, CatalogEnum
from nyukan_rules.text import CharClass, FieldKind

CATALOGS: list[type[CatalogEnum]] = [
    nr.ApplicationKind,
    nr.ApplicantRole,
    nr.Channel,
    nr.StatusOfResidence,
    nr.Payment,
    FieldKind,
    CharClass,
]


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda c: c.__name__)
def test_every_name_is_shorter_than_the_guard(catalog: type[CatalogEnum]) -> None:
    # The length guard never refuses a real name.
    for member in catalog:
        for name in catalog._names_of(member):
            assert len(name) <= _LONGEST_NAME


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda c: c.__name__)
def test_huge_text_is_refused_at_once_with_a_short_message(catalog: type[CatalogEnum]) -> None:
    with pytest.raises(nr.UnknownNameError) as info:
        catalog.parse("x" * 2_000_000)
    assert len(str(info.value)) < 300


class _Opaque:
    pass


def test_objects_are_named_by_type_not_repr() -> None:
    with pytest.raises(nr.UnknownNameError) as info:
        nr.ApplicationKind.parse(_Opaque())
    assert " at 0x" not in str(info.value)
    assert "_Opaque" in str(info.value)
    again = pickle.loads(pickle.dumps(info.value))
    assert str(again) == str(info.value)
    with pytest.raises(nr.UnknownNameError) as info:
        nr.PeriodOfStay.parse(10**5000)
    assert "very large int" in str(info.value)


@settings(deadline=None, max_examples=100)
@given(st.one_of(st.text(max_size=80), st.binary(max_size=20), st.integers(), st.none()))
def test_parse_raises_only_unknown_name(value: object) -> None:
    for catalog in [*CATALOGS, nr.PeriodOfStay]:
        try:
            catalog.parse(value)  # type: ignore[attr-defined]
        except nr.UnknownNameError as exc:
            pickle.loads(pickle.dumps(exc))


def test_period_parts_refuse_wrong_types_without_repr() -> None:
    for bad in ("1", 1.0, True, None, -1, 10**40):
        with pytest.raises(nr.UnknownNameError) as info:
            nr.PeriodOfStay(years=bad)  # type: ignore[arg-type]
        assert " at 0x" not in str(info.value)
    with pytest.raises(nr.UnknownNameError):
        nr.StayBand(None, False, None, False, "", "").contains("no period")  # type: ignore[arg-type]
    band = nr.StayBand(None, False, nr.PeriodOfStay(days=30), True, "30日以下", "30 days or less")
    assert band.contains("15日")  # type: ignore[arg-type]


def test_lookup_key_refuses_non_text() -> None:
    from nyukan_rules.catalog._base import lookup_key

    with pytest.raises(nr.ArgumentTypeError):
        lookup_key(42)  # type: ignore[arg-type]
    assert lookup_key("在留期間更新許可申請") == lookup_key("在留期間更新許可")
