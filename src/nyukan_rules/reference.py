"""The rules reference and the list of finding codes, as Markdown.

The docs site is built from these functions (see ``docs/hooks.py``), so the
published reference is the tables themselves and cannot drift from them.
They are plain functions of the tables: useful in a notebook too.
"""

from __future__ import annotations

from collections.abc import Iterable

from nyukan_rules.catalog import ApplicationKind, Channel, StatusOfResidence
from nyukan_rules.deadlines import ID_TERMS, RENEWAL_OPENINGS, SPECIAL_PERIOD_RULES
from nyukan_rules.eligibility import (
    EXCLUDED_STATUSES,
    ONLINE_OFFERINGS,
    ONLINE_SYSTEM,
    ROLE_AVAILABILITY,
    ROLE_RESTRICTIONS,
    STATUS_SCOPE_LIMITS,
)
from nyukan_rules.fees import (
    FEE_ROWS,
    FEE_SCHEDULES,
    HARDSHIP_REDUCTIONS,
    PAYMENT_CHARGES,
    PAYMENT_RULES,
)
from nyukan_rules.files import EDITION_LIMITS
from nyukan_rules.files.photo import PHOTO_EXEMPTIONS
from nyukan_rules.messages import MESSAGES
from nyukan_rules.sources import SOURCES, sources
from nyukan_rules.text import FIELD_RULES, CharClass

__all__ = ["codes_markdown", "rules_markdown", "sources_markdown"]


def _refs(ids: Iterable[str]) -> str:
    return ", ".join(f"[{s.id}](#{s.id}) ({s.confidence.value})" for s in sources(*ids))


