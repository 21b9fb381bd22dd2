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
from nyukan_rules.milestones import (
    CURRENT_SYSTEM_START,
    ONLINE_ROLES_EXPANDED,
    ONLINE_SYSTEM_START,
    SPECIFIED_RESIDENCE_CARD_START,
)
from nyukan_rules.report import Finding, Report
from nyukan_rules.rules import DatedRule, in_force, source_ids_of
from nyukan_rules.sources import sources

__all__ = [
    "CARD_OPTIONS",
    "EXCLUDED_STATUSES",
    "EXPIRY_DAY_RULES",
    "IN_COUNTRY_KINDS",
    "ONLINE_OFFERINGS",
    "ONLINE_SYSTEM",
    "ORGANIZATION_FILINGS",
    "RELATIVE_COE_SCOPES",
    "ROLE_AVAILABILITY",
    "ROLE_RESTRICTIONS",
    "SPECIFIED_RESIDENCE_CARD",
    "STATUS_QUESTIONS",
    "STATUS_SCOPE_LIMITS",
    "CardOption",
    "ExcludedStatus",
    "ExpiryDayRule",
    "OnlineOffering",
    "OnlineSystem",
    "OrganizationFiling",
    "RelativeCoeScope",
    "RoleAvailability",
    "RoleRestriction",
    "StatusQuestion",
    "StatusScopeLimit",
    "check_online_eligibility",
    "online_kinds",
    "organization_filings",
]

K = ApplicationKind
R = ApplicantRole
S = StatusOfResidence

ONLINE_START = ONLINE_SYSTEM_START
ROLES_2022 = ONLINE_ROLES_EXPANDED


@attrs.frozen
class OnlineSystem(DatedRule):
    """When the online system is in service at all."""


#: When the online system exists at all.
ONLINE_SYSTEM = OnlineSystem(
    effective=Effective(ONLINE_START, None), source_ids=("online-start-2019",)
)


@attrs.frozen
class OnlineOffering(DatedRule):
    """A procedure that can be filed online; ``with_one_of`` empty if on its own."""

    kind: ApplicationKind
    with_one_of: frozenset[ApplicationKind] = frozenset()


_COMPANIONS = frozenset({K.CHANGE_OF_STATUS, K.EXTENSION_OF_PERIOD, K.ACQUISITION_OF_STATUS})
_SCOPE = ("isa-online-qa", "isa-online-scope")
_SINCE_START = Effective(ONLINE_START, None)
_SINCE_2022 = Effective(ROLES_2022, None)

#: The procedures offered online.  Permanent residence has no row: counter only.
ONLINE_OFFERINGS: tuple[OnlineOffering, ...] = (
    *(
        OnlineOffering(kind, effective=_SINCE_START, source_ids=_SCOPE)
        for kind in (
            K.CERTIFICATE_OF_ELIGIBILITY,
            K.CHANGE_OF_STATUS,
            K.EXTENSION_OF_PERIOD,
            K.ACQUISITION_OF_STATUS,
            K.EMPLOYMENT_CERTIFICATE,
        )
    ),
    *(
        OnlineOffering(kind, _COMPANIONS, effective=_SINCE_START, source_ids=_SCOPE)
        for kind in (K.REENTRY_PERMIT_SINGLE, K.REENTRY_PERMIT_MULTIPLE, K.PERMISSION_FOR_ACTIVITY)
    ),
)

#: Sources for the procedures that have no online row.
NOT_OFFERED_SOURCES = ("permanent-residence-counter-only", "isa-online-qa")


@attrs.frozen
class RoleAvailability(DatedRule):
    """A role that may file online, and what it needs.

    ``needs_registered_agent``: approved or registered as a filing agent
    (申請等取次者); ``agent_requirements_suffice``: meeting the approval
    requirements is enough (organization staff, ISA Q&A note 3);
    ``applicant_under``: for relatives, only for an applicant younger than
    this (or unable to file), except for a certificate of eligibility, which
    :data:`RELATIVE_COE_SCOPES` limits by the status asked for;
    ``needs_my_number_card``: the person filing logs in with a My Number card.
    """

    role: ApplicantRole
    needs_registered_agent: bool = False
    applicant_under: int | None = None
    agent_requirements_suffice: bool = False
    needs_my_number_card: bool = False


