"""Report, Finding, the message table and the error hierarchy."""

from __future__ import annotations

import re
import string
from datetime import date
from pathlib import Path

import pytest

import nyukan_rules as nr
from nyukan_rules.messages import make_finding
from nyukan_rules.messages.render import template

SRC = Path(nr.__file__).parent


def _finding(code: str, severity: nr.Severity) -> nr.Finding:
    return nr.Finding(code=code, severity=severity, params={"value": "x"})


def test_report_splits_by_severity() -> None:
    report = nr.Report(
        [
            _finding("a.one", nr.Severity.WARNING),
            _finding("a.two", nr.Severity.ERROR),
            _finding("a.three", nr.Severity.INFO),
        ]
    )
    assert not report.ok
    assert [f.code for f in report.errors] == ["a.two"]
    assert [f.code for f in report.warnings] == ["a.one"]
    assert [f.code for f in report.infos] == ["a.three"]
    assert report.codes == ("a.one", "a.two", "a.three")
    assert list(report) == list(report.findings)
    assert bool(nr.Report()) is bool(report)  # truthiness says nothing about ok
    assert report.by_code("a.two") == report.errors


def test_warnings_alone_are_ok() -> None:
    report = nr.Report([_finding("a.one", nr.Severity.WARNING)])
    assert report.ok
    assert report.raise_for_errors() is report


def test_raise_for_errors_carries_the_report() -> None:
    report = nr.Report([_finding("a.two", nr.Severity.ERROR)])
    with pytest.raises(nr.ValidationError, match=r"a\.two") as info:
        report.raise_for_errors()
    assert info.value.report is report


def test_merged() -> None:
    a = nr.Report([_finding("a.one", nr.Severity.WARNING)])
    b = nr.Report([_finding("a.two", nr.Severity.ERROR)])
    assert a.merged(b, [_finding("a.three", nr.Severity.INFO)]).codes == (
        "a.one",
        "a.two",
        "a.three",
    )


def test_error_hierarchy() -> None:
    for error in (
        nr.ValidationError,
        nr.UnknownNameError,
        nr.NotOfferedError,
        nr.MissingInputError,
        nr.NoRuleError,
    ):
        assert issubclass(error, nr.NyukanRulesError)
    assert issubclass(nr.NyukanRulesError, ValueError)


CODE = re.compile(r"^[a-z]+(\.[a-z_]+)+$")


def test_codes_are_stable_dotted_lower_case() -> None:
    for code in nr.MESSAGES:
        assert CODE.match(code), code


def _names(text: str) -> set[str]:
    """The params a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_messages_take_the_same_params() -> None:
    """One finding shape (issue 11): a param is passed once, never as x_ja/x_en pairs."""
    for code, message in nr.MESSAGES.items():
        english = template(code, "en")
        assert english != message.ja, code  # the English catalogue has every code
        assert _names(message.ja) == _names(english), code
        assert not any(re.search(r"_(ja|en)$", name) for name in _names(message.ja)), code


def test_every_code_the_package_emits_is_in_the_table() -> None:
    used: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(
            re.findall(
                r'"((?:eligibility|attachment|submission|photo|field|batch)\.[a-z_]+)"', text
            )
        )
    assert used, "the scan found no codes at all"
    # An error's code may share a finding's area (photo.open_formats): its own table.
    from nyukan_rules.messages import ERROR_MESSAGES

    used -= set(ERROR_MESSAGES)
    assert used <= set(nr.MESSAGES), used - set(nr.MESSAGES)


def test_make_finding_renders_both_messages_on_demand() -> None:
    finding = make_finding("eligibility.expired", expires_on=date(2026, 1, 31))
    assert finding.params == {"expires_on": "2026-01-31"}  # as JSON keeps it
    assert "2026/01/31" in finding.message_ja
    assert "Jan 31, 2026" in finding.message_en
    assert finding.severity is nr.Severity.ERROR
    with pytest.raises(nr.UnknownNameError):
        make_finding("no.such_code")


def test_every_source_is_well_formed() -> None:
    for key, source in nr.SOURCES.items():
        assert key == source.id
        assert source.address.startswith(("https://", "http://"))
        assert source.title
        assert isinstance(source.confidence, nr.Confidence)