def _table(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return [*lines, ""]


def _yen(value: int) -> str:
    return f"{value:,}"


def rules_markdown() -> str:
    """Every rule table, with its effective period, sources and confidence."""
    out: list[str] = ["## Fee schedules", ""]
    out += _table(
        ["schedule", "applications accepted", "title", "sources"],
        (
            [s.id, str(s.effective), f"{s.title_ja}<br>{s.title_en}", _refs(s.source_ids)]
            for s in FEE_SCHEDULES
        ),
    )
    for schedule in FEE_SCHEDULES:
        out += [f"### Fees of schedule {schedule.id} ({schedule.effective})", ""]
        rows = []
        for kind in ApplicationKind:
            for channel in Channel:
                for row in FEE_ROWS:
                    if row.schedule == schedule.id and row.kind is kind and row.channel is channel:
                        rows.append(
                            [
                                f"{kind.ja}<br>`{kind.value}`",
                                channel.value,
                                f"{row.band.ja} ({row.band.en})" if row.band else "—",
                                _yen(row.yen),
                                _refs(row.source_ids),
                            ]
                        )
        out += _table(["procedure", "channel", "period granted", "yen", "sources"], rows)
        offered = {(r.kind, r.channel) for r in FEE_ROWS if r.schedule == schedule.id}
        missing = [
            f"{k.value} ({c.value})"
            for k in ApplicationKind
            for c in Channel
            if (k, c) not in offered
        ]
        if missing:
            out += [f"Not offered: {', '.join(missing)}.", ""]
    out += ["### How fees are paid", ""]
    out += _table(
        ["channel", "effective", "payment", "sources"],
        (
            [r.channel.value, str(r.effective), r.payment.en, _refs(r.source_ids)]
            for r in PAYMENT_RULES
        ),
    )
    out += ["### Optional facts (one source only; used only when asked for)", ""]
    out += _table(
        ["fact", "procedure", "effective", "yen", "sources"],
        [
            *(
                [
                    "online payment charge" + (f", {c.band.en}" if c.band else ""),
                    c.kind.value,
                    str(c.effective),
                    _yen(c.yen),
                    _refs(c.source_ids),
                ]
                for c in PAYMENT_CHARGES
            ),
            *(
                [
                    f"hardship reduction ({r.channel.value})",
                    r.kind.value,
                    str(r.effective),
                    _yen(r.yen),
                    _refs(r.source_ids),
                ]
                for r in HARDSHIP_REDUCTIONS
            ),
        ],
    )
    out += ["## Online eligibility", ""]
    out += [
        f"The online system is in service {ONLINE_SYSTEM.effective}"
        f" ({_refs(ONLINE_SYSTEM.source_ids)}).",
        "",
    ]
    out += _table(
        ["procedure offered online", "effective", "condition", "sources"],
        (
            [
                f"{o.kind.ja}<br>`{o.kind.value}`",
                str(o.effective),
                "only with " + ", ".join(sorted(k.value for k in o.with_one_of))
                if o.with_one_of
                else "on its own",
                _refs(o.source_ids),
            ]
            for o in ONLINE_OFFERINGS
        ),
    )
    out += _table(
        ["role", "may file online", "condition", "sources"],
        (
            [
                f"{r.role.ja}<br>`{r.role.value}`",
                str(r.effective),
                "; ".join(
                    c
                    for c in (
                        "registered filing agent (申請等取次者)"
                        if r.needs_registered_agent
                        else "",
                        f"applicant under {r.applicant_under} or unable to file"
                        if r.applicant_under
                        else "",
                    )
                    if c
                )
                or "—",
                _refs(r.source_ids),
            ]
            for r in ROLE_AVAILABILITY
        ),
    )
    out += _table(
        ["role", "may not file online", "effective", "sources"],
        (
            [r.role.value, r.kind.value, str(r.effective), _refs(r.source_ids)]
            for r in ROLE_RESTRICTIONS
        ),
    )
    out += _table(
        ["status excluded from online filing (held or asked for)", "effective", "sources"],
        (
            [f"{e.status.ja} (`{e.status.value}`)", str(e.effective), _refs(e.source_ids)]
            for e in EXCLUDED_STATUSES
        ),
    )
    out += _table(
        ["status with a condition (warning)", "condition", "sources"],
        (
            [f"{s.status.ja} (`{s.status.value}`)", s.note_en, _refs(s.source_ids)]
            for s in STATUS_SCOPE_LIMITS
        ),
    )
    out += ["## Statuses of residence", ""]
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
    out += ["## Deadlines", ""]
    out += _table(
        ["period of stay", "an extension may be filed from", "sources"],
        (
            [
                o.band.en,
                f"{o.months_before} months before expiry"
                if o.months_before
                else f"{o.fraction_elapsed:.0%} of the period elapsed",
                _refs(o.source_ids),
            ]
            for o in RENEWAL_OPENINGS
        ),
    )
    out += _table(
        ["special period after", "length", "not for", "sources"],
        (
            [
                ", ".join(sorted(k.value for k in r.kinds)),
                f"{r.months} months after expiry (Civil Code counting)",
                f"a period of stay of {r.excluded_band.en}",
                _refs(r.source_ids),
            ]
            for r in SPECIAL_PERIOD_RULES
        ),
    )
    out += _table(
        ["organization ID term", "effective", "years", "sources"],
        (
            [
                "from approval or periodic report",
                str(t.effective),
                str(t.years),
                _refs(t.source_ids),
            ]
            for t in ID_TERMS
        ),
    )
    out += ["## Field formats", ""]
    out += _table(
        ["field kind", "classes", "length (UTF-16 units)", "shape", "effective", "sources"],
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
    out += _table(
        ["edition", "in service", "files", "bytes", "photo counted", "sources"],
        (
            [
                f"{e.edition.ja}<br>`{e.edition.value}`",
                str(e.effective),
                f"{e.max_files}" + (" (one PDF)" if e.single_pdf else ""),
                f"{e.max_total_bytes:,}",
                "yes" if e.photo_in_total else "no",
                _refs(e.source_ids),
            ]
            for e in EDITION_LIMITS
        ),
    )
    out += _table(
        ["face photo: applicants younger than", "exempt while", "sources"],
        ([str(x.under_age), str(x.effective), _refs(x.source_ids)] for x in PHOTO_EXEMPTIONS),
    )
    return "\n".join(out)


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
            ([f"`{code}`", m.severity.value, m.en, m.ja] for code, m in sorted(MESSAGES.items())),
        )
    )