_SELF_REGISTERED = ("online-expansion-2022", "isa-online-user-registration")
_STAFF = ("online-start-2019", "isa-online-qa")

ROLE_AVAILABILITY: tuple[RoleAvailability, ...] = (
    RoleAvailability(
        R.FOREIGN_NATIONAL,
        needs_my_number_card=True,
        effective=_SINCE_2022,
        source_ids=_SELF_REGISTERED,
    ),
    RoleAvailability(
        R.LEGAL_REPRESENTATIVE,
        needs_my_number_card=True,
        effective=_SINCE_2022,
        source_ids=_SELF_REGISTERED,
    ),
    RoleAvailability(
        R.RELATIVE,
        applicant_under=16,
        needs_my_number_card=True,
        effective=_SINCE_2022,
        source_ids=(*_SELF_REGISTERED, "isa-online-users"),
    ),
    RoleAvailability(
        R.LAWYER_OR_SCRIVENER,
        needs_registered_agent=True,
        effective=_SINCE_2022,
        source_ids=("online-expansion-2022", "isa-online-qa"),
    ),
    RoleAvailability(
        R.ORGANIZATION_STAFF,
        needs_registered_agent=True,
        agent_requirements_suffice=True,
        effective=_SINCE_START,
        source_ids=_STAFF,
    ),
    RoleAvailability(
        R.PUBLIC_INTEREST_CORPORATION_STAFF,
        needs_registered_agent=True,
        effective=_SINCE_START,
        source_ids=_STAFF,
    ),
    RoleAvailability(
        R.REGISTERED_SUPPORT_ORGANIZATION_STAFF,
        needs_registered_agent=True,
        effective=_SINCE_START,
        source_ids=_STAFF,
    ),
)


@attrs.frozen
class RelativeCoeScope(DatedRule):
    """Statuses a relative may ask for in a certificate of eligibility (ISA users' table, note 2).

    Not the applicant's age: the status applied for decides.
    """

    statuses: frozenset[StatusOfResidence]


RELATIVE_COE_SCOPES: tuple[RelativeCoeScope, ...] = (
    RelativeCoeScope(
        frozenset(
            {
                S.CULTURAL_ACTIVITIES,
                S.STUDENT,
                S.DEPENDENT,
                S.DESIGNATED_ACTIVITIES,  # the family designations only (a scope warning says so)
                S.SPOUSE_OR_CHILD_OF_JAPANESE_NATIONAL,
            }
        ),
        effective=_SINCE_2022,
        source_ids=("isa-online-users-note-2",),
    ),
    # The captured table stops after 日本人の配偶者等; the other family statuses
    # probably follow.  Not read: only with include_single_source=True.
    RelativeCoeScope(
        frozenset({S.SPOUSE_OR_CHILD_OF_PERMANENT_RESIDENT, S.LONG_TERM_RESIDENT}),
        effective=_SINCE_2022,
        source_ids=("isa-online-users-note-2-uncaptured",),
    ),
)


@attrs.frozen
class RoleRestriction(DatedRule):
    """A procedure a role may not file online."""

    role: ApplicantRole
    kind: ApplicationKind


ROLE_RESTRICTIONS: tuple[RoleRestriction, ...] = tuple(
    RoleRestriction(R.RELATIVE, kind, effective=_SINCE_2022, source_ids=("isa-online-users",))
    for kind in (K.EMPLOYMENT_CERTIFICATE, K.PERMISSION_FOR_ACTIVITY)
)


@attrs.frozen
class ExcludedStatus(DatedRule):
    """A status whose holders, or those asking for it, cannot file online."""

    status: StatusOfResidence


