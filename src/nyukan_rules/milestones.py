"""Named dates: each day a rule changed, defined once with its source.

Rule tables import these names instead of writing the date again, so a
date that turns out wrong is corrected in one place.  ``MILESTONES`` maps
each name to its day and the ids of the sources that date it (entries of
:data:`nyukan_rules.sources.SOURCES`).

>>> ONLINE_SYSTEM_START.isoformat(), MILESTONES["ONLINE_SYSTEM_START"].source_ids
('2019-07-25', ('online-start-2019',))
>>> day_before(FEES_2025_START).isoformat()
'2025-03-31'
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

__all__ = [
    "CURRENT_SYSTEM_START",
    "FEES_2025_START",
    "FEES_2026_START",
    "MILESTONES",
    "ONLINE_ROLES_EXPANDED",
    "ONLINE_SYSTEM_START",
    "PHOTO_FROM_AGE_1",
    "SPECIFIED_RESIDENCE_CARD_START",
    "STATUS_REFORM_2027",
    "Milestone",
    "day_before",
]


class Milestone(NamedTuple):
    """A named day and the sources that date it."""

    day: date
    source_ids: tuple[str, ...]


#: The online system's first day, for organization staff only (source: online-start-2019).
ONLINE_SYSTEM_START = date(2019, 7, 25)
#: The foreign national, legal representatives, relatives and lawyers/gyoseishoshi
#: may file online (source: online-expansion-2022).
ONLINE_ROLES_EXPANDED = date(2022, 3, 16)
#: Fees of 2025: counter and online differ (source: isa-fee-2025).
FEES_2025_START = date(2025, 4, 1)
#: The current edition of the online system, live from 09:00 (source: online-system-2026).
CURRENT_SYSTEM_START = date(2026, 1, 5)
#: Residence cards carry a photo from age 1 (Act No. 59 of 2024; source: photo-from-age-1).
PHOTO_FROM_AGE_1 = date(2026, 6, 14)
#: The specified residence card (特定在留カード) starts, the same day (source:
#: isa-specified-residence-card).
SPECIFIED_RESIDENCE_CARD_START = PHOTO_FROM_AGE_1
#: Fees of 2026: change and extension tiered by the period granted (source: isa-fee-2026).
FEES_2026_START = date(2026, 10, 1)
#: 育成就労 and 企業内転勤1号・2号 exist (令和6年法律第60号; source: status-reform-2027).
STATUS_REFORM_2027 = date(2027, 4, 1)

MILESTONES: dict[str, Milestone] = {
    "ONLINE_SYSTEM_START": Milestone(ONLINE_SYSTEM_START, ("online-start-2019",)),
    "ONLINE_ROLES_EXPANDED": Milestone(ONLINE_ROLES_EXPANDED, ("online-expansion-2022",)),
    "FEES_2025_START": Milestone(FEES_2025_START, ("isa-fee-2025",)),
    "CURRENT_SYSTEM_START": Milestone(CURRENT_SYSTEM_START, ("online-system-2026",)),
    "PHOTO_FROM_AGE_1": Milestone(PHOTO_FROM_AGE_1, ("photo-from-age-1",)),
    "SPECIFIED_RESIDENCE_CARD_START": Milestone(
        SPECIFIED_RESIDENCE_CARD_START, ("isa-specified-residence-card",)
    ),
    "FEES_2026_START": Milestone(FEES_2026_START, ("isa-fee-2026",)),
    "STATUS_REFORM_2027": Milestone(STATUS_REFORM_2027, ("status-reform-2027",)),
}


def day_before(day: date) -> date:
    """The last day of the rule that ``day`` replaces."""
    return day - timedelta(days=1)
