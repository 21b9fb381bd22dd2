"""PDF attachments: check one before upload, and merge several into one.

pypdf is imported inside the functions.  A check reads a file's structure
(header, cross-reference table, trailer, page tree, actions, names and
annotations), never its content streams, and turns every failure into a
finding: untrusted bytes never raise past these functions.  The work is
bounded per call (pypdf's limits through its context-local configuration,
plus a budget of reads: see :mod:`nyukan_rules.files._pdfread`); no
process-wide state (pypdf's module globals, ``logging``, ``warnings``) is
touched, so checks run safely in many threads at once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from io import BytesIO
from typing import Any

import attrs

from nyukan_rules._args import wrong_type
from nyukan_rules.errors import ArgumentTypeError, MissingInputError, ValidationError
from nyukan_rules.files._pdfread import (
    ACTIVE_CODES,
    MERGE_OBJECT_STREAM_WEIGHT,
    MERGE_UNITS,
    WORK_UNITS,
    Budget,
    TooComplex,
    active_content,
    budgeted_reader,
    clean_detail,
    limits,
    misplaced_object,
    recovery_too_costly,
)
from nyukan_rules.files.editions import SystemEdition
from nyukan_rules.messages import make_finding
from nyukan_rules.report import Finding, Report
from nyukan_rules.sources import sources

__all__ = ["AttachmentReport", "check_attachment", "merge_pdfs"]

_SIGNATURE = b"%PDF-"
_SIGNATURE_WINDOW = 1024  # the PDF spec lets the header start within the first KB
_VERSION = re.compile(r"^(\d+)\.(\d+)$")
_PRINT, _COPY = 1 << 2, 1 << 4  # /P bits 3 and 5 (ISO 32000-1, table 22)
_ERROR_FILE = ("attachment-error-file",)


@attrs.frozen
class AttachmentReport(Report):
    """The findings on one attachment, and what was learnt about it."""

    filename: str = attrs.field(default="", kw_only=True)
    size: int = attrs.field(default=0, kw_only=True)
    pages: int | None = attrs.field(default=None, kw_only=True)
    """The page count, where the file could be read and is not encrypted."""
    pdf_version: str | None = attrs.field(default=None, kw_only=True)
    encrypted: bool = attrs.field(default=False, kw_only=True)


def _display(filename: str) -> str:
    return filename or "(no name)"


def _edition(edition: SystemEdition | str | None) -> SystemEdition:
    return SystemEdition.CURRENT if edition is None else SystemEdition.parse(edition)


def _version_key(text: str) -> tuple[int, int]:
    match = _VERSION.match(text)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def _declared_version(reader: Any) -> str | None:
    """The version in the header, or the catalog's /Version where that is higher."""
    header = str(reader.pdf_header or "")
    version = header[5:].strip() if header.startswith("%PDF-") else None
    try:
        catalog_version = reader.trailer["/Root"].get_object().get("/Version")
    except Exception:  # noqa: BLE001 - a broken catalog is reported elsewhere
        catalog_version = None
    if catalog_version is not None:
        text = str(catalog_version).lstrip("/")
        if version is None or _version_key(text) > _version_key(version):
            version = text
    return version


def _permissions(reader: Any) -> int | None:
    """The /P entry of the encryption dictionary (readable without a password)."""
    try:
        value = reader.trailer["/Encrypt"].get_object().get("/P")
        return int(value) if value is not None else None
    except Exception:  # noqa: BLE001 - an unreadable /P is treated as unknown
        return None


