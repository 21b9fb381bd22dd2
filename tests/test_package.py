"""The package as a user meets it: the import, the public face, the command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import nyukan_rules as nr
from nyukan_rules.__main__ import main

HEAVY = (
    "pypdf",
    "PIL",
    "holidays",
    "stdnum",
    "jaconv",
    "cattrs",
    "nyukan_rules.files",
    "nyukan_rules.text",
)


def test_import_stays_light() -> None:
    code = (
        "import sys, nyukan_rules as nr\n"
        "from datetime import date\n"
        "nr.fee('extension_of_period', channel='online', accepted_on=date(2025, 6, 1))\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_holidays_loads_only_when_a_closed_day_is_asked() -> None:
    code = (
        "import sys, nyukan_rules as nr\n"
        "from datetime import date\n"
        "nr.is_office_closed(date(2026, 11, 24))\n"
        "print('holidays' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_everything_in_all_is_importable() -> None:
    for name in nr.__all__:
        assert hasattr(nr, name), name
    assert len(set(nr.__all__)) == len(nr.__all__)


def test_the_command_shows_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "OK: this filing can go online." in out
    assert "30,500" in out  # 27,000 + 3,500 online on 2026-11-22 (isa-fee-2026)
    assert "2027-01-30" in out  # last online day: the day before expiry


def test_the_command_on_another_day_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--on", "2025-06-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    online = {row["kind"]: row["yen"] for row in data["fees"]["online"]}
    assert online == {"extension_of_period": 5_500, "reentry_permit_single": 3_500}
    assert data["eligibility"]["findings"] == []


def test_the_command_reports_a_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--on", "someday"]) == 2
    assert "on must be a date" in capsys.readouterr().err