EXCLUDED_STATUSES: tuple[ExcludedStatus, ...] = tuple(
    ExcludedStatus(s, effective=_SINCE_START, source_ids=_SCOPE)
    for s in (S.DIPLOMAT, S.TEMPORARY_VISITOR, S.DESIGNATED_ACTIVITIES_DEPARTURE_PREPARATION)
)


@attrs.frozen
class StatusScopeLimit(DatedRule):
    """A condition on online filing for one status (a warning: the caller must check it)."""

    status: StatusOfResidence
    note_ja: str
    note_en: str
    unless_role: ApplicantRole | None = None


_SUPERVISED = (
    S.TECHNICAL_INTERN_TRAINING_1_B,
    S.TECHNICAL_INTERN_TRAINING_2_B,
    S.TECHNICAL_INTERN_TRAINING_3_B,
)
_SCOPE_PDF = ("isa-online-scope",)

STATUS_SCOPE_LIMITS: tuple[StatusScopeLimit, ...] = (
    *(
        StatusScopeLimit(
            s,
            "団体監理型の技能実習は、監理団体の職員のみがオンライン申請できます。",
            "supervised technical intern training is filed online only by the"
            " supervising organization's staff.",
            R.ORGANIZATION_STAFF,
            effective=_SINCE_START,
            source_ids=_SCOPE_PDF,
        )
        for s in _SUPERVISED
    ),
    StatusScopeLimit(
        S.DEPENDENT,
        "扶養者がオンライン申請の対象となる在留資格であることが必要です。",
        "the supporting family member's own status must be within the online scope.",
        effective=_SINCE_START,
        source_ids=_SCOPE_PDF,
    ),
    StatusScopeLimit(
        S.DESIGNATED_ACTIVITIES,
        "対象となる告示の番号が限られ、手続ごとに例外があります。",
        "only some designations (告示) are in scope, with exceptions per procedure.",
        effective=_SINCE_START,
        source_ids=_SCOPE_PDF,
    ),
)


@attrs.frozen
class StatusQuestion(DatedRule):
    """Procedures whose online scope turns on a status: the one held (``field="status"``)
    or the one asked for (``field="desired_status"``)."""

    field: str
    kinds: frozenset[ApplicationKind]


#: Procedures filed by someone already in Japan on a period of stay (all but the
#: certificate of eligibility): the status held and the expiry day matter.
IN_COUNTRY_KINDS = frozenset(set(K) - {K.CERTIFICATE_OF_ELIGIBILITY})

STATUS_QUESTIONS: tuple[StatusQuestion, ...] = (
    StatusQuestion("status", IN_COUNTRY_KINDS, effective=_SINCE_START, source_ids=_SCOPE),
    StatusQuestion(
        "desired_status",
        frozenset({K.CERTIFICATE_OF_ELIGIBILITY, K.CHANGE_OF_STATUS, K.ACQUISITION_OF_STATUS}),
        effective=_SINCE_START,
        source_ids=_SCOPE,
    ),
)


@attrs.frozen
class ExpiryDayRule(DatedRule):
    """Online, these procedures cannot be filed on the expiry day itself, nor after it."""

    kinds: frozenset[ApplicationKind]


EXPIRY_DAY_RULES: tuple[ExpiryDayRule, ...] = (
    ExpiryDayRule(
        IN_COUNTRY_KINDS, effective=_SINCE_START, source_ids=("online-not-on-expiry-day",)
    ),
)


@attrs.frozen
class CardOption(DatedRule):
    """A kind of residence card an applicant may ask for with an application.

    ``online`` says whether it can be asked for through the online system.
    """

    code: str
    ja: str
    en: str
    online: bool