def check_attachment(
    data: bytes,
    *,
    filename: str = "",
    edition: SystemEdition | str | None = None,
) -> AttachmentReport:
    """Check one document before it is attached to an online application.

    ``edition`` decides the size limit (10,000,000 bytes a file on the legacy
    system; on the current one, where no per-file limit is published, the
    25,000,000-byte total); it defaults to the current edition.  The report
    also tells the size, page count and PDF version.

    >>> check_attachment(b"", filename="passport.pdf").codes
    ('attachment.empty',)
    >>> check_attachment(b"GIF89a...", filename="passport.gif").codes
    ('attachment.not_pdf', 'attachment.not_pdf')
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ArgumentTypeError(
            f"data must be bytes, not {type(data).__name__}", **wrong_type("data", data, "bytes")
        )
    if not isinstance(filename, str):
        raise ArgumentTypeError(
            f"filename must be a str, not {type(filename).__name__}",
            **wrong_type("filename", filename, "str"),
        )
    name = _display(filename)
    data = bytes(data)
    limits = _edition(edition).limits
    findings: list[Finding] = []
    details: dict[str, Any] = {"filename": filename, "size": len(data)}

    def done() -> AttachmentReport:
        return AttachmentReport(findings, **details)

    if not data:
        findings.append(make_finding("attachment.empty", field=filename or None, name=name))
        return done()
    limit = limits.max_file_bytes or limits.max_total_bytes
    if len(data) > limit:
        findings.append(
            make_finding(
                "attachment.too_large",
                field=filename or None,
                sources=limits.sources,
                name=name,
                size=len(data),
                limit=limit,
            )
        )
    if filename and not filename.lower().endswith(".pdf"):
        findings.append(
            make_finding(
                "attachment.not_pdf",
                field=filename,
                sources=sources("legacy-attachment-rules"),
                name=name,
                reason="pdf.extension",
            )
        )
    if data.find(_SIGNATURE, 0, _SIGNATURE_WINDOW) < 0:
        findings.append(
            make_finding(
                "attachment.not_pdf",
                field=filename or None,
                name=name,
                reason="pdf.signature",
            )
        )
        return done()
    findings.extend(_inspect(data, filename, details))
    return done()


def _inspect(data: bytes, filename: str, details: dict[str, Any]) -> list[Finding]:
    name = _display(filename)
    findings: list[Finding] = []

    def found(code: str, *, error_file: bool = True, **values: Any) -> None:
        findings.append(
            make_finding(
                code,
                field=filename or None,
                sources=sources(*_ERROR_FILE) if error_file else (),
                name=name,
                **values,
            )
        )

    budget = Budget()
    facts: dict[str, Any] = {}
    repair: str | None = None
    with limits():
        try:
            # strict=True first: pypdf raises where it would have had to repair.
            reader = budgeted_reader(data, budget, strict=True)
            facts = _facts(reader, strict=True)
            repair = misplaced_object(reader, data, budget)
        # pypdf raises many unrelated types on malformed input (its own errors,
        # DependencyError outside its hierarchy, KeyError, TypeError, RecursionError,
        # MemoryError ...): for untrusted bytes each of them means "unreadable".
        except Exception as strict_error:  # noqa: BLE001
            repair = clean_detail(strict_error)
            try:
                if not budget.spent_out and recovery_too_costly(data):
                    budget.spent_out = True
                if not budget.spent_out:
                    facts = _facts(budgeted_reader(data, budget, strict=False), strict=False)
            except Exception as exc:  # noqa: BLE001
                if type(exc).__name__ == "LimitReachedError":  # one of pypdf's limits
                    budget.spent_out = True
                if not budget.spent_out:
                    if b"/Encrypt" in data:  # AES without a crypto backend, say: still encrypted
                        details["encrypted"] = True
                        found("attachment.encrypted")
                    else:
                        found("attachment.unreadable", error_file=False, detail=clean_detail(exc))
                    return findings
    if budget.spent_out:
        found("attachment.too_complex", error_file=False, limit=WORK_UNITS)
        return findings
    details.update(facts["details"])
    if facts["encrypted"]:
        found("attachment.encrypted")
        findings.extend(_restrictions(facts["permissions"], name, filename or None))
    version = details.get("pdf_version")
    if version is not None and not version.startswith("1."):
        found("attachment.pdf_version", version=version)
    if repair is not None:
        found("attachment.repaired", detail=repair)
    for kind in facts["active"]:
        found(ACTIVE_CODES[kind], error_file=False)
    return findings


def _facts(reader: Any, *, strict: bool) -> dict[str, Any]:
    """What a check reports of a parsed file; raises what pypdf raises on a broken one.

    Strict, everything must read; otherwise a broken active-content structure
    counts as none (the rest of the file was readable).
    """
    encrypted = bool(reader.is_encrypted)
    details: dict[str, Any] = {"encrypted": encrypted, "pdf_version": _declared_version(reader)}
    facts: dict[str, Any] = {"encrypted": encrypted, "details": details, "active": []}
    if encrypted:
        facts["permissions"] = _permissions(reader)
        return facts
    # Counting pages walks the page tree (bounded by pypdf), not the contents.
    details["pages"] = len(reader.pages)
    try:
        facts["active"] = active_content(reader)
    except TooComplex:
        raise
    except Exception:
        if strict:
            raise
    return facts


def _restrictions(permissions: int | None, name: str, field: str | None) -> list[Finding]:
    if permissions is None:
        return []
    blocked = []
    if not permissions & _PRINT:
        blocked.append("pdf.printing")
    if not permissions & _COPY:
        blocked.append("pdf.copying")
    if not blocked:
        return []
    return [
        make_finding(
            "attachment.restricted",
            field=field,
            sources=sources(*_ERROR_FILE),
            name=name,
            what=tuple(blocked),
        )
    ]


def merge_pdfs(parts: Sequence[bytes]) -> bytes:
    """One unencrypted PDF of ``parts``, in order: what the legacy system takes.

    A part that is not a PDF, is encrypted, cannot be read or is too complex
    to read within the check's budget raises :class:`~nyukan_rules.ValidationError`
    naming it (``part 2 of 3``); outlines are not copied.  ``parts`` that is
    not a sequence of bytes raises :class:`~nyukan_rules.errors.ArgumentTypeError`.
    Check the result with :func:`check_attachment` (the legacy limit is
    10,000,000 bytes).
    """
    from pypdf import PdfWriter  # heavy: imported only when merging

    if isinstance(parts, (str, bytes, bytearray, memoryview)) or not isinstance(parts, Sequence):
        raise ArgumentTypeError(
            f"parts must be a sequence of PDF files given as bytes, not {type(parts).__name__}",
            **wrong_type("parts", parts, "sequence of bytes"),
        )
    total = len(parts)
    for number, part in enumerate(parts, start=1):
        if not isinstance(part, (bytes, bytearray, memoryview)):
            raise ArgumentTypeError(
                f"part {number} of {total} must be bytes, not {type(part).__name__}",
                code="pdf.merge.part_type",
                params={"part": number, "total": total, "given": type(part).__name__},
            )
    if not parts:
        raise MissingInputError("parts is empty: give at least one PDF", code="pdf.merge.no_parts")
    writer = PdfWriter()
    with limits():
        for number, part in enumerate(parts, start=1):
            label = f"part {number} of {total}"
            data = bytes(part)
            if data.find(_SIGNATURE, 0, _SIGNATURE_WINDOW) < 0:
                raise ValidationError(
                    f"{label} is not a PDF (no %PDF- signature)",
                    code="pdf.merge.not_pdf",
                    params={"part": number, "total": total},
                )
            budget = Budget(MERGE_UNITS, MERGE_OBJECT_STREAM_WEIGHT)
            if recovery_too_costly(data):
                budget.spent_out = True
            try:
                if budget.spent_out:
                    raise TooComplex
                reader = budgeted_reader(data, budget, strict=False)
                if reader.is_encrypted:
                    raise ValidationError(
                        f"{label} is encrypted: remove its password first",
                        code="pdf.merge.encrypted",
                        params={"part": number, "total": total},
                    )
                writer.append(reader, import_outline=False)
                if budget.spent_out:
                    raise TooComplex
            except ValidationError:
                raise
            except Exception as exc:
                if budget.spent_out or type(exc).__name__ == "LimitReachedError":
                    raise ValidationError(
                        f"{label} is too complex to read within {MERGE_UNITS:,} steps",
                        code="pdf.merge.too_complex",
                        params={"part": number, "total": total, "limit": MERGE_UNITS},
                    ) from None
                raise ValidationError(
                    f"{label} cannot be read: {clean_detail(exc)}",
                    code="pdf.merge.unreadable",
                    params={"part": number, "total": total, "error": type(exc).__name__},
                ) from exc
        out = BytesIO()
        try:
            writer.write(out)
        except Exception as exc:
            raise ValidationError(
                f"the merged PDF could not be written: {clean_detail(exc)}",
                code="pdf.merge.write_failed",
                params={"error": type(exc).__name__},
            ) from exc
    return out.getvalue()
