"""The docs' generated pages: every table row and every code appears."""

from __future__ import annotations

import nyukan_rules as nr
from nyukan_rules.fees import FEE_SCHEDULES
from nyukan_rules.milestones import MILESTONES
from nyukan_rules.reference import codes_markdown, rules_markdown, sources_markdown


def test_rules_reference_lists_every_schedule_and_amount() -> None:
    text = rules_markdown()
    for schedule in FEE_SCHEDULES:
        assert f"### Fees of schedule {schedule.id}" in text
    for schedule in FEE_SCHEDULES:
        for row in schedule.rows:
            assert f"| {row.yen:,} |" in text
    assert "200,000" in text
    assert "75,000" in text
    assert "Not offered: permanent_residence (online)" in text
    # the conflicting 1,000-yen reissue fee is listed with its unverified source
    assert "[trusted-traveller-card-reissue-1000](#trusted-traveller-card-reissue-1000)" in text


def test_rules_reference_names_every_rule_table_and_date() -> None:
    """Every table renders through one helper: periods and sources in every table."""
    text = rules_markdown()
    for heading in (
        "a relative may file a certificate of eligibility for",
        "特定在留カード",
        "利用者別誓約機関一覧表",
        "or meeting its approval requirements",
        "the period's first day",
    ):
        assert heading in text, heading
    for name, milestone in MILESTONES.items():
        assert f"| `{name}` | {milestone.day.isoformat()} |" in text


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
