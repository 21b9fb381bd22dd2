"""The docs' generated pages: every table row and every code appears."""

from __future__ import annotations

import nyukan_rules as nr
from nyukan_rules.fees import FEE_ROWS, FEE_SCHEDULES
from nyukan_rules.reference import codes_markdown, rules_markdown, sources_markdown


def test_rules_reference_lists_every_schedule_and_amount() -> None:
    text = rules_markdown()
    for schedule in FEE_SCHEDULES:
        assert f"### Fees of schedule {schedule.id}" in text
    for row in FEE_ROWS:
        assert f"| {row.yen:,} |" in text
    assert "200,000" in text
    assert "75,000" in text
    assert "Not offered: permanent_residence (online)" in text


def test_rules_reference_lists_every_status_and_source_link() -> None:
    text = rules_markdown()
    for status in nr.StatusOfResidence:
        assert f"`{status.value}`" in text
    sources = sources_markdown()
    for source_id in nr.SOURCES:
        assert f'<span id="{source_id}"></span>' in sources


def test_codes_page_lists_every_code() -> None:
    text = codes_markdown()
    for code, message in nr.MESSAGES.items():
        assert f"`{code}`" in text
        assert message.severity.value in text
