"""The whole filing: every attachment and the photo, against the edition's limits."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

import attrs

from nyukan_rules._args import wrong_type
from nyukan_rules.dates import ensure_date
from nyukan_rules.errors import ArgumentTypeError, MissingInputError
from nyukan_rules.files.editions import SystemEdition
from nyukan_rules.files.pdf import AttachmentReport, check_attachment
from nyukan_rules.files.photo import PhotoPolicy, PhotoReport, _check, _sniff
from nyukan_rules.messages import make_finding
from nyukan_rules.report import Finding, Report
from nyukan_rules.sources import sources

__all__ = ["SubmissionReport", "check_submission"]

#: Image attachments the current system may take (its formats are not published).
_IMAGE_ATTACHMENTS = frozenset({"JPEG", "PNG"})


@attrs.frozen
class SubmissionReport(Report):
    """The findings on a whole filing; each file's own findings are included, named by file."""

    edition: SystemEdition = attrs.field(default=SystemEdition.CURRENT, kw_only=True)
    files: tuple[AttachmentReport, ...] = attrs.field(default=(), kw_only=True)
    photo: PhotoReport | None = attrs.field(default=None, kw_only=True)
    total_bytes: int = attrs.field(default=0, kw_only=True)


def check_submission(
    attachments: Sequence[tuple[str, bytes]],
    *,
    photo: bytes | None = None,
    edition: SystemEdition | str | None = None,
    submitted_on: date | None = None,
    photo_policy: PhotoPolicy | None = None,
) -> SubmissionReport:
    """Check every file of one online application before it is uploaded.

    ``attachments`` are (file name, bytes) pairs.  ``edition`` is the
    system's edition; where it is not given it follows ``submitted_on``.
    With ``submitted_on`` the photo's age is checked too.

    Legacy edition: exactly one PDF of at most 10,000,000 bytes (the photo
    is separate).  Current edition: at most 20 attachments and 25,000,000
    bytes in total with the photo; 20 attachments plus a photo is a warning
    (whether the photo counts among the 20 is not published); JPEG and PNG
    attachments are warnings (the accepted formats are not published: PDF
    is the safe choice); other files are errors.

    >>> check_submission([("a.pdf", b"")], edition="legacy").codes
    ('attachment.empty',)
    """
    if submitted_on is not None:
        submitted_on = ensure_date(submitted_on, "submitted_on")
    if edition is None:
        if submitted_on is None:
            raise MissingInputError(
                "give the edition, or submitted_on to choose it by date",
                code="submission.edition_needed",
            )
        the_edition = SystemEdition.for_date(submitted_on)
    else:
        the_edition = SystemEdition.parse(edition)
    limits = the_edition.limits
    if isinstance(attachments, (str, bytes, bytearray, memoryview)) or not isinstance(
        attachments, Sequence
    ):
        raise ArgumentTypeError(
            "attachments must be a sequence of (file name, bytes) pairs,"
            f" not {type(attachments).__name__}",
            **wrong_type("attachments", attachments, "sequence of (str, bytes)"),
        )
    if photo is not None and not isinstance(photo, (bytes, bytearray, memoryview)):
        raise ArgumentTypeError(
            f"photo must be bytes, not {type(photo).__name__}",
            **wrong_type("photo", photo, "bytes or None"),
        )

    findings: list[Finding] = []
    reports: list[AttachmentReport] = []
    total = 0
    for number, item in enumerate(attachments, start=1):
        if (
            not isinstance(item, tuple)
            or len(item) != 2
            or not isinstance(item[0], str)
            or not isinstance(item[1], (bytes, bytearray, memoryview))
        ):
            raise ArgumentTypeError(
                f"attachment {number} is not a (file name, bytes) pair",
                code="submission.attachment_type",
                params={"number": number, "given": type(item).__name__},
            )
        name, data = item[0], bytes(item[1])
        total += len(data)
        kind = _sniff(data)
        if not limits.single_pdf and kind in _IMAGE_ATTACHMENTS:
            image = AttachmentReport(
                [
                    make_finding(
                        "submission.image_attachment",
                        field=name,
                        sources=limits.sources,
                        name=name,
                        format=kind,
                    )
                ],
                filename=name,
                size=len(data),
            )
            reports.append(image)
        else:
            reports.append(check_attachment(data, filename=name, edition=the_edition))
        findings.extend(reports[-1].findings)

    count = len(reports)
    for name, uses in Counter(r.filename for r in reports).items():
        if uses > 1:
            findings.append(
                make_finding("submission.duplicate_name", field=name, name=name, count=uses)
            )
    if limits.single_pdf and count != 1:
        findings.append(
            make_finding("submission.single_file_required", sources=limits.sources, count=count)
        )
    elif not limits.single_pdf:
        if count == 0:
            findings.append(make_finding("submission.no_files"))
        elif count > limits.max_files:
            findings.append(
                make_finding(
                    "submission.too_many_files",
                    sources=limits.sources,
                    count=count,
                    limit=limits.max_files,
                )
            )
        elif count == limits.max_files and photo is not None:
            findings.append(
                make_finding(
                    "submission.photo_may_count",
                    sources=limits.sources,
                    count=count,
                    limit=limits.max_files,
                )
            )

    photo_report = None
    if photo is not None:
        photo_report = _check(photo, submitted_on=submitted_on, taken_on=None, policy=photo_policy)
        findings.extend(attrs.evolve(f, field=f.field or "photo") for f in photo_report.findings)
        if limits.photo_in_total:
            total += len(photo)
    if total > limits.max_total_bytes and not limits.single_pdf:
        findings.append(
            make_finding(
                "submission.total_too_large",
                sources=sources(*limits.source_ids),
                total=total,
                limit=limits.max_total_bytes,
            )
        )
    return SubmissionReport(
        findings, edition=the_edition, files=tuple(reports), photo=photo_report, total_bytes=total
    )
