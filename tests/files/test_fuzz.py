"""Hypothesis over every public function of nyukan_rules.files that takes bytes or text.

Source: issue 10 ("Untrusted values never raise past the public API"); python-stdnum's
robustness test does the same for its validators.  Only the package's own errors may
come out: ValidationError where a function documents it for unusable bytes
(prepare_photo, merge_pdfs), and never anything else.
"""

from __future__ import annotations

import contextlib
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

import nyukan_rules as nr
from tests.files import fixtures

_PDF = fixtures.pdf(pages=2)
_JPEG = fixtures.photo(120, 160, taken="2026:01:02 03:04:05", orientation=6)
_PNG = fixtures.photo(120, 160, fmt="PNG")


@st.composite
def _mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from([_PDF, _JPEG, _PNG])))
    for _ in range(draw(st.integers(1, 8))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data[: draw(st.integers(0, len(data)))])


_BYTES = st.one_of(st.binary(max_size=3_000), _mutated())


@settings(max_examples=100, deadline=None)
@given(_BYTES, st.text(max_size=40))
def test_check_attachment(data: bytes, filename: str) -> None:
    report = nr.check_attachment(data, filename=filename)
    assert report.size == len(data)
    # Deterministic (issue 10): no object address or id() in any message.
    assert report == nr.check_attachment(data, filename=filename)


@settings(max_examples=60, deadline=None)
@given(_BYTES)
def test_check_photo_and_prepare(data: bytes) -> None:
    report = nr.check_photo(data, submitted_on=date(2026, 11, 22))
    assert report == nr.check_photo(data, submitted_on=date(2026, 11, 22))
    with contextlib.suppress(nr.ValidationError):
        nr.prepare_photo(data)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=20), _BYTES), max_size=3), st.none() | _BYTES)
def test_check_submission(attachments: list[tuple[str, bytes]], photo: bytes | None) -> None:
    report = nr.check_submission(attachments, photo=photo, edition="current")
    assert len(report.files) == len(attachments)


@settings(max_examples=40, deadline=None)
@given(st.lists(_BYTES, min_size=1, max_size=2))
def test_merge_pdfs(parts: list[bytes]) -> None:
    with contextlib.suppress(nr.ValidationError):
        assert nr.merge_pdfs(parts)[:5] == b"%PDF-"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30), st.text(max_size=30), st.text(max_size=30))
def test_text_arguments(edition: str, kind: str, status: str) -> None:
    # Text naming a catalog member either names one or raises the package's UnknownNameError.
    with contextlib.suppress(nr.UnknownNameError):
        nr.check_attachment(_PDF, filename=edition, edition=edition)
    with contextlib.suppress(nr.UnknownNameError):
        nr.photo_required(kind, on=date(2026, 11, 22), applicant_age=10, desired_status=status)


def test_pdf_details_carry_no_reader_id() -> None:
    from nyukan_rules.files._pdfread import clean_detail

    error = ValueError("bad IndirectObject(1, 0, 140529052897872) <obj at 0x7f00aabbcc>")
    assert clean_detail(error) == "ValueError: bad IndirectObject(1, 0) <obj>"
