"""The document tables as Markdown, for the generated rules reference."""

from __future__ import annotations

from collections.abc import Iterable

from nyukan_rules.documents._model import DocumentRow
from nyukan_rules.documents._tables import (
    AFTER_FILING,
    CATEGORY_THRESHOLDS,
    COMMON_DOCUMENTS,
    DOCUMENT_TABLES,
    ORGANIZATION_DOCUMENTS,
    ORGANIZATION_PREREQUISITES,
)
from nyukan_rules.sources import sources

__all__ = ["documents_reference_markdown"]


def _refs(ids: Iterable[str]) -> str:
    return ", ".join(f"[{s.id}](#{s.id}) ({s.confidence.value})" for s in sources(*ids))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _document_rows(rows: Iterable[DocumentRow]) -> list[list[str]]:
    return [
        [
            f"`{r.id}`",
            f"{r.name_ja}<br>{r.name_en}",
            ", ".join(k.value for k in r.kinds) or "—",
            r.prepared_by.value,
            r.online.value,
            f"{r.condition_ja}<br>{r.condition_en}"
            + (f" ({r.level.value})" if r.level.value != "required" else ""),
            str(r.effective),
            r.seen.isoformat(),
            _refs(r.source_ids),
        ]
        for r in rows
    ]


_HEADER = [
    "id",
    "document",
    "procedures",
    "prepared by",
    "online",
    "condition",
    "in force",
    "seen",
    "sources",
]


def documents_reference_markdown() -> str:
    """Every document table, with its period, the day its sources were seen and the sources.

    >>> documents_reference_markdown().startswith("## Documents to attach")
    True
    """
    out = [
        "## Documents to attach",
        "",
        "The agency's minimum lists: it may ask for more documents. The library informs;"
        " it does not prepare documents for a fee. Rows of a single source (confidence"
        " `single`) enter an answer only with `include_single_source=True`.",
        "",
        "### Employer category threshold",
        "",
    ]
    out += _table(
        ["in force", "withholding tax for category 2 (yen)", "sources"],
        ([str(e), f"{yen:,}", _refs(ids)] for e, yen, ids in CATEGORY_THRESHOLDS),
    )
    out += ["### Every status", ""]
    out += _table(_HEADER, _document_rows(COMMON_DOCUMENTS))
    for status, rows in DOCUMENT_TABLES.items():
        out += [f"### {status.ja} ({status.en})", ""]
        out += _table(_HEADER, _document_rows(rows))
    out += ["### The organization's request (利用申出) and periodic report", ""]
    out += _table(
        ["id", "request", "roles", "document", "condition", "in force", "seen", "sources"],
        (
            [
                f"`{r.id}`",
                ", ".join(r.requests),
                ", ".join(x.value for x in r.roles),
                f"{r.name_ja}<br>{r.name_en}",
                f"{r.condition_ja}<br>{r.condition_en}",
                str(r.effective),
                r.seen.isoformat(),
                _refs(r.source_ids),
            ]
            for r in ORGANIZATION_DOCUMENTS
        ),
    )
    out += _table(
        ["prerequisite", "parameter", "request", "roles", "seen", "sources"],
        (
            [
                f"{p.ja}<br>{p.en}",
                f"`{p.parameter}`",
                ", ".join(p.requests),
                ", ".join(x.value for x in p.roles),
                p.seen.isoformat(),
                _refs(p.source_ids),
            ]
            for p in ORGANIZATION_PREREQUISITES
        ),
    )
    out += ["### After filing", ""]
    out += _table(
        ["id", "procedures", "channels", "what to know", "in force", "seen", "sources"],
        (
            [
                f"`{r.id}`",
                ", ".join(k.value for k in r.kinds),
                ", ".join(c.value for c in r.channels),
                f"**{r.topic_ja}** {r.ja}<br>**{r.topic_en}** {r.en}",
                str(r.effective),
                r.seen.isoformat(),
                _refs(r.source_ids),
            ]
            for r in AFTER_FILING
        ),
    )
    return "\n".join(out)
