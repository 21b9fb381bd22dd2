"""The editions of the online system and their limits on files, as dated data."""

from __future__ import annotations

from datetime import date

import attrs

from nyukan_rules.catalog._base import CatalogEnum
from nyukan_rules.dates import Effective, ensure_date
from nyukan_rules.errors import NoRuleError
from nyukan_rules.milestones import CURRENT_SYSTEM_START, ONLINE_SYSTEM_START, day_before
from nyukan_rules.rules import DatedRule, in_force

__all__ = ["EDITION_LIMITS", "EditionLimits", "SystemEdition"]


class SystemEdition(CatalogEnum):
    """An edition of the online system; its rules on files differ."""

    LEGACY = (
        "legacy",
        "在留申請オンラインシステム（令和8年1月4日まで）",
        "Legacy online system (2019-07-25 to 2026-01-04)",
    )
    CURRENT = (
        "current",
        "在留申請オンラインシステム（令和8年1月5日から）",
        "Current online system (from 2026-01-05)",
    )

    @classmethod
    def for_date(cls, day: date) -> SystemEdition:
        """The edition in service on ``day``.

        The current edition went live on 2026-01-05 at 09:00; this answers
        by day, so 2026-01-05 counts as the current edition.

        >>> SystemEdition.for_date(date(2025, 12, 1)).value
        'legacy'
        """
        day = ensure_date(day, "day")
        for limits in in_force(EDITION_LIMITS, day):
            return limits.edition
        raise NoRuleError(
            f"the online system was not in service on {day.isoformat()}",
            code="edition.not_in_service",
            params={"on": day},
        )

    @property
    def limits(self) -> EditionLimits:
        """The file limits of this edition."""
        return next(limit for limit in EDITION_LIMITS if limit.edition is self)


@attrs.frozen
class EditionLimits(DatedRule):
    """What one edition accepts.

    Byte limits read "10MB" and "25MB" as 10,000,000 and 25,000,000 bytes,
    the stricter reading (no source says which is meant).
    """

    edition: SystemEdition
    max_files: int
    """Attachments per application (the face photo not included)."""
    single_pdf: bool
    """True where every document must be merged into one PDF."""
    max_file_bytes: int | None
    """Per attachment, where a per-file limit is known."""
    max_total_bytes: int
    photo_in_total: bool
    """True where the face photo counts toward ``max_total_bytes``."""


EDITION_LIMITS: tuple[EditionLimits, ...] = (
    EditionLimits(
        edition=SystemEdition.LEGACY,
        effective=Effective(ONLINE_SYSTEM_START, day_before(CURRENT_SYSTEM_START)),
        max_files=1,
        single_pdf=True,
        max_file_bytes=10_000_000,
        max_total_bytes=10_000_000,
        photo_in_total=False,
        source_ids=("legacy-attachment-rules", "online-start-2019"),
    ),
    EditionLimits(
        edition=SystemEdition.CURRENT,
        effective=Effective(CURRENT_SYSTEM_START, None),
        max_files=20,
        single_pdf=False,
        max_file_bytes=None,
        max_total_bytes=25_000_000,
        photo_in_total=True,
        source_ids=("current-attachment-rules", "online-system-2026"),
    ),
)
