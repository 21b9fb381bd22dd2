"""The catalogs: application kinds, channels, roles, statuses, periods of stay."""

from nyukan_rules.catalog._base import CatalogEnum
from nyukan_rules.catalog.kinds import ApplicantRole, ApplicationKind, Channel
from nyukan_rules.catalog.periods import PeriodOfStay, StayBand
from nyukan_rules.catalog.statuses import StatusOfResidence, WorkPermission

__all__ = [
    "ApplicantRole",
    "ApplicationKind",
    "CatalogEnum",
    "Channel",
    "PeriodOfStay",
    "StatusOfResidence",
    "StayBand",
    "WorkPermission",
]