#: The 特定在留カード (residence card combined with the My Number card), from
#: 2026-06-14; for now asked for at a counter only.
SPECIFIED_RESIDENCE_CARD = CardOption(
    "specified_residence_card",
    "特定在留カード",
    "specified residence card (combined with the My Number card)",
    online=False,
    effective=Effective(SPECIFIED_RESIDENCE_CARD_START, None),
    source_ids=("isa-specified-residence-card", "specified-card-not-online"),
)
CARD_OPTIONS: tuple[CardOption, ...] = (SPECIFIED_RESIDENCE_CARD,)


@attrs.frozen
class OrganizationFiling(DatedRule):
    """A document the staff of ``roles`` file on each of ``occasions``.

    Occasions: ``new_request`` (a new 利用申出 for an organization) and
    ``periodic_report`` (定期報告).  For document checklists: this module
    only records the rule.
    """

    roles: frozenset[ApplicantRole]
    occasions: tuple[str, ...]
    document_ja: str
    document_en: str


#: From 2026-01-05: the 利用者別誓約機関一覧表 (別記第2号様式の(3)).
ORGANIZATION_FILINGS: tuple[OrganizationFiling, ...] = (
    OrganizationFiling(
        frozenset({R.REGISTERED_SUPPORT_ORGANIZATION_STAFF, R.PUBLIC_INTEREST_CORPORATION_STAFF}),
        ("new_request", "periodic_report"),
        "利用者別誓約機関一覧表（別記第2号様式の(3)）",
        "list of pledged organizations per user (form 2-(3))",
        effective=Effective(CURRENT_SYSTEM_START, None),
        source_ids=("pledged-organizations-list",),
    ),
)

_EXPIRY_SOURCES = ("online-not-on-expiry-day",)


def organization_filings(
    role: ApplicantRole | str, *, on: date, include_single_source: bool = False
) -> tuple[OrganizationFiling, ...]:
    """The documents staff of ``role`` file with a new request or a periodic report on ``on``.

    >>> [f.document_ja for f in organization_filings(
    ...     "registered_support_organization_staff", on=date(2026, 11, 22))]
    ['利用者別誓約機関一覧表（別記第2号様式の(3)）']
    """
    the_role = ApplicantRole.parse(role)
    on = ensure_date(on, "on")
    include_single_source = ensure_bool(include_single_source, "include_single_source")
    return tuple(
        f
        for f in in_force(ORGANIZATION_FILINGS, on, include_single_source=include_single_source)
        if the_role in f.roles
    )


def online_kinds(on: date) -> tuple[ApplicationKind, ...]:
    """The procedures that can be filed online on ``on`` (some only with a companion).

    >>> ApplicationKind.PERMANENT_RESIDENCE in online_kinds(date(2026, 11, 22))
    False
    """
    on = ensure_date(on, "on")
    return tuple(o.kind for o in in_force(ONLINE_OFFERINGS, on))


class _KindValues(TypedDict):
    kind: ApplicationKind


class _StatusValues(TypedDict):
    status: StatusOfResidence


class _RoleValues(TypedDict):
    role: ApplicantRole


def _kind_values(kind: ApplicationKind) -> _KindValues:
    return {"kind": kind}


def _status_values(status: StatusOfResidence) -> _StatusValues:
    return {"status": status}


def _role_values(role: ApplicantRole) -> _RoleValues:
    return {"role": role}


