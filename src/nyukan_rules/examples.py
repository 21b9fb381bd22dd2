"""Example data bundled with the package, used by ``python -m nyukan_rules`` and the docs."""

from __future__ import annotations

from datetime import date

import attrs

from nyukan_rules.catalog import ApplicantRole, ApplicationKind, Channel, PeriodOfStay
from nyukan_rules.catalog import StatusOfResidence as S

__all__ = ["EXAMPLE_FILING", "ExampleFiling"]


@attrs.frozen
class ExampleFiling:
    """A filing as an HR system would describe it."""

    name: str
    kinds: tuple[ApplicationKind, ...]
    role: ApplicantRole
    status: S
    period_of_stay: PeriodOfStay
    expires_on: date
    on: date
    registered_agent: bool = True
    channel: Channel = Channel.ONLINE


#: An engineer's one-year extension with a single re-entry permit, filed
#: online by the employer's approved staff on 2026-11-22.
EXAMPLE_FILING = ExampleFiling(
    name="NGUYEN VAN AN",
    kinds=(ApplicationKind.EXTENSION_OF_PERIOD, ApplicationKind.REENTRY_PERMIT_SINGLE),
    role=ApplicantRole.ORGANIZATION_STAFF,
    status=S.ENGINEER_SPECIALIST_HUMANITIES_INTERNATIONAL,
    period_of_stay=PeriodOfStay(years=1),
    expires_on=date(2027, 1, 31),
    on=date(2026, 11, 22),
)
