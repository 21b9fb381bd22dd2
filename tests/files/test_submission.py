"""check_submission and the editions.

Sources: legacy-attachment-rules, current-attachment-rules, online-system-2026.
"""

from __future__ import annotations

from datetime import date

import pytest

import nyukan_rules as nr
from nyukan_rules.errors import ArgumentTypeError
from tests.files import fixtures

ON = date(2026, 11, 22)


def test_editions_by_date() -> None:
    assert nr.SystemEdition.for_date(date(2026, 1, 4)) is nr.SystemEdition.LEGACY
    assert nr.SystemEdition.for_date(date(2026, 1, 5)) is nr.SystemEdition.CURRENT
    with pytest.raises(nr.NoRuleError):
        nr.SystemEdition.for_date(date(2019, 7, 24))
    legacy, current = nr.SystemEdition.LEGACY.limits, nr.SystemEdition.CURRENT.limits
    assert (legacy.max_files, legacy.max_file_bytes, legacy.single_pdf) == (1, 10_000_000, True)
    assert (current.max_files, current.max_total_bytes, current.photo_in_total) == (
        20,
        25_000_000,
        True,
    )
    assert not legacy.effective.overlaps(current.effective)


def test_legacy_wants_exactly_one_pdf() -> None:
    two = [("a.pdf", fixtures.pdf()), ("b.pdf", fixtures.pdf())]
    assert nr.check_submission(two, edition="legacy").codes == ("submission.single_file_required",)
    merged = [("all.pdf", nr.merge_pdfs([data for _, data in two]))]
    assert nr.check_submission(merged, edition="legacy").ok
    assert nr.check_submission([], edition="legacy").codes == ("submission.single_file_required",)


def test_current_file_count() -> None:
    files = [(f"{i}.pdf", fixtures.pdf()) for i in range(21)]
    assert nr.check_submission(files, edition="current").codes == ("submission.too_many_files",)
    twenty = files[:20]
    assert nr.check_submission(twenty, edition="current").ok
    with_photo = nr.check_submission(twenty, photo=fixtures.photo(), edition="current")
    assert with_photo.codes == ("submission.photo_may_count",)
    assert with_photo.ok


def test_current_total_includes_the_photo() -> None:
    files = [(f"{i}.pdf", fixtures.pdf(pad=8_300_000)) for i in range(3)]
    total = sum(len(data) for _, data in files)
    assert total < 25_000_000
    photo = fixtures.photo(1200, 1600)
    assert total + len(photo) > 25_000_000
    assert nr.check_submission(files, edition="current").ok
    report = nr.check_submission(files, photo=photo, edition="current")
    assert "submission.total_too_large" in report.codes
    assert report.total_bytes == total + len(photo)


def test_each_files_findings_are_named_by_file() -> None:
    report = nr.check_submission(
        [("ok.pdf", fixtures.pdf()), ("locked.pdf", fixtures.encrypted_pdf())], edition="current"
    )
    assert report.codes == ("attachment.encrypted",)
    assert report.errors[0].field == "locked.pdf"
    assert [f.filename for f in report.files] == ["ok.pdf", "locked.pdf"]


def test_image_attachments_are_warnings_on_the_current_edition() -> None:
    image = ("residence-card.jpg", fixtures.photo())
    current = nr.check_submission([image], edition="current")
    assert current.codes == ("submission.image_attachment",)
    assert current.ok
    legacy = nr.check_submission([image], edition="legacy")
    assert not legacy.ok
    assert "attachment.not_pdf" in legacy.codes


def test_photo_is_checked_with_the_submission_date() -> None:
    old_photo = fixtures.photo(taken="2025:01:01 10:00:00")
    report = nr.check_submission([("a.pdf", fixtures.pdf())], photo=old_photo, submitted_on=ON)
    assert report.edition is nr.SystemEdition.CURRENT
    assert report.codes == ("photo.too_old",)
    assert report.errors[0].field == "photo"


def test_duplicates_and_empty() -> None:
    dup = nr.check_submission(
        [("a.pdf", fixtures.pdf()), ("a.pdf", fixtures.pdf())], edition="current"
    )
    assert dup.codes == ("submission.duplicate_name",)
    assert nr.check_submission([], edition="current").codes == ("submission.no_files",)


def test_programming_errors() -> None:
    with pytest.raises(nr.MissingInputError):
        nr.check_submission([("a.pdf", fixtures.pdf())])
    # Issue 10: wrong argument types raise the package's own TypeError.
    with pytest.raises(ArgumentTypeError):
        nr.check_submission([("a.pdf", "text")], edition="current")  # type: ignore[list-item]
    with pytest.raises(ArgumentTypeError):
        nr.check_submission(b"a.pdf", edition="current")  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="photo"):
        nr.check_submission([], edition="current", photo="me.jpg")  # type: ignore[arg-type]