def _check_kinds(kinds: tuple[ApplicationKind, ...], on: date) -> Iterable[Finding]:
    offered = {o.kind: o for o in in_force(ONLINE_OFFERINGS, on)}
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
    meets_agent_requirements: bool,
) -> Iterable[Finding]:
    rows = [r for r in ROLE_AVAILABILITY if r.role is role]
    current = [r for r in in_force(ROLE_AVAILABILITY, on) if r.role is role]
    if not current:
        since = min((r.effective.since for r in rows if r.effective.since), default=None)
        yield make_finding(
            "eligibility.role_not_available",
            field="role",
            sources=[s for r in rows for s in r.sources],
            on=on,
            since=since or "—",
            **_role_values(role),
        )
        return
    row = current[0]
    agent = registered_agent or (row.agent_requirements_suffice and meets_agent_requirements)
    if row.needs_registered_agent and not agent:
        yield make_finding(
            "eligibility.agent_not_registered",
            field="registered_agent",
            sources=row.sources,
            **_role_values(role),
        )
    # A relative's certificate of eligibility is limited by the status asked
    # for (users' table, note 2), not by age: see _check_relative_coe.
    age_limited = any(k is not K.CERTIFICATE_OF_ELIGIBILITY for k in kinds)
    if row.applicant_under is not None and not applicant_cannot_file and age_limited:
        if applicant_age is None:
            yield make_finding(
                "eligibility.relative_condition_unknown", field="applicant_age", sources=row.sources
            )
        elif applicant_age >= row.applicant_under:
            yield make_finding(
                "eligibility.relative_condition", field="applicant_age", sources=row.sources
            )
    for restriction in in_force(ROLE_RESTRICTIONS, on):
        if restriction.role is role and restriction.kind in kinds:
            yield make_finding(
                "eligibility.role_not_for_kind",
                field="role",
                sources=restriction.sources,
                **_role_values(role),
                **_kind_values(restriction.kind),
            )


def _check_role_needs(
    role: ApplicantRole,
    kinds: tuple[ApplicationKind, ...],
    on: date,
    *,
    desired: StatusOfResidence | None,
    has_my_number_card: bool | None,
    include_single_source: bool,
) -> Iterable[Finding]:
    """A relative's certificate of eligibility by the status asked for; the My Number card."""
    rows = [r for r in in_force(ROLE_AVAILABILITY, on) if r.role is role]
    if not rows:
        return
    row = rows[0]
    if row.needs_my_number_card and has_my_number_card is False:
        yield make_finding(
            "eligibility.my_number_card_required",
            field="has_my_number_card",
            sources=sources("isa-online-user-registration"),
            role=role,
        )
    if row.applicant_under is None or K.CERTIFICATE_OF_ELIGIBILITY not in kinds:
        return
    scopes = in_force(RELATIVE_COE_SCOPES, on, include_single_source=include_single_source)
    used = sources(*source_ids_of(*scopes)) if scopes else sources("isa-online-users")
    if desired is None:
        yield make_finding(
            "eligibility.relative_coe_status_unknown", field="desired_status", sources=used
        )
    elif not any(desired in scope.statuses for scope in scopes):
        yield make_finding(
            "eligibility.relative_coe_status", field="desired_status", sources=used, status=desired
        )


