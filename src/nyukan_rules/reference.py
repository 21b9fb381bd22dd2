"""The rules reference and the list of finding codes, as Markdown.

The docs site is built from these functions (see ``docs/hooks.py``), so the
published reference is the tables themselves and cannot drift from them.
They are plain functions of the tables: useful in a notebook too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from nyukan_rules.catalog import ApplicationKind, Channel, StatusOfResidence
from nyukan_rules.deadlines import (
    ID_TERMS,
    PERIODIC_REPORT_RULES,
    RENEWAL_OPENINGS,
    SPECIAL_PERIOD_RULES,
)
from nyukan_rules.eligibility import (
    CARD_OPTIONS,
    EXCLUDED_STATUSES,
    EXPIRY_DAY_RULES,
    ONLINE_OFFERINGS,
    ONLINE_SYSTEM,
    ORGANIZATION_FILINGS,
    RELATIVE_COE_SCOPES,
    ROLE_AVAILABILITY,
    ROLE_RESTRICTIONS,
    STATUS_QUESTIONS,
    STATUS_SCOPE_LIMITS,
    RoleAvailability,
)
from nyukan_rules.fees import (
    FEE_SCHEDULES,
    HARDSHIP_REDUCTIONS,
    PAYMENT_CHARGES,
    PAYMENT_RULES,
)
from nyukan_rules.files import EDITION_LIMITS
from nyukan_rules.files.photo import PHOTO_EXEMPTIONS
from nyukan_rules.messages import MESSAGES
from nyukan_rules.messages.render import template
from nyukan_rules.milestones import MILESTONES
from nyukan_rules.rules import DatedRule, SourcedRule
from nyukan_rules.sources import SOURCES, sources
from nyukan_rules.text import FIELD_RULES, CharClass

__all__ = ["codes_markdown", "rules_markdown", "sources_markdown"]

Row = TypeVar("Row", bound=SourcedRule)


def _refs(ids: Iterable[str]) -> str:
    return ", ".join(f"[{s.id}](#{s.id}) ({s.confidence.value})" for s in sources(*ids))


def _table(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return [*lines, ""]


def _rules(header: list[str], rows: Iterable[Row], cells: Callable[[Row], list[str]]) -> list[str]:
    """A table of rule rows: ``cells`` of each, then when it is in force (dated
    rows; a schedule's own rows follow their schedule) and its sources.

    Every rule table of the reference goes through here, so each shows its
    rows' periods and sources the same way.
    """
    table = tuple(rows)
    dated = any(isinstance(row, DatedRule) for row in table)
    return _table(
        [*header, *(["in force"] if dated else []), "sources"],
        (
            [
                *cells(row),
                *(
                    [str(row.effective) if isinstance(row, DatedRule) else "always"]
                    if dated
                    else []
                ),
                _refs(row.source_ids),
            ]
            for row in table
        ),
    )


def _yen(value: int) -> str:
    return f"{value:,}"


def _kind(kind: ApplicationKind) -> str:
    return f"{kind.ja}<br>`{kind.value}`"


def _kinds(kinds: Iterable[ApplicationKind]) -> str:
    return ", ".join(k.value for k in ApplicationKind if k in set(kinds))


def _status(status: StatusOfResidence) -> str:
    return f"{status.ja} (`{status.value}`)"


def _fees() -> list[str]:
    out: list[str] = ["## Fee schedules", ""]
    out += _rules(
        ["schedule", "title"], FEE_SCHEDULES, lambda s: [s.id, f"{s.title_ja}<br>{s.title_en}"]
    )
    kind_order, channel_order = list(ApplicationKind), list(Channel)
    for schedule in FEE_SCHEDULES:
        out += [f"### Fees of schedule {schedule.id} ({schedule.effective})", ""]
        rows = sorted(
            schedule.rows,
            key=lambda r: (kind_order.index(r.kind), channel_order.index(r.channel)),
        )
        out += _rules(
            ["procedure", "channel", "period granted", "yen"],
            rows,
            lambda r: [
                _kind(r.kind),
                r.channel.value,
                f"{r.band.ja} ({r.band.en})" if r.band else "—",
                _yen(r.yen),
            ],
        )
        offered = {(r.kind, r.channel) for r in schedule.rows}
        missing = [
            f"{k.value} ({c.value})"
            for k in kind_order
            for c in channel_order
            if (k, c) not in offered
        ]
        if missing:
            out += [f"Not offered: {', '.join(missing)}.", ""]
    out += ["### How fees are paid", ""]
    out += _rules(["channel", "payment"], PAYMENT_RULES, lambda r: [r.channel.value, r.payment.en])
    out += ["### Optional facts (one source only; used only when asked for)", ""]
    out += _rules(
        ["online payment charge", "procedure", "yen"],
        PAYMENT_CHARGES,
        lambda c: [c.band.en if c.band else "—", c.kind.value, _yen(c.yen)],
    )
    out += _rules(
        ["hardship reduction", "procedure", "yen"],
        HARDSHIP_REDUCTIONS,
        lambda r: [r.channel.value, r.kind.value, _yen(r.yen)],
    )
    return out


def _role_condition(r: RoleAvailability) -> str:
    conditions = [
        "registered filing agent (申請等取次者)"
        + (" or meeting its approval requirements" if r.agent_requirements_suffice else "")
        if r.needs_registered_agent
        else "",
        f"applicant under {r.applicant_under} or unable to file (certificate of eligibility:"
        " by the status asked for)"
        if r.applicant_under
        else "",
        "a My Number card" if r.needs_my_number_card else "",
    ]
    return "; ".join(c for c in conditions if c) or "—"


def _eligibility() -> list[str]:
    out: list[str] = ["## Online eligibility", ""]
    out += _rules(["the online system"], [ONLINE_SYSTEM], lambda _: ["in service"])
    out += _rules(
        ["procedure offered online", "condition"],
        ONLINE_OFFERINGS,
        lambda o: [
            _kind(o.kind),
            f"only with {_kinds(o.with_one_of)}" if o.with_one_of else "on its own",
        ],
    )
    out += _rules(
        ["role", "condition"],
        ROLE_AVAILABILITY,
        lambda r: [f"{r.role.ja}<br>`{r.role.value}`", _role_condition(r)],
    )
    out += _rules(
        ["a relative may file a certificate of eligibility for"],
        RELATIVE_COE_SCOPES,
        lambda r: [", ".join(_status(s) for s in StatusOfResidence if s in r.statuses)],
    )
    out += _rules(
        ["role", "may not file online"],
        ROLE_RESTRICTIONS,
        lambda r: [r.role.value, r.kind.value],
    )
    out += _rules(
        ["status excluded from online filing (held or asked for)"],
        EXCLUDED_STATUSES,
        lambda e: [_status(e.status)],
    )
    out += _rules(
        ["status with a condition (warning)", "condition"],
        STATUS_SCOPE_LIMITS,
        lambda s: [_status(s.status), s.note_en],
    )
    out += _rules(
        ["status asked about", "for procedures"],
        STATUS_QUESTIONS,
        lambda q: [q.field, _kinds(q.kinds)],
    )
    out += _rules(
        ["not online on the expiry day or after it"],
        EXPIRY_DAY_RULES,
        lambda r: [_kinds(r.kinds)],
    )
    out += _rules(
        ["card", "can be asked for online"],
        CARD_OPTIONS,
        lambda c: [f"{c.ja} ({c.en})", "yes" if c.online else "no: at a counter"],
    )
    out += _rules(
        ["organization staff file", "roles", "with"],
        ORGANIZATION_FILINGS,
        lambda f: [
            f"{f.document_ja}<br>{f.document_en}",
            ", ".join(sorted(r.value for r in f.roles)),
            ", ".join(f.occasions),
        ],
    )
    return out


def _statuses() -> list[str]:
    out: list[str] = ["## Statuses of residence", ""]
    out += _table(
        ["status", "code", "legal status", "work", "exists"],
        (
            [s.ja, f"`{s.value}`", s.legal_status, s.work.value, str(s.effective)]
            for s in StatusOfResidence
        ),
    )
    out += [
        "Sources: "
        + _refs(["statuses-of-residence", "status-work-categories", "status-reform-2027"])
        + ".",
        "",
    ]
    return out


def _deadlines() -> list[str]:
    out: list[str] = ["## Deadlines", ""]
    out += _rules(
        ["period of stay", "an extension may be filed from"],
        RENEWAL_OPENINGS,
        lambda o: [
            o.band.en,
            f"{o.months_before} months before expiry"
            if o.months_before
            else "the period's first day"
            if not o.fraction_elapsed
            else f"{o.fraction_elapsed:.0%} of the period elapsed",
        ],
    )
    out += _rules(
        ["special period after", "length", "not for"],
        SPECIAL_PERIOD_RULES,
        lambda r: [
            _kinds(r.kinds),
            f"{r.months} months after expiry (Civil Code counting)",
            f"a period of stay of {r.excluded_band.en}",
        ],
    )
    out += _rules(
        ["organization ID term", "years"],
        ID_TERMS,
        lambda t: ["from approval or periodic report", str(t.years)],
    )
    out += _rules(
        ["periodic report due", "ISA's notice"],
        PERIODIC_REPORT_RULES,
        lambda r: [
            f"{r.due_months_before} month(s) before the ID expires",
            f"{r.notice_months_before} months before",
        ],
    )
    return out


def _fields_and_files() -> list[str]:
    out: list[str] = ["## Field formats", ""]
    out += _table(
        ["field kind", "classes", "length (UTF-16 units)", "shape", "in force", "sources"],
        (
            [
                f"{kind.ja}<br>`{kind.value}`",
                "、".join(c.ja for c in sorted(rule.classes, key=list(CharClass).index)),
                f"{'exactly' if rule.exact_length else 'at most'} {rule.max_length}",
                rule.expected_en,
                str(rule.effective),
                _refs(rule.source_ids),
            ]
            for kind, rule in FIELD_RULES.items()
        ),
    )
    out += ["## Files", ""]
    out += _rules(
        ["edition", "files", "bytes", "photo counted"],
        EDITION_LIMITS,
        lambda e: [
            f"{e.edition.ja}<br>`{e.edition.value}`",
            f"{e.max_files}" + (" (one PDF)" if e.single_pdf else ""),
            f"{e.max_total_bytes:,}",
            "yes" if e.photo_in_total else "no",
        ],
    )
    out += _rules(
        ["face photo: applicants younger than", "exempt for"],
        PHOTO_EXEMPTIONS,
        lambda x: [
            str(x.under_age),
            _kinds(x.kinds)
            + (
                " (a certificate of eligibility for "
                + ", ".join(
                    _status(s) for s in StatusOfResidence if s in x.coe_statuses_needing_photo
                )
                + " still needs one)"
                if x.coe_statuses_needing_photo
                else ""
            ),
        ],
    )
    return out


def _milestones() -> list[str]:
    out: list[str] = ["## Named dates", ""]
    out += _table(
        ["name", "day", "sources"],
        ([f"`{name}`", m.day.isoformat(), _refs(m.source_ids)] for name, m in MILESTONES.items()),
    )
    return out


def rules_markdown() -> str:
    """Every rule table, with its effective period, sources and confidence."""
    return "\n".join(
        [
            *_fees(),
            *_eligibility(),
            *_statuses(),
            *_deadlines(),
            *_fields_and_files(),
            *_milestones(),
        ]
    )


def sources_markdown() -> str:
    """Every source, with its address and confidence."""
    out = _table(
        ["id", "confidence", "what", "address"],
        (
            [f'<span id="{s.id}"></span>`{s.id}`', s.confidence.value, s.title, f"<{s.address}>"]
            for s in SOURCES.values()
        ),
    )
    return "\n".join(out)


def codes_markdown() -> str:
    """Every finding code with its usual severity and both messages."""
    return "\n".join(
        _table(
            ["code", "severity", "English", "日本語"],
            (
                [f"`{code}`", m.severity.value, template(code, "en"), m.ja]
                for code, m in sorted(MESSAGES.items())
            ),
        )
    )
