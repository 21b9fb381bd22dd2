"""PDF attachments: check one before upload, and merge several into one.

pypdf is imported inside the functions.  A check reads a file's structure
(header, cross-reference table, trailer, page tree), never its content
streams, and turns every failure into a finding: untrusted bytes never raise
past these functions.  pypdf's own limits bound the work (decompression
output, page-tree depth, recovery loops); they are process-wide, and this
module never changes them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from io import BytesIO
from typing import Any

import attrs

from nyukan_rules.errors import MissingInputError, ValidationError
from nyukan_rules.files._capture import captured_messages
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
    name = _display(filename)
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ValidationError(f"data must be bytes, not {type(data).__name__}")
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
                reason_ja="拡張子が「.pdf」ではありません。",
                reason_en="the file name does not end in .pdf.",
            )
        )
    if data.find(_SIGNATURE, 0, _SIGNATURE_WINDOW) < 0:
        findings.append(
            make_finding(
                "attachment.not_pdf",
                field=filename or None,
                name=name,
                reason_ja="PDFの署名（%PDF-）がありません。",
                reason_en="it does not start with the PDF signature (%PDF-).",
            )
        )
        return done()
    findings.extend(_inspect(data, filename, details))
    return done()


def _inspect(data: bytes, filename: str, details: dict[str, Any]) -> list[Finding]:
    from pypdf import PdfReader  # heavy: imported only when a PDF is checked

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

    with captured_messages("pypdf") as messages:
        try:
            reader = PdfReader(BytesIO(data), strict=False)
            encrypted = bool(reader.is_encrypted)
            details["encrypted"] = encrypted
            details["pdf_version"] = _declared_version(reader)
            if encrypted:
                found("attachment.encrypted")
                findings.extend(_restrictions(_permissions(reader), name, filename or None))
            else:
                # Counting pages walks the page tree (bounded by pypdf), not the contents.
                details["pages"] = len(reader.pages)
        # pypdf raises many unrelated types on malformed input (its own errors,
        # DependencyError outside its hierarchy, KeyError, TypeError, RecursionError,
        # MemoryError ...): for untrusted bytes each of them means "unreadable".
        except Exception as exc:  # noqa: BLE001
            if b"/Encrypt" in data:  # AES without a crypto backend, say: still encrypted
                details["encrypted"] = True
                found("attachment.encrypted")
            else:
                found(
                    "attachment.unreadable",
                    error_file=False,
                    detail=f"{type(exc).__name__}: {exc}"[:200],
                )
            return findings
    version = details.get("pdf_version")
    if version is not None and not version.startswith("1."):
        found("attachment.pdf_version", version=version)
    if messages:
        more = f" (+{len(messages) - 1} more)" if len(messages) > 1 else ""
        found("attachment.repaired", detail=messages[0][:160] + more)
    return findings


def _restrictions(permissions: int | None, name: str, field: str | None) -> list[Finding]:
    if permissions is None:
        return []
    blocked_ja, blocked_en = [], []
    if not permissions & _PRINT:
        blocked_ja.append("印刷")
        blocked_en.append("printing")
    if not permissions & _COPY:
        blocked_ja.append("コピー")
        blocked_en.append("copying")
    if not blocked_en:
        return []
    return [
        make_finding(
            "attachment.restricted",
            field=field,
            sources=sources(*_ERROR_FILE),
            name=name,
            what_ja="・".join(blocked_ja),
            what_en=" and ".join(blocked_en),
        )
    ]


def merge_pdfs(parts: Sequence[bytes]) -> bytes:
    """One unencrypted PDF of ``parts``, in order: what the legacy system takes.

    A part that is not a PDF, is encrypted or cannot be read raises
    :class:`~nyukan_rules.ValidationError` naming it (``part 2 of 3``);
    outlines are not copied.  Check the result with :func:`check_attachment`
    (the legacy limit is 10,000,000 bytes).
    """
    from pypdf import PdfReader, PdfWriter  # heavy: imported only when merging

    if isinstance(parts, (bytes, bytearray)) or not isinstance(parts, Sequence):
        raise ValidationError("parts must be a sequence of PDF files given as bytes")
    if not parts:
        raise MissingInputError("parts is empty: give at least one PDF")
    writer = PdfWriter()
    total = len(parts)
    with captured_messages("pypdf"):
        for number, part in enumerate(parts, start=1):
            label = f"part {number} of {total}"
            if not isinstance(part, (bytes, bytearray)) or not part:
                raise ValidationError(f"{label} is not a PDF given as bytes")
            if bytes(part).find(_SIGNATURE, 0, _SIGNATURE_WINDOW) < 0:
                raise ValidationError(f"{label} is not a PDF (no %PDF- signature)")
            try:
                reader = PdfReader(BytesIO(bytes(part)), strict=False)
                if reader.is_encrypted:
                    raise ValidationError(f"{label} is encrypted: remove its password first")
                writer.append(reader, import_outline=False)
            except ValidationError:
                raise
            except Exception as exc:
                raise ValidationError(
                    f"{label} cannot be read: {type(exc).__name__}: {exc}"
                ) from exc
        out = BytesIO()
        try:
            writer.write(out)
        except Exception as exc:
            raise ValidationError(f"the merged PDF could not be written: {exc}") from exc
    return out.getvalue()
