"""check_attachment and merge_pdfs.

Sources: legacy-attachment-rules (one PDF, extension pdf, 10MB),
current-attachment-rules (25MB in total), attachment-error-file (password,
print or copy restrictions, ISO 32000-1: the file silently becomes an
error file).
"""

from __future__ import annotations

from io import BytesIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.constants import UserAccessPermissions as Perm

import nyukan_rules as nr
from nyukan_rules.errors import ArgumentTypeError
from tests.files import fixtures


def test_a_plain_pdf_passes_and_is_described() -> None:
    data = fixtures.pdf(pages=3)
    report = nr.check_attachment(data, filename="passport.pdf")
    assert report.ok
    assert report.codes == ()
    assert (report.pages, report.pdf_version, report.size) == (3, "1.3", len(data))
    assert report.filename == "passport.pdf"
    assert not report.encrypted


def test_empty() -> None:
    assert nr.check_attachment(b"", filename="a.pdf").codes == ("attachment.empty",)


def test_not_a_pdf_by_signature_or_extension() -> None:
    assert nr.check_attachment(b"\x89PNG\r\n\x1a\n....", filename="a.pdf").codes == (
        "attachment.not_pdf",
    )
    named = nr.check_attachment(fixtures.pdf(), filename="scan.PDF.docx")
    assert named.codes == ("attachment.not_pdf",)
    assert "extension" not in named.errors[0].message_en  # worded for a person
    assert ".pdf" in named.errors[0].message_en
    assert nr.check_attachment(fixtures.pdf(), filename="SCAN.PDF").ok


@pytest.mark.parametrize("user_password", ["secret", ""])
def test_any_encryption_is_an_error(user_password: str) -> None:
    # attachment-error-file: a password (even an empty user password) makes an error file.
    report = nr.check_attachment(fixtures.encrypted_pdf(user_password), filename="a.pdf")
    assert "attachment.encrypted" in report.codes
    assert not report.ok
    assert report.encrypted
    assert report.pages is None  # an encrypted file's page count is not trusted


@pytest.mark.parametrize(
    ("permissions", "blocked"),
    [
        (Perm.EXTRACT | Perm.MODIFY, "printing"),
        (Perm.PRINT | Perm.MODIFY, "copying"),
        (Perm.MODIFY, "printing and copying"),
    ],
)
def test_restrictions_are_errors(permissions: Perm, blocked: str) -> None:
    report = nr.check_attachment(fixtures.encrypted_pdf("", permissions), filename="a.pdf")
    assert report.codes == ("attachment.encrypted", "attachment.restricted")
    assert blocked in report.by_code("attachment.restricted")[0].message_en


def test_pdf_2_is_a_warning() -> None:
    report = nr.check_attachment(fixtures.pdf(version=b"2.0"), filename="a.pdf")
    assert report.ok
    assert report.codes == ("attachment.pdf_version",)
    assert report.pdf_version == "2.0"


def test_size_limits_by_edition() -> None:
    # legacy-attachment-rules: 10MB read as 10,000,000 bytes.
    data = fixtures.pdf(pad=10_000_000)
    assert len(data) > 10_000_000
    legacy = nr.check_attachment(data, filename="a.pdf", edition="legacy")
    # The padding is an embedded file: a warning of its own (issue 10, active content).
    assert legacy.codes == ("attachment.too_large", "attachment.embedded_files")
    assert "10,000,000" in legacy.errors[0].message_en
    assert nr.check_attachment(data, filename="a.pdf", edition=nr.SystemEdition.CURRENT).ok


@pytest.mark.parametrize(
    "make", [fixtures.page_tree_loop, fixtures.reference_loop], ids=lambda f: f.__name__
)
def test_loops_end_in_a_finding(make: object) -> None:
    report = nr.check_attachment(make(), filename="a.pdf")  # type: ignore[operator]
    assert report.codes == ("attachment.unreadable",)


def test_content_streams_are_not_read() -> None:
    # A 200 MB compression bomb in the page's contents: the structure is fine.
    report = nr.check_attachment(fixtures.compression_bomb(), filename="a.pdf")
    assert report.pages == 1


def test_truncated_pdf() -> None:
    data = fixtures.pdf(pages=2)
    report = nr.check_attachment(data[: len(data) // 3], filename="a.pdf")
    assert not report.ok or "attachment.repaired" in report.codes


def test_wrong_types_raise_our_error() -> None:
    # Issue 10: check_attachment(filename=42) raised AttributeError from deep inside.
    with pytest.raises(ArgumentTypeError):
        nr.check_attachment("a string", filename="a.pdf")  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="filename"):
        nr.check_attachment(fixtures.pdf(), filename=42)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        nr.merge_pdfs(fixtures.pdf())
    with pytest.raises(ArgumentTypeError, match="part 2 of 2"):
        nr.merge_pdfs([fixtures.pdf(), "x.pdf"])  # type: ignore[list-item]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2_000))
def test_random_bytes_give_a_report(data: bytes) -> None:
    report = nr.check_attachment(data, filename="x.pdf")
    assert isinstance(report, nr.AttachmentReport)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_mutated_pdfs_give_a_report(draw: st.DataObject) -> None:
    data = bytearray(fixtures.pdf(pages=2))
    for _ in range(draw.draw(st.integers(1, 8))):
        index = draw.draw(st.integers(0, len(data) - 1))
        data[index] = draw.draw(st.integers(0, 255))
    cut = draw.draw(st.integers(len(data) // 2, len(data)))
    report = nr.check_attachment(bytes(data[:cut]), filename="x.pdf")
    assert isinstance(report, nr.AttachmentReport)


def test_merge_keeps_order_and_pages() -> None:
    merged = nr.merge_pdfs([fixtures.pdf(1, width=100), fixtures.pdf(2, width=200)])
    reader = PdfReader(BytesIO(merged))
    assert [float(p.mediabox.width) for p in reader.pages] == [100, 200, 200]
    assert not reader.is_encrypted
    assert nr.check_attachment(merged, filename="all.pdf", edition="legacy").ok


def test_merge_names_the_bad_part() -> None:
    with pytest.raises(nr.ValidationError, match="part 2 of 3 is encrypted"):
        nr.merge_pdfs([fixtures.pdf(), fixtures.encrypted_pdf(), fixtures.pdf()])
    with pytest.raises(nr.ValidationError, match="part 1 of 2 is not a PDF"):
        nr.merge_pdfs([b"GIF89a", fixtures.pdf()])
    with pytest.raises(nr.ValidationError, match="part 2 of 2 cannot be read"):
        nr.merge_pdfs([fixtures.pdf(), fixtures.page_tree_loop()])
    with pytest.raises(nr.MissingInputError):
        nr.merge_pdfs([])
