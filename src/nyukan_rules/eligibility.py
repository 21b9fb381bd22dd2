"""Online eligibility: may this filing go through the online system on this day?

The rules are tables of dated, sourced rows; :func:`check_online_eligibility`
applies every row that concerns the filing and reports every reason at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TypedDict

import attrs

from nyukan_rules._args import ensure_bool, ensure_int
from nyukan_rules.catalog import ApplicantRole, ApplicationKind, StatusOfResidence
from nyukan_rules.dates import Effective, ensure_date
from nyukan_rules.errors import MissingInputError
from nyukan_rules.messages import make_finding
from nyukan_rules.report import Finding, Report
from nyukan_rules.sources import Source, sources

__all__ = [
    "EXCLUDED_STATUSES",
    "ONLINE_OFFERINGS",
    "ONLINE_SYSTEM",
    "ROLE_AVAILABILITY",
    "ROLE_RESTRICTIONS",
    "STATUS_SCOPE_LIMITS",
    "ExcludedStatus",
    "OnlineOffering",
    "RoleAvailability",
    "RoleRestriction",
    "StatusScopeLimit",
    "check_online_eligibility",
    "online_kinds",
]

K = ApplicationKind
R = ApplicantRole
S = StatusOfResidence

ONLINE_START = date(2019, 7, 25)
ROLES_2022 = date(2022, 3, 16)


@attrs.frozen
class RuleRow:
    """What every eligibility row has: when it applies and where it comes from."""

    effective: Effective
    source_ids: tuple[str, ...]

    @property
    def sources(self) -> tuple[Source, ...]:
        return sources(*self.source_ids)


#: When the online system exists at all.
ONLINE_SYSTEM = RuleRow(Effective(ONLINE_START, None), ("online-start-2019",))


@attrs.frozen
class OnlineOffering(RuleRow):
    """A procedure that can be filed online; ``with_one_of`` empty if on its own."""

    kind: ApplicationKind = attrs.field(kw_only=True)
    with_one_of: frozenset[ApplicationKind] = attrs.field(kw_only=True, default=frozenset())


_COMPANIONS = frozenset({K.CHANGE_OF_STATUS, K.EXTENSION_OF_PERIOD, K.ACQUISITION_OF_STATUS})
_SCOPE = ("isa-online-qa", "isa-online-scope")

#: The procedures offered online.  Permanent residence has no row: counter only.
ONLINE_OFFERINGS: tuple[OnlineOffering, ...] = (
    OnlineOffering(Effective(ONLINE_START, None), _SCOPE, kind=K.CERTIFICATE_OF_ELIGIBILITY),
    OnlineOffering(Effective(ONLINE_START, None), _SCOPE, kind=K.CHANGE_OF_STATUS),
    OnlineOffering(Effective(ONLINE_START, None), _SCOPE, kind=K.EXTENSION_OF_PERIOD),
    OnlineOffering(Effective(ONLINE_START, None), _SCOPE, kind=K.ACQUISITION_OF_STATUS),
    OnlineOffering(Effective(ONLINE_START, None), _SCOPE, kind=K.EMPLOYMENT_CERTIFICATE),
    OnlineOffering(
        Effective(ONLINE_START, None), _SCOPE, kind=K.REENTRY_PERMIT_SINGLE, with_one_of=_COMPANIONS
    ),
    OnlineOffering(
        Effective(ONLINE_START, None),
        _SCOPE,
        kind=K.REENTRY_PERMIT_MULTIPLE,
        with_one_of=_COMPANIONS,
    ),
    OnlineOffering(
        Effective(ONLINE_START, None),
        _SCOPE,
        kind=K.PERMISSION_FOR_ACTIVITY,
        with_one_of=_COMPANIONS,
    ),
)

#: Sources for the procedures that have no online row.
NOT_OFFERED_SOURCES = ("permanent-residence-counter-only", "isa-online-qa")


@attrs.frozen
class RoleAvailability(RuleRow):
    """A role that may file online, and whether it must be a registered agent."""

    role: ApplicantRole = attrs.field(kw_only=True)
    needs_registered_agent: bool = attrs.field(kw_only=True, default=False)
    applicant_under: int | None = attrs.field(kw_only=True, default=None)
    """For relatives: only for an applicant younger than this (or unable to file)."""


ROLE_AVAILABILITY: tuple[RoleAvailability, ...] = (
    RoleAvailability(
        Effective(ROLES_2022, None),
        ("online-expansion-2022", "isa-online-user-registration"),
        role=R.FOREIGN_NATIONAL,
    ),
    RoleAvailability(
        Effective(ROLES_2022, None),
        ("online-expansion-2022", "isa-online-user-registration"),
        role=R.LEGAL_REPRESENTATIVE,
    ),
    RoleAvailability(
        Effective(ROLES_2022, None),
        ("online-expansion-2022", "isa-online-user-registration"),
        role=R.RELATIVE,
        applicant_under=16,
    ),
    RoleAvailability(
        Effective(ROLES_2022, None),
        ("online-expansion-2022", "isa-online-qa"),
        role=R.LAWYER_OR_SCRIVENER,
        needs_registered_agent=True,
    ),
    RoleAvailability(
        Effective(ONLINE_START, None),
        ("online-start-2019", "isa-online-qa"),
        role=R.ORGANIZATION_STAFF,
        needs_registered_agent=True,
    ),
    RoleAvailability(
        Effective(ONLINE_START, None),
        ("online-start-2019", "isa-online-qa"),
        role=R.PUBLIC_INTEREST_CORPORATION_STAFF,
        needs_registered_agent=True,
    ),
    RoleAvailability(
        Effective(ONLINE_START, None),
        ("online-start-2019", "isa-online-qa"),
        role=R.REGISTERED_SUPPORT_ORGANIZATION_STAFF,
        needs_registered_agent=True,
    ),
)


@attrs.frozen
class RoleRestriction(RuleRow):
    """A procedure a role may not file online."""

    role: ApplicantRole = attrs.field(kw_only=True)
    kind: ApplicationKind = attrs.field(kw_only=True)


ROLE_RESTRICTIONS: tuple[RoleRestriction, ...] = (
    RoleRestriction(
        Effective(ROLES_2022, None),
        ("isa-online-users",),
        role=R.RELATIVE,
        kind=K.EMPLOYMENT_CERTIFICATE,
    ),
    RoleRestriction(
        Effective(ROLES_2022, None),
        ("isa-online-users",),
        role=R.RELATIVE,
        kind=K.PERMISSION_FOR_ACTIVITY,
    ),
)


@attrs.frozen
class ExcludedStatus(RuleRow):
    """A status whose holders, or those asking for it, cannot file online."""

    status: StatusOfResidence = attrs.field(kw_only=True)


EXCLUDED_STATUSES: tuple[ExcludedStatus, ...] = tuple(
    ExcludedStatus(Effective(ONLINE_START, None), _SCOPE, status=s)
    for s in (S.DIPLOMAT, S.TEMPORARY_VISITOR, S.DESIGNATED_ACTIVITIES_DEPARTURE_PREPARATION)
)


@attrs.frozen
class StatusScopeLimit(RuleRow):
    """A condition on online filing for one status (a warning: the caller must check it)."""

    status: StatusOfResidence = attrs.field(kw_only=True)
    note_ja: str = attrs.field(kw_only=True)
    note_en: str = attrs.field(kw_only=True)
    unless_role: ApplicantRole | None = attrs.field(kw_only=True, default=None)


_SUPERVISED = (
    S.TECHNICAL_INTERN_TRAINING_1_B,
    S.TECHNICAL_INTERN_TRAINING_2_B,
    S.TECHNICAL_INTERN_TRAINING_3_B,
)

STATUS_SCOPE_LIMITS: tuple[StatusScopeLimit, ...] = (
    *(
        StatusScopeLimit(
            Effective(ONLINE_START, None),
            ("isa-online-scope",),
            status=s,
            note_ja="団体監理型の技能実習は、監理団体の職員のみがオンライン申請できます。",
            note_en="supervised technical intern training is filed online only by the"
            " supervising organization's staff.",
            unless_role=R.ORGANIZATION_STAFF,
        )
        for s in _SUPERVISED
    ),
    StatusScopeLimit(
        Effective(ONLINE_START, None),
        ("isa-online-scope",),
        status=S.DEPENDENT,
        note_ja="扶養者がオンライン申請の対象となる在留資格であることが必要です。",
        note_en="the supporting family member's own status must be within the online scope.",
    ),
    StatusScopeLimit(
        Effective(ONLINE_START, None),
        ("isa-online-scope",),
        status=S.DESIGNATED_ACTIVITIES,
        note_ja="対象となる告示の番号が限られ、手続ごとに例外があります。",
        note_en="only some designations (告示) are in scope, with exceptions per procedure.",
    ),
)

#: Procedures filed by someone already in Japan on a period of stay, for which
#: the expiry day matters (all but the certificate of eligibility).
_IN_COUNTRY = frozenset(set(K) - {K.CERTIFICATE_OF_ELIGIBILITY})
_WITH_DESIRED_STATUS = frozenset(
    {K.CERTIFICATE_OF_ELIGIBILITY, K.CHANGE_OF_STATUS, K.ACQUISITION_OF_STATUS}
)
_EXPIRY_SOURCES = ("online-not-on-expiry-day",)


def online_kinds(on: date) -> tuple[ApplicationKind, ...]:
    """The procedures that can be filed online on ``on`` (some only with a companion).

    >>> ApplicationKind.PERMANENT_RESIDENCE in online_kinds(date(2026, 11, 22))
    False
    """
    on = ensure_date(on, "on")
    return tuple(o.kind for o in ONLINE_OFFERINGS if o.effective.contains(on))


class _KindValues(TypedDict):
    kind_ja: str
    kind_en: str


class _StatusValues(TypedDict):
    status_ja: str
    status_en: str


class _RoleValues(TypedDict):
    role_ja: str
    role_en: str


def _kind_values(kind: ApplicationKind) -> _KindValues:
    return {"kind_ja": kind.ja, "kind_en": kind.en}


def _status_values(status: StatusOfResidence) -> _StatusValues:
    return {"status_ja": status.ja, "status_en": status.en}


def _role_values(role: ApplicantRole) -> _RoleValues:
    return {"role_ja": role.ja, "role_en": role.en.lower()}


def _check_kinds(kinds: tuple[ApplicationKind, ...], on: date) -> Iterable[Finding]:
    offered = {o.kind: o for o in ONLINE_OFFERINGS if o.effective.contains(on)}
    present = set(kinds)
    for kind in dict.fromkeys(kinds):
        offering = offered.get(kind)
        if offering is None:
            yield make_finding(
                "eligibility.kind_not_offered",
                field="kinds",
                sources=sources(*NOT_OFFERED_SOURCES),
                **_kind_values(kind),
            )
        elif offering.with_one_of and not (offering.with_one_of & present):
            yield make_finding(
                "eligibility.requires_companion",
                field="kinds",
                sources=offering.sources,
                **_kind_values(kind),
            )


def _check_role(
    role: ApplicantRole,
    kinds: tuple[ApplicationKind, ...],
    on: date,
    *,
    applicant_age: int | None,
    applicant_cannot_file: bool,
    registered_agent: bool,
) -> Iterable[Finding]:
    rows = [r for r in ROLE_AVAILABILITY if r.role is role]
    current = [r for r in rows if r.effective.contains(on)]
    if not current:
        since = min((r.effective.since for r in rows if r.effective.since), default=None)
        yield make_finding(
            "eligibility.role_not_available",
            field="role",
            sources=[s for r in rows for s in r.sources],
            on=on.isoformat(),
            since=since.isoformat() if since else "—",
            **_role_values(role),
        )
        return
    row = current[0]
    if row.needs_registered_agent and not registered_agent:
        yield make_finding(
            "eligibility.agent_not_registered",
            field="registered_agent",
            sources=row.sources,
            **_role_values(role),
        )
    if row.applicant_under is not None and not applicant_cannot_file:
        if applicant_age is None:
            yield make_finding(
                "eligibility.relative_condition_unknown", field="applicant_age", sources=row.sources
            )
        elif applicant_age >= row.applicant_under:
            yield make_finding(
                "eligibility.relative_condition", field="applicant_age", sources=row.sources
            )
    for restriction in ROLE_RESTRICTIONS:
        if (
            restriction.role is role
            and restriction.kind in kinds
            and restriction.effective.contains(on)
        ):
            yield make_finding(
                "eligibility.role_not_for_kind",
                field="role",
                sources=restriction.sources,
                **_role_values(role),
                **_kind_values(restriction.kind),
            )


def _check_status(
    status: StatusOfResidence, on: date, *, field: str, role: ApplicantRole
) -> Iterable[Finding]:
    if not status.exists_on(on):
        since = status.effective.since
        yield make_finding(
            "eligibility.status_not_in_force",
            field=field,
            sources=status.sources,
            on=on.isoformat(),
            since=since.isoformat() if since else "—",
            **_status_values(status),
        )
    for excluded in EXCLUDED_STATUSES:
        if excluded.status is status and excluded.effective.contains(on):
            code = (
                "eligibility.status_excluded"
                if field == "status"
                else "eligibility.desired_status_excluded"
            )
            yield make_finding(
                code, field=field, sources=excluded.sources, **_status_values(status)
            )
    for limit in STATUS_SCOPE_LIMITS:
        if (
            limit.status is status
            and limit.effective.contains(on)
            and (limit.unless_role is None or limit.unless_role is not role)
        ):
            yield make_finding(
                "eligibility.status_scope_limited",
                field=field,
                sources=limit.sources,
                note_ja=limit.note_ja,
                note_en=limit.note_en,
                **_status_values(status),
            )


def check_online_eligibility(
    kinds: Iterable[ApplicationKind | str] | ApplicationKind | str,
    *,
    on: date,
    role: ApplicantRole | str,
    status: StatusOfResidence | str | None = None,
    desired_status: StatusOfResidence | str | None = None,
    applicant_age: int | None = None,
    applicant_cannot_file: bool = False,
    registered_agent: bool = False,
    expires_on: date | None = None,
) -> Report:
    """Whether one filing (one or more procedures) can go online on ``on``.

    ``kinds`` are the procedures filed together; ``role`` is who files
    (利用者区分); ``status`` the applicant's current status and
    ``desired_status`` the one asked for; ``registered_agent`` says that a
    lawyer, gyoseishoshi or organization's staff member is a registered or
    approved filing agent (申請等取次者); ``expires_on`` is the current period
    of stay's last day.  Every reason the filing cannot go online is its own
    error; conditions the library cannot check are warnings.  Names given as
    text are parsed; unknown ones raise :class:`~nyukan_rules.UnknownNameError`.

    >>> report = check_online_eligibility(
    ...     ["extension_of_period", "reentry_permit_single"], on=date(2026, 11, 22),
    ...     role="organization_staff", registered_agent=True,
    ...     status="技術・人文知識・国際業務", expires_on=date(2027, 1, 31))
    >>> report.ok, report.codes
    (True, ())
    >>> check_online_eligibility("permanent_residence", on=date(2026, 11, 22),
    ...     role="foreign_national", status="定住者").codes
    ('eligibility.kind_not_offered',)
    """
    on = ensure_date(on, "on")
    kind_list = ApplicationKind.parse_all(kinds)
    if not kind_list:
        raise MissingInputError("kinds is empty: name at least one procedure of the filing")
    if expires_on is not None:
        expires_on = ensure_date(expires_on, "expires_on")
    if applicant_age is not None:
        applicant_age = ensure_int(applicant_age, "applicant_age", minimum=0)
    applicant_cannot_file = ensure_bool(applicant_cannot_file, "applicant_cannot_file")
    registered_agent = ensure_bool(registered_agent, "registered_agent")
    the_role = ApplicantRole.parse(role)
    current = None if status is None else StatusOfResidence.parse(status)
    desired = None if desired_status is None else StatusOfResidence.parse(desired_status)

    findings: list[Finding] = []
    if not ONLINE_SYSTEM.effective.contains(on):
        findings.append(
            make_finding(
                "eligibility.system_not_available",
                field="on",
                sources=ONLINE_SYSTEM.sources,
                on=on.isoformat(),
                since=ONLINE_START.isoformat(),
            )
        )
        return Report(findings)
    findings.extend(_check_kinds(kind_list, on))
    findings.extend(
        _check_role(
            the_role,
            kind_list,
            on,
            applicant_age=applicant_age,
            applicant_cannot_file=applicant_cannot_file,
            registered_agent=registered_agent,
        )
    )
    in_country = any(k in _IN_COUNTRY for k in kind_list)
    if current is not None:
        findings.extend(_check_status(current, on, field="status", role=the_role))
    elif in_country:
        findings.append(make_finding("eligibility.status_unknown", field="status"))
    if desired is not None:
        findings.extend(_check_status(desired, on, field="desired_status", role=the_role))
    elif any(k in _WITH_DESIRED_STATUS for k in kind_list):
        findings.append(make_finding("eligibility.desired_status_unknown", field="desired_status"))
    role_in_service = any(
        r.role is the_role and r.effective.contains(on) for r in ROLE_AVAILABILITY
    )
    if (
        the_role is R.FOREIGN_NATIONAL
        and role_in_service
        and K.CERTIFICATE_OF_ELIGIBILITY in kind_list
    ):
        findings.append(
            make_finding(
                "eligibility.applicant_abroad",
                field="role",
                sources=sources("online-no-access-from-abroad"),
            )
        )
    if expires_on is not None and in_country:
        if on == expires_on:
            findings.append(
                make_finding(
                    "eligibility.expiry_day",
                    field="expires_on",
                    sources=sources(*_EXPIRY_SOURCES),
                    expires_on=expires_on.isoformat(),
                )
            )
        elif on > expires_on:
            findings.append(
                make_finding(
                    "eligibility.expired",
                    field="expires_on",
                    sources=sources(*_EXPIRY_SOURCES),
                    expires_on=expires_on.isoformat(),
                )
            )
    return Report(findings)