def _check_card_options(on: date, *, specified_residence_card: bool) -> Iterable[Finding]:
    if not specified_residence_card:
        return
    card = SPECIFIED_RESIDENCE_CARD
    if not in_force((card,), on):
        yield make_finding(
            "eligibility.specified_card_not_available",
            field="specified_residence_card",
            sources=card.sources,
            on=on,
            since=SPECIFIED_RESIDENCE_CARD_START,
        )
    elif not card.online:
        yield make_finding(
            "eligibility.specified_card_counter_only",
            field="specified_residence_card",
            sources=card.sources,
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
            on=on,
            since=since or "—",
            **_status_values(status),
        )
    for excluded in in_force(EXCLUDED_STATUSES, on):
        if excluded.status is status:
            code = (
                "eligibility.status_excluded"
                if field == "status"
                else "eligibility.desired_status_excluded"
            )
            yield make_finding(
                code, field=field, sources=excluded.sources, **_status_values(status)
            )
    for limit in in_force(STATUS_SCOPE_LIMITS, on):
        if limit.status is status and (limit.unless_role is None or limit.unless_role is not role):
            yield make_finding(
                "eligibility.status_scope_limited",
                field=field,
                sources=limit.sources,
                note=limit.note_ja,
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
    meets_agent_requirements: bool = False,
    has_my_number_card: bool | None = None,
    specified_residence_card: bool = False,
    include_single_source: bool = False,
) -> Report:
    """Whether one filing (one or more procedures) can go online on ``on``.

    ``kinds`` are the procedures filed together; ``role`` is who files
    (利用者区分); ``status`` the applicant's current status and
    ``desired_status`` the one asked for; ``registered_agent`` says that a
    lawyer, gyoseishoshi or organization's staff member is a registered or
    approved filing agent (申請等取次者), and ``meets_agent_requirements``
    that an organization's staff member meets the approval requirements,
    which is enough for them (ISA Q&A note 3); ``expires_on`` is the current
    period of stay's last day.  ``has_my_number_card=False`` says that the
    foreign national, legal representative or relative filing has no My
    Number card, which they need to log in; ``specified_residence_card=True``
    that the applicant asks for a 特定在留カード, which cannot be asked for
    online for now.  A relative may file a certificate of eligibility only
    for the statuses of the agency's users' table (its note 2), whatever the
    applicant's age.  ``include_single_source=True`` lets rules known from
    one source answer too.  Every reason the filing cannot go online is its own
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
        raise MissingInputError(
            "kinds is empty: name at least one procedure of the filing",
            code="argument.empty",
            params={"name": "kinds"},
        )
    if expires_on is not None:
        expires_on = ensure_date(expires_on, "expires_on")
    if applicant_age is not None:
        applicant_age = ensure_int(applicant_age, "applicant_age", minimum=0)
    applicant_cannot_file = ensure_bool(applicant_cannot_file, "applicant_cannot_file")
    registered_agent = ensure_bool(registered_agent, "registered_agent")
    meets_agent_requirements = ensure_bool(meets_agent_requirements, "meets_agent_requirements")
    if has_my_number_card is not None:
        has_my_number_card = ensure_bool(has_my_number_card, "has_my_number_card")
    specified_residence_card = ensure_bool(specified_residence_card, "specified_residence_card")
    include_single_source = ensure_bool(include_single_source, "include_single_source")
    the_role = ApplicantRole.parse(role)
    current = None if status is None else StatusOfResidence.parse(status)
    desired = None if desired_status is None else StatusOfResidence.parse(desired_status)

    findings: list[Finding] = []
    if not in_force((ONLINE_SYSTEM,), on):
        findings.append(
            make_finding(
                "eligibility.system_not_available",
                field="on",
                sources=ONLINE_SYSTEM.sources,
                on=on,
                since=ONLINE_START,
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
            meets_agent_requirements=meets_agent_requirements,
        )
    )
    findings.extend(
        _check_role_needs(
            the_role,
            kind_list,
            on,
            desired=desired,
            has_my_number_card=has_my_number_card,
            include_single_source=include_single_source,
        )
    )
    findings.extend(_check_card_options(on, specified_residence_card=specified_residence_card))
    asks = {q.field: q for q in in_force(STATUS_QUESTIONS, on) if q.kinds & set(kind_list)}
    in_country = "status" in asks
    if current is not None:
        findings.extend(_check_status(current, on, field="status", role=the_role))
    elif in_country:
        findings.append(make_finding("eligibility.status_unknown", field="status"))
    if desired is not None:
        findings.extend(_check_status(desired, on, field="desired_status", role=the_role))
    elif "desired_status" in asks:
        findings.append(make_finding("eligibility.desired_status_unknown", field="desired_status"))
    role_in_service = any(r.role is the_role for r in in_force(ROLE_AVAILABILITY, on))
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
    expiry_rules = [r for r in in_force(EXPIRY_DAY_RULES, on) if r.kinds & set(kind_list)]
    if expires_on is not None and expiry_rules:
        if on == expires_on:
            findings.append(
                make_finding(
                    "eligibility.expiry_day",
                    field="expires_on",
                    sources=sources(*_EXPIRY_SOURCES),
                    expires_on=expires_on,
                )
            )
        elif on > expires_on:
            findings.append(
                make_finding(
                    "eligibility.expired",
                    field="expires_on",
                    sources=sources(*_EXPIRY_SOURCES),
                    expires_on=expires_on,
                )
            )
    return Report(findings)
